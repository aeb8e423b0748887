import ExcelJS from "exceljs";
import JSZip from "jszip";
import { CellSpec, CellValue, Format, InputValues, Role, SheetPlan, TableCell, TableSpec, Template, spillFormatAt, spills } from "../templates/model";
import { DEFAULT_CURRENCY, currencyFormat, findCurrency } from "./currency";
import { LOOKS, Look, numberFormats } from "./styles";
import { ChartSheet, addCharts, SheetGrid } from "./xlsx-charts";
import { formatAddress, formatRange, parseAddress, parseRange, quoteSheet, toFileFormula } from "./xlsx-formulas";
import { CalculatedColumn, fixTableColumnFormats, markCalculated, markCalculatedColumns, markDynamicArrays } from "./xlsx-package";
import { AddinStore, addWebExtension } from "./xlsx-webextension";

/**
 * Writes plan templates into an .xlsx file with exceljs: one worksheet per template, named inputs
 * and outputs as workbook-scoped names, live formulas that carry their computed value as the cached
 * result (so the file shows correct figures in Excel without the add-in, or in LibreOffice), real
 * Excel tables, list validation, and charts (written as DrawingML parts after exceljs, which cannot
 * write charts; see xlsx-charts.ts). BIZ formulas are stored the way Excel stores JavaScript custom
 * functions (`_xldudf_BIZ_GOAL`); docs/xlsx-formulas.md says why and what a user sees.
 */

export interface WorkbookEntry {
  readonly template: Template;
  readonly values: InputValues;
}

const ERROR_VALUES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!"]);
/** Excel's sheet-name rules: 1 to 31 characters, none of : \ / ? * [ ], not starting or ending with '. */
const SHEET_NAME = /^(?!')[^:\\/?*[\]]{1,31}(?<!')$/;
/** A defined name: starts with a letter, _ or \, and must not read as a cell address (A1 or R1C1). */
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
type Formats = ReturnType<typeof numberFormats>;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export class WorkbookError extends Error {}

export interface WorkbookOptions {
  /**
   * Where the add-in is installed from, for the webextension part that makes a workbook with BIZ
   * formulas bring the add-in (xlsx-webextension.ts): sideloaded by default.
   */
  readonly addinStore?: AddinStore;
  /** ISO 4217 code of the currency money cells are formatted in (currency.ts); USD when left out. */
  readonly currency?: string;
}

