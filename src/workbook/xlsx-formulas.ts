/**
 * Formulas as an .xlsx file stores them, which is not quite how a user types them:
 * - a JavaScript custom function is stored under Excel's `_xldudf_` prefix with the namespace dot
 *   turned into an underscore: the user's `BIZ.GOAL(...)` is `_xldudf_BIZ_GOAL(...)` in the file
 *   (this is what Excel itself writes; see docs/xlsx-formulas.md);
 * - functions newer than Excel 2007 carry the `_xlfn.` prefix (`_xlfn.IFS`), without which Excel
 *   shows #NAME? until the cell is re-entered;
 * - a table's `[@Price]` is UI shorthand: the file holds `Table[[#This Row],[Price]]`.
 * Also small A1 helpers shared by the writer and the chart parts.
 */

export const BIZ_NAMESPACE = "BIZ";
export const XLDUDF_PREFIX = "_xldudf_";

/** Functions that need `_xlfn.` in a file (Excel 2010 and later), the ones a plan may use. */
const FUTURE_FUNCTIONS = new Set([
  "AGGREGATE",
  "CEILING.MATH",
  "CONCAT",
  "DAYS",
  "FLOOR.MATH",
  "FORECAST.LINEAR",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "MAXIFS",
  "MINIFS",
  "NUMBERVALUE",
  "PERCENTILE.EXC",
  "PERCENTILE.INC",
  "RANK.EQ",
  "RANK.AVG",
  "RRI",
  "PDURATION",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "VAR.P",
  "VAR.S",
  "XOR",
  "XLOOKUP",
  "XMATCH",
  "LET",
  "LAMBDA",
  "SEQUENCE",
  "SORTBY",
  "UNIQUE",
  "RANDARRAY",
  "TEXTBEFORE",
  "TEXTAFTER",
  "TEXTSPLIT",
  "VSTACK",
  "HSTACK",
  "TOCOL",
  "TOROW",
  "TAKE",
  "DROP",
  "CHOOSECOLS",
  "CHOOSEROWS",
  "EXPAND",
  "WRAPROWS",
  "WRAPCOLS",
  "BYROW",
  "BYCOL",
  "MAP",
  "REDUCE",
  "SCAN",
  "MAKEARRAY",
]);
/** Dynamic-array functions stored with the worksheet-function prefix `_xlfn._xlws.`. */
const WORKSHEET_FUTURE_FUNCTIONS = new Set(["FILTER", "SORT"]);

/** Splits a formula into code and string literals, so rewrites never touch text in quotes. */
function splitLiterals(formula: string): Array<{ code: boolean; text: string }> {
  const parts: Array<{ code: boolean; text: string }> = [];
  let i = 0;
  let start = 0;
  while (i < formula.length) {
    if (formula[i] === '"') {
      if (i > start) parts.push({ code: true, text: formula.slice(start, i) });
      let j = i + 1;
      for (;;) {
        if (j >= formula.length) throw new Error(`unterminated string in formula ${formula}`);
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      parts.push({ code: false, text: formula.slice(i, j + 1) });
      i = j + 1;
      start = i;
    } else if (formula[i] === "'") {
      // a quoted sheet name: 'Owner''s Plan'!A1 is code, but its apostrophes are not strings
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      i = j + 1;
    } else i++;
  }
  if (start < formula.length) parts.push({ code: true, text: formula.slice(start) });
  return parts;
}

function mapCode(formula: string, rewrite: (code: string) => string): string {
  return splitLiterals(formula)
    .map((p) => (p.code ? rewrite(p.text) : p.text))
    .join("");
}

/** True when the formula calls a BIZ custom function (in either the typed or the stored form). */
export function usesBiz(formula: string): boolean {
  return splitLiterals(formula).some((p) => p.code && (/(^|[^A-Za-z0-9_.])BIZ\.[A-Za-z]/i.test(p.text) || p.text.includes(XLDUDF_PREFIX)));
}

/** The stored name of a custom function: BIZ.GOAL -> _xldudf_BIZ_GOAL. */
export function storedFunctionName(typed: string): string {
  return XLDUDF_PREFIX + typed.toUpperCase().replace(/\./g, "_");
}

/**
 * Rewrites a formula (no leading "=") from the typed form to the form stored in the file.
 * `table` names the table the cell belongs to, for its `[@Column]` and `[Column]` references.
 */
export function toFileFormula(formula: string, table?: string): string {
  return mapCode(formula, (code) => {
    let out = code.replace(
      /(^|[^A-Za-z0-9_.])(BIZ\.[A-Za-z][A-Za-z0-9_.]*)\s*\(/gi,
      (_m, before: string, name: string) => `${before}${storedFunctionName(name)}(`
    );
    out = out.replace(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\s*\(/g, (m, before: string, name: string) => {
      const upper = name.toUpperCase();
      if (WORKSHEET_FUTURE_FUNCTIONS.has(upper)) return `${before}_xlfn._xlws.${upper}(`;
      if (FUTURE_FUNCTIONS.has(upper)) return `${before}_xlfn.${upper}(`;
      return m;
    });
    return rewriteStructured(out, table);
  });
}

/**
 * Table[@Col], [@Col] and [@[Col x]] -> Table[[#This Row],[Col]]. Whole columns must be written
 * Table[Col] by the template (valid typed syntax too), so nothing else needs the table's name.
 */
function rewriteStructured(code: string, table: string | undefined): string {
  return code.replace(
    /([A-Za-z_\\][A-Za-z0-9_.]*)?\[@(?:\[([^\]]+)\]|([^\][]+))\]/g,
    (_m, owner: string | undefined, bracketed: string | undefined, plain: string | undefined) => {
      const column = bracketed ?? plain ?? "";
      const name = owner ?? table;
      if (!name) throw new Error(`[@${column}] is only allowed in a table's own formulas`);
      return `${name}[[#This Row],[${column}]]`;
    }
  );
}

// ---- A1 helpers ----

export interface CellAddress {
  /** 1-based. */
  readonly row: number;
  /** 1-based. */
  readonly col: number;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseAddress(ref: string): CellAddress {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`bad cell address ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export function formatAddress(a: CellAddress, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(a.col)}${d}${a.row}`;
}

export interface RangeAddress {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseRange(ref: string): RangeAddress {
  const [a, b = a] = ref.split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function formatRange(r: RangeAddress, absolute = false): string {
  const a = formatAddress({ row: r.top, col: r.left }, absolute);
  const b = formatAddress({ row: r.bottom, col: r.right }, absolute);
  return a === b ? a : `${a}:${b}`;
}

/** A sheet name as a formula or defined name quotes it: 'Owner''s Plan'. Always quoted: that is always valid. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
