import { CellSpec, CellValue, InputValues, Role, SheetPlan, TableCell, Template, spillFormatAt, spills } from "../templates/model";
import { Rect, columnName, contains, exactRects, offset, parseCell, rectAddress, touchingBlocks } from "./blocks";
import { freeSheetName, namesForCopy, renameInFormula } from "./rename";
import { Culture, cultureMoneyFormat } from "./currency";
import { LOOKS, Look, numberFormats } from "./styles";

/**
 * The Office.js writer: puts a template into the open workbook in ONE Excel.run with two syncs,
 * whatever the template's size.
 *
 *   sync 1 reads what must not be overwritten: sheet names, workbook names and table names, and
 *          whether the workbook structure is protected; and the culture money is formatted in
 *          (`readCulture`);
 *   sync 2 sends everything else: the new sheets, the names, whole-range values/formulas and number formats
 *          (one grid per block of touching cells, one per table body), styles per rectangle of
 *          same-role cells, names, tables, validation lists and charts.
 *
 * It never overwrites: the sheet gets the first free name ("Income Goal (2)") and, when this
 * template's names are already in the workbook (a second copy), every name of this copy gets the
 * same suffix ("GoalMonth_2") and its formulas follow. If anything fails, the sheet it started and
 * the names it added are removed in a fresh Excel.run, so the workbook is left as it was.
 */

/** The Excel requirement sets the add-in's workbook actions use, and what for. */
export const REQUIRED_SETS: readonly { readonly set: "ExcelApi"; readonly version: string; readonly for: string }[] = [
  { set: "ExcelApi", version: "1.1", for: "sheets, ranges, formats, tables, charts, the selected cell" },
  { set: "ExcelApi", version: "1.2", for: "column widths" },
  { set: "ExcelApi", version: "1.4", for: "workbook names (names.add), *OrNullObject look-ups, used ranges" },
  { set: "ExcelApi", version: "1.7", for: "reading workbook protection, the order of a bar chart's categories" },
  { set: "ExcelApi", version: "1.8", for: "data validation lists" },
];

/** The highest set above: a host supporting it supports them all (ExcelApi sets are cumulative). */
export const MIN_EXCEL_API = REQUIRED_SETS.map((s) => s.version).reduce((a, b) => (Number(b.split(".")[1]) > Number(a.split(".")[1]) ? b : a));

/**
 * Sets the writer uses where the host has them, and does without where it does not: they are
 * asked for with Office.context.requirements, never required.
 */
export const OPTIONAL_SETS: readonly { readonly set: "ExcelApi"; readonly version: string; readonly for: string }[] = [
  { set: "ExcelApi", version: "1.11", for: "the workbook's culture (cultureInfo.name): money in its currency" },
  { set: "ExcelApi", version: "1.17", for: "Excel's own currency symbol (cultureInfo.numberFormat.currencySymbol)" },
];

/** What the writer needs of the Excel namespace; tests pass a recording stand-in. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Requirement-set answers, where the host gives them itself (a stand-in); else Office.context.requirements. */
  isSetSupported?(set: string, version: string): boolean;
}

function supports(excel: ExcelHost, set: string, version: string): boolean {
  if (excel.isSetSupported) return excel.isSetSupported(set, version);
  return typeof Office !== "undefined" && !!Office.context?.requirements?.isSetSupported(set, version);
}

/**
 * Queues the read of the workbook's culture, to join a sync the caller makes anyway; the returned
 * function gives it after that sync. Without ExcelApi 1.11 there is nothing to read (undefined:
 * money gets the neutral format); the symbol is read only from ExcelApi 1.17, where Excel has it.
 * Loading either on a host without its set would fail the whole batch, so each is asked first.
 */
export function readCulture(context: Excel.RequestContext, excel: ExcelHost): () => Culture | undefined {
  if (!supports(excel, "ExcelApi", "1.11")) return () => undefined;
  const info = context.application.cultureInfo.load("name");
  const numbers = supports(excel, "ExcelApi", "1.17") ? info.numberFormat.load("currencySymbol") : undefined;
  return () => ({ name: info.name, currencySymbol: numbers?.currencySymbol });
}

