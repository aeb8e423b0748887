import JSZip from "jszip";

/**
 * The BIZ custom function calls one full recalculation of a written workbook makes, counted from
 * the sheet XML as Excel evaluates it:
 * - an ordinary formula is evaluated once: each `_xldudf_` call in its text is one call;
 * - an array formula (`<f t="array" ref="...">`, a legacy or dynamic array) is evaluated once for
 *   its whole range, and its text sits on the top-left cell only: its calls count once;
 * - a shared formula is evaluated in every cell that shares it (`<f t="shared" si="N"/>`): its
 *   calls count once per cell.
 * For each call it keeps the call's text (the stored name and its arguments) and whether it is
 * read one cell at a time, `INDEX(_xldudf_X(...),row,column)` with a row other than 0.
 * `callsPerRecalculation` counts what Excel evaluates: a call in a branch of IF or CHOOSE only when
 * that branch is picked (the costliest branch counts).
 * Used by the tests and by `npm run bench`.
 */

export interface BizCall {
  readonly sheet: string;
  readonly cell: string;
  /** "_xldudf_BIZ_SIMULATE(MarketSize,36,...)" as stored. */
  readonly call: string;
  /** The formula is an array formula (evaluated once for its range). */
  readonly array: boolean;
  /** The call is wrapped in INDEX(call, row, column) with a row other than 0: a table read cell by cell. */
  readonly indexedCell: boolean;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The end (exclusive) of the parenthesised list that opens at `open`, skipping string literals. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i + 1;
  }
  throw new Error(`unbalanced parentheses in ${text}`);
}

/** The top-level arguments of the list that opens at `open`. */
function args(text: string, open: number): string[] {
  const end = closing(text, open);
  const out: string[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open + 1; i < end - 1; i++) {
    const ch = text[i];
    if (ch === '"') {
      i++;
      while (i < end && !(text[i] === '"' && text[i + 1] !== '"')) i += text[i] === '"' ? 2 : 1;
    } else if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    else if (ch === "," && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start, end - 1));
  return out;
}

/** The calls in one formula's text. */
export function callsIn(formula: string): Array<{ call: string; indexedCell: boolean }> {
  const out: Array<{ call: string; indexedCell: boolean }> = [];
  for (const m of formula.matchAll(/_xldudf_[A-Za-z0-9_]+\(/g)) {
    const open = (m.index as number) + m[0].length - 1;
    const call = formula.slice(m.index as number, closing(formula, open));
    // Is it the first argument of an INDEX? Then its row argument says how the table is read.
    const before = formula.slice(0, m.index as number);
    let indexedCell = false;
    if (/(?<![A-Za-z0-9_.])INDEX\(\s*$/i.test(before)) {
      const rest = args(formula, before.trimEnd().length - 1);
      indexedCell = rest.length >= 2 && rest[0].trim() === call && !/^0+$/.test(rest[1].trim());
    }
    out.push({ call, indexedCell });
  }
  return out;
}

/** Every formula of a workbook's worksheets with its text (a shared formula's text in each cell that shares it). */
async function formulasOf(xlsx: Buffer | JSZip): Promise<Array<{ sheet: string; cell: string; text: string; array: boolean }>> {
  const zip = xlsx instanceof JSZip ? xlsx : await JSZip.loadAsync(xlsx);
  const sheets = Object.keys(zip.files)
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort();
  const out: Array<{ sheet: string; cell: string; text: string; array: boolean }> = [];
  for (const sheet of sheets) {
    const xml = await zip.file(sheet)!.async("string");
    const shared = new Map<string, string>();
    // Cells with content (a self-closing <c .../> has no formula); their attributes hold no "/".
    const cells = [...xml.matchAll(/<c\b([^>/]*)>(.*?)<\/c>/gs)].map(
      ([, attributes, body]) => ["", /\br="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? "?", body] as const
    );
    // Shared formulas: the text sits on the first cell of the group.
    for (const [, , body] of cells) {
      const master = /<f\b([^>]*\bt="shared"[^>]*)>([^<]*)<\/f>/.exec(body);
      const si = master && /\bsi="(\d+)"/.exec(master[1])?.[1];
      if (master && si !== undefined && si !== null) shared.set(si, unescape(master[2]));
    }
    for (const [, cell, body] of cells) {
      const f = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/.exec(body);
      if (!f) continue;
      const attributes = f[1];
      const type = /\bt="([a-z]+)"/.exec(attributes)?.[1];
      const si = /\bsi="(\d+)"/.exec(attributes)?.[1];
      const text = f[2] !== undefined && f[2] !== "" ? unescape(f[2]) : type === "shared" && si !== undefined ? (shared.get(si) ?? "") : "";
      out.push({ sheet, cell, text, array: type === "array" });
    }
  }
  return out;
}

/** Every BIZ call written in a workbook's worksheets: one entry per call in each formula Excel evaluates. */
export async function bizCalls(xlsx: Buffer | JSZip): Promise<BizCall[]> {
  const calls: BizCall[] = [];
  for (const { sheet, cell, text, array } of await formulasOf(xlsx))
    for (const c of callsIn(text)) calls.push({ sheet, cell, call: c.call, array, indexedCell: c.indexedCell });
  return calls;
}

/**
 * The BIZ calls one evaluation of a formula makes at most. IF and CHOOSE evaluate only the
 * argument they pick (C. Williams, "Short-circuiting Excel formulas: IF, CHOOSE, IFS and SWITCH",
 * FastExcel, 2023, tested with a UDF that logs each call: IF and CHOOSE short-circuit, IFS and
 * SWITCH evaluate every argument), so a choice costs its condition plus its costliest branch;
 * every other call counts, nested ones included. That holds for a condition that is one value:
 * with an array condition (B5:B8) Excel evaluates every branch once and picks element by element
 * (Williams, "Short-circuiting in array formulas", FastExcel, 2023). The counter cannot tell the
 * two apart, so a template's IF over BIZ calls must test a single cell (PlanType).
 */
export function evaluatedCalls(formula: string, from = 0, to = formula.length): number {
  let n = 0;
  const head = /(?<![A-Za-z0-9_.])(IF|CHOOSE|_xldudf_[A-Za-z0-9_]+)\(/iy;
  for (let i = from; i < to; i++) {
    if (formula[i] === '"') {
      i++;
      while (i < to && !(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      continue;
    }
    head.lastIndex = i;
    const m = head.exec(formula);
    if (!m) continue;
    const open = i + m[0].length - 1;
    const end = closing(formula, open);
    const parts = args(formula, open);
    // Each argument's span in the text, to count inside it.
    const spans: Array<[number, number]> = [];
    let at = open + 1;
    for (const p of parts) {
      spans.push([at, at + p.length]);
      at += p.length + 1;
    }
    const inside = spans.map(([a, b]) => evaluatedCalls(formula, a, b));
    if (/^_xldudf_/i.test(m[1])) n += 1 + inside.reduce((x, y) => x + y, 0);
    else n += inside[0] + Math.max(0, ...inside.slice(1));
    i = end - 1;
  }
  return n;
}

/** The BIZ calls one full recalculation of a workbook makes at most (see evaluatedCalls). */
export async function callsPerRecalculation(xlsx: Buffer | JSZip): Promise<number> {
  let n = 0;
  for (const { text } of await formulasOf(xlsx)) n += evaluatedCalls(text);
  return n;
}
