import { ANY_NUMBER, Domain, checkIn } from "../core/domains";
import { DomainError, wrongKind } from "../core/errors";
import { Period, parsePeriod } from "../core/periods";

// Builtins read once: in a sandboxed host (jest's vm context, the custom-functions stand-in) each
// global lookup such as Number.isFinite costs ~150 ns, and these run once a cell of every range and result.
const { isArray } = Array;
const { isFinite: finite, isNaN: nan } = Number;

/**
 * The one place where Excel's calling conventions meet the domain. Each custom function declares
 * its parameters once (kind, domain, default); `define` returns a function that coerces Excel's
 * arguments, validates them, runs the body and turns every failure into the right Excel error:
 *
 * - an omitted optional argument arrives as null (a TypeScript default is never applied), and so
 *   does a blank cell: both take the declared default;
 * - numbers out of their domain, and goals that can never be reached, are #NUM!;
 * - the wrong kind of input (text for a number, an unknown period, ragged lists) is #VALUE! with a
 *   message;
 * - blank cells inside a range are ignored;
 * - a result is checked before Excel sees it: never NaN, Infinity, undefined or a ragged array.
 */

/** A cell value as Excel hands it to a function. */
type Raw = unknown;

interface ParamBase<T> {
  readonly name: string;
  /** Present when the parameter is optional: the value used when it is omitted or blank. */
  readonly fallback?: { value: T };
  readonly read: (raw: Raw, name: string) => T;
}

export type Param<T> = ParamBase<T>;

/** Most cells a list argument may hold: one whole Excel column. Bounds the work of any call. */
export const MAX_LIST_CELLS = 1_048_576;

function isBlank(raw: Raw): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** Excel's coercion of one value to a number: numbers, TRUE/FALSE, numeric text. */
function toNumber(raw: Raw, name: string): number {
  if (isArray(raw)) {
    // A one-cell range is fine; anything bigger is the wrong kind for a single number.
    if (raw.length === 1 && (!isArray(raw[0]) || raw[0].length === 1)) return toNumber(isArray(raw[0]) ? raw[0][0] : raw[0], name);
    throw wrongKind(`${name} takes a single number, not a range`);
  }
  if (typeof raw === "number") {
    if (nan(raw)) throw wrongKind(`${name} is not a number`);
    return raw;
  }
  if (typeof raw === "boolean") return raw ? 1 : 0;
  if (typeof raw === "string") {
    const n = Number(raw.trim());
    if (raw.trim() !== "" && finite(n)) return n;
  }
  throw wrongKind(`${name} must be a number; got ${JSON.stringify(raw)}`);
}

/** A number, optionally limited to a domain (whole domains truncate, like Excel's counts). */
export function number(name: string, domain?: Domain): Param<number> {
  return {
    name,
    read: (raw, label) => {
      return checkIn(domain ?? ANY_NUMBER, toNumber(raw, label), label);
    },
  };
}

/** One of the period names (year, quarter, month, week, day, workday and their aliases). */
export function period(name: string): Param<Period> {
  return { name, read: (raw, label) => parsePeriod(isArray(raw) ? toSingle(raw, label) : raw, label) };
}

/** TRUE/FALSE (numbers count as Excel counts them: 0 is FALSE). */
export function flag(name: string): Param<boolean> {
  return {
    name,
    read: (raw, label) => {
      if (typeof raw === "boolean") return raw;
      if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim())) return raw.trim().toLowerCase() === "true";
      return toNumber(raw, label) !== 0;
    },
  };
}

function toSingle(raw: unknown[], name: string): Raw {
  const cells = flatten(raw, name);
  if (cells.length !== 1) throw wrongKind(`${name} takes a single value, not a range`);
  return cells[0];
}

function flatten(raw: Raw, name: string): Raw[] {
  if (!isArray(raw)) return [raw];
  const out: Raw[] = [];
  for (const row of raw) {
    if (isArray(row)) {
      if (out.length + row.length > MAX_LIST_CELLS) throw new DomainError("range", `${name} has more than ${MAX_LIST_CELLS} cells`);
      for (const cell of row) out.push(cell);
    } else out.push(row);
  }
  return out;
}

export interface ListOptions {
  /**
   * The list may hold no numbers: an all-blank range, a blank cell or an omitted argument is the
   * empty list (a new member's legs or levels: a real state, not a mistake). Without it such a
   * list is #VALUE! ("has no numbers"): a schedule of rates or a list of periods must say something.
   */
  mayBeEmpty?: boolean;
}

/** A list of numbers from a range, a row or a column; blank cells are ignored, text is #VALUE!. */
export function list(name: string, domain?: Domain, options: ListOptions = {}): Param<number[]> {
  const param: Param<number[]> = { name, read: (raw, label) => readList(raw, label, domain, options.mayBeEmpty === true).values };
  return options.mayBeEmpty ? { ...param, fallback: { value: [] } } : param;
}

/** A list that remembers whether it came as a row, so a result can keep the same orientation. */
export interface ShapedList {
  values: number[];
  isRow: boolean;
}

export function shapedList(name: string, domain?: Domain): Param<ShapedList> {
  return { name, read: (raw, label) => readList(raw, label, domain) };
}