/** The workbook for these entries, as the bytes of an .xlsx file. */
export async function writeWorkbook(entries: ReadonlyArray<WorkbookEntry>, options: WorkbookOptions = {}): Promise<Buffer> {
  if (entries.length === 0) throw new WorkbookError("nothing to write: no templates given");
  const currency = findCurrency(options.currency ?? DEFAULT_CURRENCY);
  if (!currency) throw new WorkbookError(`"${options.currency}" is not a currency the workbook can be written in`);
  const formats = numberFormats(currencyFormat(currency));
  const wb = new ExcelJS.Workbook();
  wb.creator = "Home Business Planner";
  const seen = { sheets: new Set<string>(), names: new Set<string>() };
  const chartSheets: ChartSheet[] = [];
  const spillAnchors = new Map<string, string[]>();
  const calculated: CalculatedColumn[] = [];
  for (const { template, values } of entries) {
    const plan = template.build(values);
    claimSheetName(template.title, seen.sheets);
    const ws = wb.addWorksheet(template.title);
    writeSheet(wb, ws, template.title, plan, seen, formats);
    if (plan.charts.length > 0) chartSheets.push({ sheetName: template.title, charts: plan.charts, grid: sheetGrid(plan) });
    calculated.push(...plan.tables.flatMap(calculatedColumns));
    spillAnchors.set(
      template.title,
      plan.cells.filter(spills).map((c) => formatAddress(parseAddress(c.ref)))
    );
  }
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  await markCalculated(zip);
  await markDynamicArrays(zip, spillAnchors);
  await fixTableColumnFormats(zip);
  await markCalculatedColumns(zip, calculated);
  await addCharts(zip, chartSheets);
  await addWebExtension(zip, options.addinStore);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The columns of a table whose every row holds the same formula. */
function calculatedColumns(table: TableSpec): CalculatedColumn[] {
  return table.columns.flatMap((_c, j) => {
    const cells = table.rows.map((row) => row[j]);
    const first = cells[0];
    if (cells.length === 0 || typeof first !== "object" || !cells.every((c) => typeof c === "object" && c.formula === first.formula)) return [];
    return [{ table: table.name, column: j, formula: toFileFormula(first.formula, table.name) }];
  });
}

function claimSheetName(name: string, sheets: Set<string>): void {
  if (!SHEET_NAME.test(name)) throw new WorkbookError(`"${name}" cannot be a worksheet name (1 to 31 characters, none of : \\ / ? * [ ])`);
  const key = name.toUpperCase();
  if (sheets.has(key)) throw new WorkbookError(`two templates want the worksheet name "${name}"`);
  sheets.add(key);
}

function claimName(name: string, kind: string, taken: Set<string>): void {
  if (!DEFINED_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) throw new WorkbookError(`"${name}" cannot be a ${kind} name in Excel`);
  const key = name.toUpperCase();
  if (taken.has(key)) throw new WorkbookError(`the ${kind} name "${name}" is used twice in the workbook`);
  taken.add(key);
}

function writeSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, sheetName: string, plan: SheetPlan, seen: { names: Set<string> }, formats: Formats): void {
  plan.columnWidths?.forEach((width, i) => {
    ws.getColumn(i + 1).width = width;
  });
  for (const cell of plan.cells) {
    const target = ws.getCell(cell.ref);
    if (spills(cell)) writeSpill(ws, cell, cell.spill);
    else if (cell.formula !== undefined) target.value = formulaValue(cell.formula, cell.value);
    else if (cell.value !== undefined) target.value = cell.value;
    styleCell(target, cell.role, spillFormatAt(cell, 0, 0), cell.formula !== undefined, cell.value, formats);
    if (spills(cell)) {
      const top = parseAddress(cell.ref);
      cell.spill.forEach((row, r) =>
        row.forEach((v, c) => {
          if (r > 0 || c > 0) styleCell(ws.getCell(top.row + r, top.col + c), cell.role, spillFormatAt(cell, r, c), true, v, formats);
        })
      );
    }
    if (cell.name) {
      claimName(cell.name, "cell", seen.names);
      wb.definedNames.add(`${quoteSheet(sheetName)}!${formatAddress(parseAddress(cell.ref), true)}`, cell.name);
    }
  }
  for (const table of plan.tables) {
    // Excel table names and defined names share one namespace.
    claimName(table.name, "table", seen.names);
    const columnStyle = (format: Format | undefined, input: boolean | undefined): Partial<ExcelJS.Style> => {
      const style: Partial<ExcelJS.Style> = input ? lookStyle(LOOKS.input) : {};
      if (format && format !== "text") style.numFmt = formats[format];
      return style;
    };
    const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => "")]; // a table needs a body row
    ws.addTable({
      name: table.name,
      displayName: table.name,
      ref: table.ref,
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: false, style: columnStyle(c.format, c.input) })),
      rows: rows.map((row) => row.map((cell) => tableCellValue(cell, table.name))),
    } as ExcelJS.TableProperties);
    // exceljs gives the header cells the column's style too; headers take the table style's look.
    const head = parseAddress(table.ref);
    table.columns.forEach((_c, j) => {
      ws.getCell(head.row, head.col + j).style = {};
    });
  }
  for (const v of plan.validations) {
    const bad = v.list.find((item) => item.includes(",") || item.includes('"'));
    if (bad !== undefined) throw new WorkbookError(`validation list item "${bad}" cannot hold a comma or a quote`);
    const formula = `"${v.list.join(",")}"`;
    if (formula.length > 257) throw new WorkbookError(`validation list at ${v.ref} is longer than Excel's 255 characters`);
    const validation: ExcelJS.DataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Not in the list",
      error: `Choose one of: ${v.list.join(", ")}`,
    };
    // One rule over the whole range. Set cell by cell, exceljs "optimises" the cells into ranges
    // sorted as text (B10 before B9) and writes overlapping rules (B10:B14 and B9:B14).
    (ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
      formatRange(parseRange(v.ref)),
      validation
    );
  }
}

function formulaValue(formula: string, value: CellValue | undefined, table?: string): ExcelJS.CellFormulaValue {
  return { formula: toFileFormula(formula, table), result: cachedResult(value), date1904: false };
}

