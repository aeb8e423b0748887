import { Domain } from "../core/domains";

/**
 * A plan template as data. A template knows its inputs (each a workbook-scoped named range) and,
 * given validated input values, lays out one worksheet: cells with constants or live formulas,
 * Excel tables, data validation and charts. The writers (src/workbook) turn a SheetPlan into cells,
 * through Office.js or into an .xlsx file; they know nothing of any particular template.
 *
 * Formulas are written without the leading "=" and refer to inputs and outputs by their names
 * (GoalAmount, GoalMonth). Every formula cell also carries `value`: the figure the formula gives for
 * these inputs, computed with the same core functions. The .xlsx writer stores it as the cached
 * result, so a file opened without the add-in (or in LibreOffice) shows correct figures; the tests
 * compare it with what a spreadsheet program computes.
 */

export type Format = "currency" | "percent" | "integer" | "number" | "text";

/** How a cell reads: inputs are typed into, outputs are computed; the rest is layout. */
export type Role = "title" | "heading" | "label" | "input" | "output" | "note";

export type CellValue = number | string | boolean;

export interface InputField {
  /** The workbook-scoped name of the input cell, e.g. "GoalAmount". */
  readonly name: string;
  readonly label: string;
  /** "number" is checked against `domain`; "choice" must be one of `choices` (any letter case). */
  readonly kind: "number" | "choice" | "text";
  readonly domain?: Domain;
  readonly choices?: readonly string[];
  /**
   * For a number input that is really a choice (the day-count basis): each allowed number with the
   * words a user picks it by. The form offers the words, the CLI's --set accepts the words or the
   * number, and the sheet keeps the number its formulas use.
   */
  readonly options?: readonly NumberOption[];
  readonly format: Format;
  readonly default: number | string;
  /** One line shown under the field in the task pane and in `bizplan list`. */
  readonly help?: string;
}

export interface NumberOption {
  readonly value: number;
  readonly label: string;
}

export type InputValues = Readonly<Record<string, number | string>>;

export interface CellSpec {
  /** A1 address on the template's sheet. */
  readonly ref: string;
  /** A constant, or for a formula cell the value it computes to for these inputs. */
  readonly value?: CellValue;
  /** An Excel formula without "=", e.g. "GoalAmount*12" or "BIZ.GOAL(GoalAmount,GoalPeriod,\"day\")". */
  readonly formula?: string;
  readonly role?: Role;
  readonly format?: Format;
  /** Gives this cell a workbook-scoped name (inputs and key outputs). */
  readonly name?: string;
  /**
   * For a formula that spills (a BIZ function returning a table, e.g. BIZ.PROJECTION): the whole
   * array it computes for these inputs, top-left first (so spill[0][0] === value). The cells it
   * covers belong to this formula: no other spec may write them. Writers store the figures as the
   * cached results of the spilled cells.
   */
  readonly spill?: readonly (readonly CellValue[])[];
  /**
   * For a spill whose columns or rows read differently (a month, a count, money, a share): the
   * number format of each spilled cell, the same shape as `spill`. Cells left undefined take
   * `format`.
   */
  readonly spillFormats?: readonly (readonly (Format | undefined)[])[];
}

/** A formula whose result covers more than its own cell (a 1x1 "spill" is an ordinary formula). */
export function spills(cell: CellSpec): cell is CellSpec & { formula: string; spill: readonly (readonly CellValue[])[] } {
  return cell.formula !== undefined && cell.spill !== undefined && (cell.spill.length > 1 || (cell.spill[0]?.length ?? 0) > 1);
}

/** The number format of the spilled cell (r, c) of a spilling cell: its own, or the cell's. */
export function spillFormatAt(cell: CellSpec, r: number, c: number): Format | undefined {
  return cell.spillFormats?.[r]?.[c] ?? cell.format;
}

export interface TableColumn {
  readonly header: string;
  readonly format?: Format;
  /** The column is typed into by the user (styled as input). */
  readonly input?: boolean;
}

/** One cell of a table body: a constant, or a formula with its computed value. */
export type TableCell = CellValue | { readonly formula: string; readonly value: CellValue };

export interface TableSpec {
  /** Excel table name, unique in the workbook, e.g. "PricePoints". */
  readonly name: string;
  /** Top-left cell of the header row. */
  readonly ref: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
}

export interface ValidationSpec {
  /** A1 range, e.g. "B5:B20". */
  readonly ref: string;
  readonly list: readonly string[];
}

export interface ChartSpec {
  readonly type: "line" | "bar" | "column" | "pie";
  readonly title: string;
  /** The data range, categories in the first column and one series a column after it, headers in the first row. */
  readonly dataRef: string;
  /** Top-left cell where the chart is placed, and its size in cells. */
  readonly anchor: string;
  readonly widthCells?: number;
  readonly heightCells?: number;
}

export interface SheetPlan {
  readonly cells: readonly CellSpec[];
  readonly tables: readonly TableSpec[];
  readonly validations: readonly ValidationSpec[];
  readonly charts: readonly ChartSpec[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
}

export interface Template {
  /** Stable id used by the CLI and the task pane: "income-goal". */
  readonly id: string;
  /** The worksheet name and the title a user reads: "Income Goal". */
  readonly title: string;
  readonly summary: string;
  readonly inputs: readonly InputField[];
  /** The names of the key outputs (workbook-scoped), e.g. ["GoalMonth", "GoalDay"]. */
  readonly outputs: readonly string[];
  /** Lays out the sheet for validated inputs (see validateInputs in ./inputs). */
  build(values: InputValues): SheetPlan;
  /**
   * Rules that involve more than one input (e.g. "at least one weight above 0"), checked by
   * validateInputs once every input has passed on its own: input name -> a sentence for the user.
   */
  readonly check?: (values: InputValues) => Readonly<Record<string, string>>;
}
