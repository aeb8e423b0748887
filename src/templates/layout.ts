import { CellSpec, CellValue, ChartSpec, Format, InputField, InputValues, SheetPlan, TableCell, TableColumn, TableSpec, ValidationSpec } from "./model";
import { WHOLE_TOLERANCE, WHOLE_TOLERANCE_CAP } from "../core/rounding";

/**
 * The small vocabulary the six templates are written in: A1 addresses, labelled input rows,
 * outputs with their computed figure, tables, and the one Excel expression for "round a count up".
 * Templates stay data: this only saves each of them from spelling out roles and formats by hand.
 */

/** 1 -> "A", 26 -> "Z", 27 -> "AA". */
export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "B" + 12 -> "B12"; with `absolute`, "$B$12" (for ranges a formula must not shift). */
export function cell(column: string, row: number, absolute = false): string {
  return absolute ? `$${column}$${row}` : `${column}${row}`;
}

export function range(fromColumn: string, fromRow: number, toColumn: string, toRow: number, absolute = true): string {
  return `${cell(fromColumn, fromRow, absolute)}:${cell(toColumn, toRow, absolute)}`;
}

/** The column `by` columns after `column`: shift("A", 2) = "C". */
export function shift(column: string, by: number): string {
  let n = 0;
  for (const ch of column) n = n * 26 + (ch.charCodeAt(0) - 64);
  return columnLetters(n + by);
}

/**
 * Excel's form of core's wholeUp for a count that is not negative: for x >= 0, wholeUp(x) is
 * exactly ceil(x - tolerance(x)), and the tolerance (relative, capped) is built from core's own
 * constants, so the rule is written once. It is plain ROUNDUP, MIN and MAX, so Excel without the
 * add-in and LibreOffice recompute the same figure. MAX(0, ...) because ROUNDUP rounds away from
 * zero, and 0 less its tolerance would otherwise give -1.
 */
export function wholeUpFormula(expression: string): string {
  const x = `(${expression})`;
  return `MAX(0,ROUNDUP(${x}-MIN(${excelNumber(WHOLE_TOLERANCE_CAP)},${excelNumber(WHOLE_TOLERANCE)}*MAX(1,${x})),0))`;
}

function excelNumber(n: number): string {
  return n.toExponential().replace("e", "E").replace("E+", "E");
}

export const WHOLE_UP_NOTE =
  "Counts round up to whole people or sales; a tolerance of a billionth (at most 0.001) stops floating-point noise (30.000000000000004) from adding one.";

/** Collects the cells, tables, validations and charts of one sheet. */
export class SheetBuilder {
  private readonly cells: CellSpec[] = [];
  private readonly tables: TableSpec[] = [];
  private readonly validations: ValidationSpec[] = [];
  private readonly charts: ChartSpec[] = [];

  constructor(
    private readonly fields: readonly InputField[],
    private readonly values: InputValues
  ) {}

  add(spec: CellSpec): this {
    this.cells.push(spec);
    return this;
  }

  title(ref: string, text: string): this {
    return this.add({ ref, value: text, role: "title" });
  }

  heading(ref: string, text: string): this {
    return this.add({ ref, value: text, role: "heading" });
  }

  label(ref: string, text: string): this {
    return this.add({ ref, value: text, role: "label" });
  }

  note(ref: string, text: string): this {
    return this.add({ ref, value: text, role: "note" });
  }

  /**
   * One input on one row: its label in `labelColumn`, the named input cell in the next column and
   * its help as a note after that. A choice input gets a drop-down list of its choices.
   */
  input(name: string, row: number, labelColumn = "A"): string {
    const field = this.fields.find((f) => f.name === name);
    if (!field) throw new Error(`template has no input named ${name}`);
    const valueColumn = shift(labelColumn, 1);
    const ref = cell(valueColumn, row);
    this.label(cell(labelColumn, row), field.label);
    this.add({ ref, value: this.values[name], role: "input", format: field.format, name });
    if (field.help) this.note(cell(shift(labelColumn, 2), row), field.help);
    if (field.kind === "choice" && field.choices) this.validations.push({ ref, list: field.choices });
    return ref;
  }

  /** A computed cell: the formula and the figure it gives for these inputs. */
  output(
    ref: string,
    formula: string,
    value: CellValue,
    format: Format,
    name?: string,
    spill?: readonly (readonly CellValue[])[],
    spillFormats?: readonly (readonly (Format | undefined)[])[]
  ): this {
    return this.add({
      ref,
      formula,
      value,
      role: "output",
      format,
      ...(name ? { name } : {}),
      ...(spill ? { spill } : {}),
      ...(spillFormats ? { spillFormats } : {}),
    });
  }

  /** A label and a computed cell beside it. */
  labelled(labelRef: string, label: string, ref: string, formula: string, value: CellValue, format: Format, name?: string): this {
    this.label(labelRef, label);
    return this.output(ref, formula, value, format, name);
  }

  table(name: string, ref: string, columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[]): this {
    this.tables.push({ name, ref, columns, rows });
    return this;
  }

  validation(ref: string, list: readonly string[]): this {
    this.validations.push({ ref, list });
    return this;
  }

  chart(chart: ChartSpec): this {
    this.charts.push(chart);
    return this;
  }

  plan(columnWidths?: readonly number[]): SheetPlan {
    return { cells: this.cells, tables: this.tables, validations: this.validations, charts: this.charts, ...(columnWidths ? { columnWidths } : {}) };
  }
}

/** A numeric input's value (validateInputs has already made it a number). */
export function num(values: InputValues, name: string): number {
  const v = values[name];
  if (typeof v !== "number") throw new Error(`input ${name} is not a number: ${String(v)}`);
  return v;
}

export function text(values: InputValues, name: string): string {
  return String(values[name]);
}