export interface Inserted {
  readonly sheetName: string;
  /** Each name of the template -> the name used in this workbook (the same, or suffixed "_2"). */
  readonly names: Record<string, string>;
}

/** A failure explained for the user; `cause` keeps the original error for the console. */
export class WorkbookActionError extends Error {
  readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.name = "WorkbookActionError";
    this.cause = cause;
  }
}

export const PROTECTED_MESSAGE = "The workbook is protected: unprotect it (Review > Protect Workbook) and try again";

const CHART_TYPES = { line: "Line", bar: "BarClustered", column: "ColumnClustered", pie: "Pie" } as const;

/** Excel's column width unit is points; templates give characters of the default font (about 7 px each, plus padding). */
const charsToPoints = (chars: number) => Math.round((chars * 7 + 5) * 0.75 * 100) / 100;

export async function insertTemplate(template: Template, values: InputValues, excel: ExcelHost = Excel): Promise<Inserted> {
  const [done] = (await insertSheets([{ template, values }], `the ${template.title} plan`, excel)).sheets;
  return { sheetName: done.sheetName, names: done.names };
}

/** What a whole-plan insert did: each sheet's name in the workbook, and the names of them all. */
export interface InsertedPlan {
  /** Template title -> the sheet it went on ("Plan", or "Plan (2)" beside an existing one). */
  readonly sheets: readonly { readonly title: string; readonly sheetName: string; readonly names: Record<string, string> }[];
  /** Each name of the plan -> the name used in this workbook (the same, or all suffixed "_2"). */
  readonly names: Record<string, string>;
}

/**
 * Inserts several sheets that refer to each other's names (the whole plan) in the same ONE
 * Excel.run with two syncs as a single template, whatever their number and size. One suffix is
 * chosen for all their names together, so the links between sheets stay links between this copy's
 * sheets; each sheet gets the first free name. On failure every sheet and name it started is removed.
 */
export async function insertPlan(
  entries: readonly { readonly template: Template; readonly values: InputValues }[],
  excel: ExcelHost = Excel
): Promise<InsertedPlan> {
  return insertSheets(entries, "the whole plan", excel);
}

async function insertSheets(
  entries: readonly { readonly template: Template; readonly values: InputValues }[],
  what: string,
  excel: ExcelHost
): Promise<InsertedPlan> {
  const built: { title: string; plan: SheetPlan }[] = [];
  for (const { template, values } of entries) {
    try {
      built.push({ title: template.title, plan: template.build(values) });
    } catch (e) {
      throw new WorkbookActionError(`The ${template.title} plan could not be laid out: ${messageOf(e)}`, e);
    }
  }
  const wanted = built.flatMap(({ plan }) => [...plan.cells.flatMap((c) => (c.name ? [c.name] : [])), ...plan.tables.map((t) => t.name)]);
  const twice = wanted.find((n, i) => wanted.findIndex((m) => m.toLowerCase() === n.toLowerCase()) !== i);
  if (twice !== undefined)
    throw new WorkbookActionError(`${what[0].toUpperCase()}${what.slice(1)} names ${twice} twice: a workbook holds one cell or table of each name`);
  let started: { sheetNames: string[]; names: string[] } | undefined;
  try {
    return await excel.run(async (context) => {
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const names = workbook.names.load("items/name");
      const tables = workbook.tables.load("items/name");
      const protection = workbook.protection.load("protected");
      const culture = readCulture(context, excel);
      await context.sync();

      if (protection.protected) throw new WorkbookActionError(PROTECTED_MESSAGE);
      const taken = sheets.items.map((s) => s.name);
      const sheetNames = built.map(({ title }) => {
        const name = freeSheetName(title, taken);
        taken.push(name);
        return name;
      });
      const rename = namesForCopy(wanted, [...names.items.map((n) => n.name), ...tables.items.map((t) => t.name)]);
      started = { sheetNames: [], names: built.flatMap(({ plan }) => plan.cells.flatMap((c) => (c.name ? [rename[c.name]] : []))) };

      const added = sheetNames.map((name) => {
        started?.sheetNames.push(name);
        return workbook.worksheets.add(name);
      });
      // Every sheet's names before any formula, so a formula on one sheet that names a cell on a
      // later sheet (the Plan sheet reads them all) finds the name defined when it is entered.
      built.forEach(({ plan }, i) => {
        for (const c of plan.cells) if (c.name) workbook.names.add(rename[c.name], added[i].getRange(c.ref));
      });
      const codes = numberFormats(cultureMoneyFormat(culture()));
      built.forEach(({ title, plan }, i) => {
        const formula = (f: string) => "=" + renameInFormula(f, rename, { from: title, to: sheetNames[i] });
        writeSheet(context, added[i], plan, formula, rename, codes);
      });
      added[0].activate();
      await context.sync();
      const own = (plan: SheetPlan) =>
        Object.fromEntries([...plan.cells.flatMap((c) => (c.name ? [c.name] : [])), ...plan.tables.map((t) => t.name)].map((n) => [n, rename[n]]));
      return { sheets: built.map(({ title, plan }, i) => ({ title, sheetName: sheetNames[i], names: own(plan) })), names: rename };
    });
  } catch (e) {
    const cleaned = started ? await removeStarted(excel, started) : true;
    const message = userMessage(e, `Inserting ${what} failed`);
    const left = started?.sheetNames.map((n) => `"${n}"`).join(", ");
    throw new WorkbookActionError(
      cleaned
        ? message
        : `${message}. ${started && started.sheetNames.length > 1 ? `The sheets ${left} may be left half-written: delete them.` : `The sheet ${left} may be left half-written: delete it.`}`,
      e
    );
  }
}