function cachedResult(value: CellValue | undefined): ExcelJS.CellFormulaValue["result"] {
  if (typeof value === "string" && ERROR_VALUES.has(value)) return { error: value as ExcelJS.CellErrorValue["error"] };
  return value;
}

function tableCellValue(cell: TableCell, table: string): ExcelJS.CellValue {
  if (typeof cell === "object") return formulaValue(cell.formula, cell.value, table);
  return cell;
}

/**
 * A formula that spills, BIZ or native, is stored as Excel 365 stores a dynamic array: one array
 * formula over the spilled range (`<f t="array" ref="B2:B9">` on the top-left cell), the cached
 * figure in every cell of the range, and the dynamic-array mark (cm="1", xlsx-package.ts) so Excel
 * re-spills it. Excel evaluates it once per recalculation: a BIZ table is one custom function call,
 * not one per cell. Excel without dynamic arrays (2019 and older) reads the same formula as a
 * legacy array formula over the written range. LibreOffice recomputes every array formula when it
 * opens a file, so there a BIZ table shows #NAME? (docs/xlsx-formulas.md).
 */
function writeSpill(ws: ExcelJS.Worksheet, cell: CellSpec, spill: ReadonlyArray<ReadonlyArray<CellValue>>): void {
  const top = parseAddress(cell.ref);
  const formula = cell.formula as string;
  const width = Math.max(...spill.map((r) => r.length));
  if (spill.length === 0 || width === 0) throw new WorkbookError(`the spill at ${cell.ref} is empty`);
  if (spill.some((r) => r.length !== width)) throw new WorkbookError(`the spill at ${cell.ref} is ragged`);
  const range = `${cell.ref}:${formatAddress({ row: top.row + spill.length - 1, col: top.col + width - 1 })}`;
  ws.getCell(cell.ref).value = {
    formula: toFileFormula(formula),
    result: cachedResult(spill[0][0]),
    shareType: "array",
    ref: range,
  } as unknown as ExcelJS.CellFormulaValue;
  spill.forEach((row, r) =>
    row.forEach((v, c) => {
      if (r > 0 || c > 0) ws.getCell(top.row + r, top.col + c).value = v;
    })
  );
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function lookStyle(look: Look): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (look.bold) font.bold = true;
  if (look.italic) font.italic = true;
  if (look.size) font.size = look.size;
  if (look.fontColor) font.color = { argb: argb(look.fontColor) };
  if (Object.keys(font).length > 0) style.font = font;
  if (look.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  return style;
}

/**
 * Excel shows a true/false result as TRUE/FALSE whatever its format; LibreOffice shows 1/0 unless
 * the cell has this format, the one LibreOffice itself writes for logical cells.
 */
const BOOLEAN_FORMAT = '"TRUE";"TRUE";"FALSE"';

function styleCell(
  cell: ExcelJS.Cell,
  role: Role | undefined,
  format: Format | undefined,
  isFormula: boolean,
  value: CellValue | undefined,
  formats: Formats
): void {
  const style = role ? lookStyle(LOOKS[role]) : {};
  // "@" on a formula cell would turn the formula into text the moment a user re-enters it.
  if (format && !(format === "text" && isFormula)) style.numFmt = formats[format];
  else if (!format && typeof value === "boolean") style.numFmt = BOOLEAN_FORMAT;
  if (Object.keys(style).length > 0) cell.style = style;
}

/** Every cell's cached figure on a template's sheet, by A1 address: what a chart's caches show. */
export function sheetGrid(plan: SheetPlan): SheetGrid {
  const grid = new Map<string, CellValue>();
  const put = (row: number, col: number, v: CellValue | undefined) => {
    if (v !== undefined) grid.set(formatAddress({ row, col }), v);
  };
  for (const cell of plan.cells) {
    const a = parseAddress(cell.ref);
    if (cell.spill) cell.spill.forEach((row, r) => row.forEach((v, c) => put(a.row + r, a.col + c, v)));
    else put(a.row, a.col, cell.value);
  }
  for (const table of plan.tables) {
    const a = parseAddress(table.ref);
    table.columns.forEach((c, j) => put(a.row, a.col + j, c.header));
    table.rows.forEach((row, i) => row.forEach((cell, j) => put(a.row + 1 + i, a.col + j, typeof cell === "object" ? cell.value : cell)));
  }
  return grid;
}