function readList(raw: Raw, name: string, domain?: Domain, mayBeEmpty = false): ShapedList {
  const isRow = isArray(raw) && raw.length === 1 && isArray(raw[0]) && raw[0].length > 1;
  const values: number[] = [];
  for (const cell of flatten(raw, name)) {
    if (isBlank(cell)) continue;
    if (typeof cell !== "number" || !finite(cell)) throw wrongKind(`${name} must hold only numbers; found ${JSON.stringify(cell)}`);
    values.push(domain ? checkIn(domain, cell, `each value of ${name}`) : cell);
  }
  if (values.length === 0 && !mayBeEmpty) throw wrongKind(`${name} has no numbers`);
  return { values, isRow };
}

/** One of a few words (case and surrounding spaces ignored): anything else is #VALUE! naming the choices. */
export function choice<const T extends string>(name: string, options: readonly T[]): Param<T> {
  return {
    name,
    read: (raw, label) => {
      const word = isArray(raw) ? toSingle(raw, label) : raw;
      const found = typeof word === "string" ? options.find((o) => o === word.trim().toLowerCase()) : undefined;
      if (found === undefined) throw wrongKind(`${label} must be one of ${options.map((o) => `"${o}"`).join(", ")}; got ${JSON.stringify(word)}`);
      return found;
    },
  };
}

const NEVER_CANCELED = () => false;

/**
 * Excel's CancelableInvocation, which Excel passes to a @cancelable function after all its declared
 * parameters (omitted optionals arrive as null, so it is always at the same place): read as a
 * question the body asks between slices of work, "has Excel canceled this call?". Declare it last.
 * Called without one (tests, other callers), the call is never canceled.
 */
export function cancelation(): Param<() => boolean> {
  return {
    name: "invocation",
    fallback: { value: NEVER_CANCELED },
    read: (raw) => {
      if (typeof raw !== "object" || raw === null) return NEVER_CANCELED;
      let canceled = false;
      (raw as { onCanceled?: () => void }).onCanceled = () => {
        canceled = true;
      };
      return () => canceled;
    },
  };
}

/** Makes a parameter optional with the value it takes when omitted or blank. */
export function optional<T>(param: Param<T>, value: T): Param<T> {
  return { ...param, fallback: { value } };
}

/** What a function returns: a number, text, or a rectangular table of them. */
export type Cell = number | string | boolean;
export type Result = Cell | Cell[][];

type Values<P extends readonly Param<unknown>[]> = { [K in keyof P]: P[K] extends Param<infer T> ? T : never };

/**
 * Declares a custom function: its parameters and its body. The returned function takes Excel's
 * arguments (an `arguments` object or an array) and returns the checked result or throws a
 * CustomFunctions.Error. Async bodies return a promise that settles the same way.
 */
export function define<const P extends readonly Param<any>[], R extends Result | Promise<Result>>(
  id: string,
  params: P,
  body: (...values: Values<P>) => R
): (args: ArrayLike<unknown>) => R {
  return ((args: ArrayLike<unknown>) => {
    try {
      const values = params.map((p, i) => readParam(p, args[i]));
      const out = (body as (...v: unknown[]) => R)(...values);
      if (out instanceof Promise)
        return out.then(
          (r) => checkResult(id, r),
          (e) => raise(id, e)
        );
      return checkResult(id, out as Result);
    } catch (e) {
      return raise(id, e);
    }
  }) as (args: ArrayLike<unknown>) => R;
}

function readParam<T>(p: Param<T>, raw: Raw): T {
  if (isBlank(raw)) {
    if (p.fallback) return p.fallback.value;
    throw wrongKind(`${p.name} is required`);
  }
  return p.read(raw, p.name);
}

function excelError(kind: "range" | "kind", message: string): CustomFunctions.Error {
  const code = kind === "range" ? CustomFunctions.ErrorCode.invalidNumber : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, message);
}

/** Every failure leaves as an Excel error with a message: nothing escapes unexplained. */
function raise(id: string, e: unknown): never {
  if (e instanceof CustomFunctions.Error) throw e;
  if (e instanceof DomainError) throw excelError(e.kind, e.message);
  if (e instanceof RangeError) throw excelError("range", `${id}: ${e.message}`);
  throw excelError("kind", `${id} could not compute this: ${e instanceof Error ? e.message : String(e)}`);
}

function checkCell(id: string, cell: unknown): Cell {
  if (typeof cell === "number") {
    if (!finite(cell)) throw excelError("range", `${id}: the result is too large to show`);
    return cell === 0 ? 0 : cell; // no -0 in a cell
  }
  if (typeof cell === "string" || typeof cell === "boolean") return cell;
  throw excelError("kind", `${id} produced no value`);
}

function checkResult(id: string, r: Result): Result {
  if (!isArray(r)) return checkCell(id, r);
  const width = isArray(r[0]) ? r[0].length : 0;
  if (r.length === 0 || width === 0) throw excelError("kind", `${id} produced an empty table`);
  return r.map((row) => {
    if (!isArray(row) || row.length !== width) throw excelError("kind", `${id} produced a ragged table`);
    return row.map((cell) => checkCell(id, cell));
  });
}

/** A list as a column (one value a row) or, when `isRow`, as one row. */
export function orient(values: readonly Cell[], isRow: boolean): Cell[][] {
  return isRow ? [values.slice()] : values.map((v) => [v]);
}