/** Queues every write of the plan on a new, empty sheet (no sync). */
function writeSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: SheetPlan,
  formula: (f: string) => string,
  rename: Record<string, string>,
  codes: ReturnType<typeof numberFormats>
): void {
  // Column widths, one range per run of equal widths.
  const widths = plan.columnWidths ?? [];
  for (let start = 0; start < widths.length;) {
    let end = start;
    while (end + 1 < widths.length && widths[end + 1] === widths[start]) end++;
    if (widths[start] > 0) sheet.getRange(`${columnName(start)}:${columnName(end)}`).format.columnWidth = charsToPoints(widths[start]);
    start = end + 1;
  }

  // Loose cells: one formulas grid and one number-format grid per block of touching cells. A cell
  // whose formula spills (a BIZ function returning a table) gets only its formula: the spill range
  // is left empty, or Excel would show #SPILL!; it takes the cell's look and number format.
  const spilling = plan.cells.filter(spills).map((c) => ({ spec: c, rect: spillRect(c) }));
  const inSpill = (ref: string) => spilling.some((s) => s.spec.ref !== ref && contains(s.rect, parseCell(ref)));
  const cells = plan.cells.filter((c) => !inSpill(c.ref)).map((spec) => ({ ...parseCell(spec.ref), spec }));
  for (const { rect, cells: group } of touchingBlocks(cells)) {
    const content = grid<string | number | boolean>(rect);
    const formats = grid<string>(rect);
    for (const c of group) {
      const v = c.spec.formula !== undefined ? formula(c.spec.formula) : c.spec.value !== undefined ? asEntered(c.spec.value) : undefined;
      if (v !== undefined) content[c.row - rect.top][c.col - rect.left] = v;
      if (c.spec.format) formats[c.row - rect.top][c.col - rect.left] = codes[c.spec.format];
    }
    const range = sheet.getRange(rectAddress(rect));
    if (content.some((r) => r.some((v) => v !== null))) range.formulas = content as any[][];
    // After the formulas: a text format ("@") set first would turn a formula into text.
    if (formats.some((r) => r.some((v) => v !== null))) range.numberFormat = formats as any[][];
  }
  for (const s of spilling) {
    const formats = Array.from({ length: s.rect.rows }, (_, r) =>
      Array.from({ length: s.rect.cols }, (_, c) => {
        const f = spillFormatAt(s.spec, r, c);
        return f ? codes[f] : null;
      })
    );
    if (formats.some((row) => row.some((f) => f !== null))) sheet.getRange(rectAddress(s.rect)).numberFormat = formats as any[][];
  }

  // Looks: per role, the exact rectangles its cells cover (spill ranges included).
  const byRole = new Map<Role, { row: number; col: number }[]>();
  for (const c of plan.cells) {
    if (!c.role || inSpill(c.ref)) continue;
    const spill = spilling.find((s) => s.spec === c);
    const covered = spill ? cellsOf(spill.rect) : [parseCell(c.ref)];
    byRole.set(c.role, [...(byRole.get(c.role) ?? []), ...covered]);
  }
  for (const [role, roleCells] of byRole) {
    for (const rect of exactRects(roleCells)) applyLook(sheet.getRange(rectAddress(rect)), LOOKS[role]);
  }

  // Tables: header values, then the whole body as one formulas grid and one number-format grid;
  // input columns styled as inputs.
  for (const t of plan.tables) {
    const head = parseCell(t.ref);
    const bodyRows = Math.max(t.rows.length, 1); // Excel gives a table at least one body row
    const rect: Rect = { top: head.row, left: head.col, rows: bodyRows + 1, cols: t.columns.length };
    const table = sheet.tables.add(rectAddress(rect), true);
    table.name = rename[t.name];
    table.getHeaderRowRange().values = [t.columns.map((c) => c.header)];
    const bodyRect: Rect = { top: head.row + 1, left: head.col, rows: bodyRows, cols: t.columns.length };
    if (t.rows.length > 0) table.getDataBodyRange().formulas = t.rows.map((row) => t.columns.map((_, i) => tableCell(row[i], formula))) as any[][];
    if (t.columns.some((c) => c.format)) {
      sheet.getRange(rectAddress(bodyRect)).numberFormat = Array.from({ length: bodyRows }, () =>
        t.columns.map((c) => (c.format ? codes[c.format] : null))
      ) as any[][];
    }
    t.columns.forEach((c, i) => {
      if (c.input) applyLook(sheet.getRange(rectAddress({ ...bodyRect, left: head.col + i, cols: 1 })), LOOKS.input);
    });
  }

  for (const v of plan.validations) {
    sheet.getRange(v.ref).dataValidation.rule = { list: { inCellDropDown: true, source: v.list.join(",") } };
  }

  for (const c of plan.charts) {
    const chart = sheet.charts.add(CHART_TYPES[c.type] as Excel.ChartType, sheet.getRange(c.dataRef), "Columns" as Excel.ChartSeriesBy);
    chart.title.text = c.title;
    // Horizontal bars list categories bottom-up; reversed, a funnel reads from its widest stage
    // down, in the order of the sheet's rows, as the .xlsx writer draws it.
    if (c.type === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
    chart.setPosition(c.anchor, offset(c.anchor, (c.heightCells ?? 15) - 1, (c.widthCells ?? 8) - 1));
  }
}

function spillRect(c: CellSpec): Rect {
  const at = parseCell(c.ref);
  const rows = c.spill?.length ?? 1;
  const cols = Math.max(1, ...(c.spill ?? [[]]).map((r) => r.length));
  return { top: at.row, left: at.col, rows, cols };
}

function cellsOf(r: Rect): { row: number; col: number }[] {
  const out = [];
  for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) out.push({ row: r.top + i, col: r.left + j });
  return out;
}

/** A rows x cols grid of null: null in a 2-D write leaves that cell as it is. */
function grid<T>(r: Rect): (T | null)[][] {
  return Array.from({ length: r.rows }, () => Array<T | null>(r.cols).fill(null));
}

function tableCell(cell: TableCell | undefined, formula: (f: string) => string): string | number | boolean {
  if (cell === undefined) return "";
  if (typeof cell === "object") return formula(cell.formula);
  return asEntered(cell);
}

/**
 * A constant as Excel must receive it. Excel reads a written string the way it reads typing:
 * "=..." becomes a formula, "1/2" a date, "00123" a number. Text that Excel would read as
 * something else gets the apostrophe prefix, which Excel keeps as "this is text" and does not show;
 * so a user's "=HYPERLINK(...)" typed into a text input stays text and never runs.
 */
function asEntered(v: CellValue): string | number | boolean {
  if (typeof v !== "string") return v;
  const readsAsOther =
    /^[+\-@'=]/.test(v) ||
    /^\s*[(\p{Sc}]?\s*[\d.]/u.test(v) ||
    /^(true|false)$/i.test(v.trim()) ||
    /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/]*\d/i.test(v.trim()) ||
    /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!)$/i.test(v.trim());
  return readsAsOther ? `'${v}` : v;
}

function applyLook(range: Excel.Range, look: Look): void {
  if (look.fill) range.format.fill.color = look.fill;
  if (look.fontColor) range.format.font.color = look.fontColor;
  if (look.bold) range.format.font.bold = true;
  if (look.italic) range.format.font.italic = true;
  if (look.size) range.format.font.size = look.size;
}

/** Removes the sheet and the names an insert started; true when the workbook is as it was. */
async function removeStarted(excel: ExcelHost, started: { sheetNames: string[]; names: string[] }): Promise<boolean> {
  try {
    await excel.run(async (context) => {
      const sheets = started.sheetNames.map((s) => context.workbook.worksheets.getItemOrNullObject(s));
      const names = started.names.map((n) => context.workbook.names.getItemOrNullObject(n));
      // isNullObject is known after the sync; a real property is loaded with it.
      sheets.forEach((s) => s.load("name"));
      names.forEach((n) => n.load("name"));
      await context.sync();
      for (const n of names) if (!n.isNullObject) n.delete();
      for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Turns an Office.js error into a sentence a user can act on. */
export function userMessage(e: unknown, what: string): string {
  if (e instanceof WorkbookActionError) return e.message;
  const code = (e as { code?: string } | null)?.code ?? "";
  const text = messageOf(e);
  if (code === "AccessDenied" || /protect/i.test(text)) return PROTECTED_MESSAGE;
  if (code === "InvalidOperationInCellEditMode") return "Excel is busy editing a cell: press Enter or Esc in that cell and try again";
  if (code === "ApiNotFound")
    return `${what}: this version of Excel lacks a feature the add-in needs (ExcelApi ${MIN_EXCEL_API}); update Office or use Excel on the web`;
  return `${what}: ${text.replace(/\.$/, "")}${code && !text.includes(code) ? ` (${code})` : ""}`;
}

/** Builds `=BIZ.NAME(...)` style formulas back from the `_xldudf_BIZ_NAME(` form a saved file may hold. */
export function reboundFormula(formula: string): string {
  return formula.replace(/(?:(?:\[\d+\]|'[^']*'|[A-Za-z0-9_.]+)!)?_xldudf_BIZ_([A-Za-z0-9_]+)\(/gi, (_, name: string) => `BIZ.${name.toUpperCase()}(`);
}

const needsBinding = (f: unknown): f is string => typeof f === "string" && f.startsWith("=") && /BIZ\.|_xldudf_/i.test(f);

/**
 * Re-enters every formula that calls a BIZ function, on every sheet, so Excel binds it to the
 * add-in's functions: a workbook written outside Excel (the bizplan CLI) may show cached figures or
 * #NAME? until each formula is entered again. Three syncs whatever the workbook's size: the sheets,
 * their used ranges' formulas, then one write per sheet (null leaves every other cell untouched).
 * Returns how many formulas were re-entered.
 */
export async function reconnectFormulas(excel: ExcelHost = Excel): Promise<{ formulas: number; sheets: number }> {
  try {
    return await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const used = sheets.items.map((s) => s.getUsedRangeOrNullObject(true).load("formulas,address"));
      await context.sync();
      let formulas = 0;
      let touched = 0;
      used.forEach((range) => {
        if (range.isNullObject) return;
        let any = false;
        const rewrite = range.formulas.map((row) =>
          row.map((f) => {
            if (!needsBinding(f)) return null;
            any = true;
            formulas++;
            return reboundFormula(f);
          })
        );
        if (any) {
          range.formulas = rewrite;
          touched++;
        }
      });
      if (touched > 0) await context.sync();
      return { formulas, sheets: touched };
    });
  } catch (e) {
    throw new WorkbookActionError(userMessage(e, "Reconnecting the formulas failed"), e);
  }
}

/** Puts a formula into the selected cell (the function reference's "Insert formula"). */
export async function insertFormulaAtSelection(formula: string, excel: ExcelHost = Excel): Promise<string> {
  try {
    return await excel.run(async (context) => {
      const cell = context.workbook.getSelectedRange().getCell(0, 0);
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    });
  } catch (e) {
    throw new WorkbookActionError(userMessage(e, "Inserting the formula failed"), e);
  }
}
