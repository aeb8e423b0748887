import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CellSpec, CellValue, SheetPlan, TableCell, Template } from "../../src/templates/model";
import { MemorySheet } from "../../src/workbook/memory";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { convert, findSoffice } from "../roundtrip/libreoffice";
import { loadBundle } from "../support/excel-runtime";
import { Figure, readFigures } from "../support/xlsx-values";
import { write } from "./helpers";

/**
 * What a template's sheet really computes, for the template tests (issue 12): not the figure the
 * template cached with src/core, but
 * - every native formula recomputed by LibreOffice from the written .xlsx file, with recalculation
 *   on load forced and proven to have happened: each file carries a sentinel sheet whose formula
 *   1+1 is cached as 3, and the run fails unless LibreOffice gives 2 there; and every BIZ cell
 *   (which LibreOffice cannot compute) must have become an error, not kept its cache;
 * - every BIZ formula evaluated by the BUILT bundle (dist/functions.js) called as Excel calls it
 *   (test/support/excel-runtime.ts), on the exact arguments the formula passes: its arguments are
 *   parsed from the formula text and each name, cell, range or table column is resolved to the
 *   figures LibreOffice computed on the sheet; only the forms the templates write are read
 *   (INDEX(<choice>,0,k), IF(<named cell> <comparison> <literal>,a,b) as a choice or an argument,
 *   the other branch never run, as in Excel), anything else throws (see callBiz);
 * - then, where native formulas read BIZ results (ShareWithProfit reads the chosen plan's summary), a second
 *   LibreOffice run on the same plan with each BIZ cell replaced by the bundle's figures as
 *   constants, so those formulas are recomputed from what the add-in would show.
 *
 * Use: call `onSheet(template, raw)` while jest collects the tests (at the top of a describe, or
 * in test.each's table); all the sheets of a test file are written and converted in one soffice
 * run in a beforeAll. The handle then reads figures: a blank cell reads as null, an error as
 * { error: "#NAME?" }, never as 0.
 *
 * LibreOffice is required: without soffice the tests FAIL with a message rather than pass
 * untested (docs/templates.md).
 */

export interface SheetFigures {
  /** The layout (names, tables, plan) from the in-memory writer; its cached values are NOT what tests read. */
  readonly memory: MemorySheet;
  /** The figure in "B12". */
  readCell(ref: string): Figure;
  /** The figure of a named cell. */
  readName(name: string): Figure;
  /** The body of a table column, top to bottom. */
  readColumn(table: string, column: string): Figure[];
  /** The figures from `ref` over `rows` x `cols` cells (a spill, a block of a table). */
  readBlock(ref: string, rows: number, cols: number): Figure[][];
  /** What the bundle did for the BIZ formula in `ref` (its anchor): the functions called and the last call's whole result. */
  bizCall(ref: string): BizEvaluation;
}

/** The same reads as free functions, shaped like src/workbook/memory.ts's, so tests read alike. */
export const readName = (s: SheetFigures, name: string) => s.readName(name);
export const readCell = (s: SheetFigures, ref: string) => s.readCell(ref);
export const readColumn = (s: SheetFigures, table: string, column: string) => s.readColumn(table, column);

interface Entry {
  readonly template: Template;
  readonly raw: Record<string, unknown>;
  memory?: MemorySheet;
  figures?: Map<string, Figure>;
  /** Each BIZ cell's evaluation, by its address. */
  readonly calls: Map<string, BizEvaluation>;
}

const SENTINEL_SHEET = "Recalc check";
const sentinel: Template = {
  id: "recalc-check",
  title: SENTINEL_SHEET,
  summary: "",
  inputs: [],
  outputs: [],
  // 1+1 cached as 3: only a real recalculation shows 2.
  build: () => ({ cells: [{ ref: "A1", formula: "1+1", value: 3 }], tables: [], validations: [], charts: [] }),
};

const soffice = findSoffice();
const entries: Entry[] = [];
let registered = false;
let started = false;

/** A sheet to evaluate; call while jest collects tests. */
export function onSheet(template: Template, raw: Record<string, unknown> = {}): SheetFigures {
  if (started) throw new Error("onSheet must be called while jest collects the tests (in a describe body or a test.each table), not inside a test");
  const entry: Entry = { template, raw, calls: new Map() };
  entries.push(entry);
  if (!registered) {
    registered = true;
    if (!soffice) {
      test("LibreOffice is installed (the template tests recompute every formula with it)", () => {
        throw new Error("soffice not found: install LibreOffice (apt-get install libreoffice-calc-nogui) or set SOFFICE=/path/to/soffice");
      });
    }
    beforeAll(async () => {
      started = true;
      if (!soffice) return;
      await evaluateAll(entries);
    }, 300_000);
  }
  const figures = () => {
    if (!entry.figures) throw new Error(soffice ? "the sheet was not evaluated (did beforeAll fail?)" : "LibreOffice is not installed");
    return entry.figures;
  };
  const mem = () => entry.memory as MemorySheet;
  const readCell = (ref: string): Figure => figures().get(ref.replace(/\$/g, "").toUpperCase()) ?? null;
  return {
    get memory() {
      return mem();
    },
    readCell,
    readName(name) {
      const at = mem().names.get(name);
      if (!at) throw new Error(`${mem().title} has no cell named ${name}; its names are ${[...mem().names.keys()].join(", ")}`);
      return readCell(at);
    },
    readColumn(table, column) {
      const t = mem().tables.get(table.toUpperCase());
      if (!t) throw new Error(`${mem().title} has no table ${table}`);
      const j = t.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
      if (j < 0) throw new Error(`table ${table} has no column ${column}; it has ${t.columns.join(", ")}`);
      const out: Figure[] = [];
      for (let row = t.top + 1; row <= t.bottom; row++) out.push(readCell(addr(row, t.left + j)));
      return out;
    },
    bizCall(ref) {
      figures();
      const r = entry.calls.get(ref.replace(/\$/g, "").toUpperCase());
      if (!r) throw new Error(`${mem().title}!${ref} is not a BIZ formula's cell`);
      return r;
    },
    readBlock(ref, rows, cols) {
      const a = parseCell(ref);
      return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => readCell(addr(a.row + r, a.col + c))));
    },
  };
}

// ---------------------------------------------------------------------------------------------

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number) => `${letters(col)}${row}`;
function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`"${ref}" is not a cell address`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

const BIZ_CALL = /(^|[^A-Za-z0-9_.])BIZ\.[A-Za-z]/i;

/** Writes, converts, evaluates BIZ cells, and (where needed) converts again. */
async function evaluateAll(list: Entry[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-engine-"));
  try {
    for (const e of list) e.memory = write(e.template, e.raw);
    const pass1 = await libreoffice(
      dir,
      "pass1",
      list.map((e) => ({ template: e.template, memory: e.memory!, plan: e.template.build(e.memory!.values) }))
    );
    const bundle = list.some((e) => bizCells(e.memory!).length > 0) ? loadBundle() : undefined;
    const second: Array<{ entry: Entry; plan: SheetPlan; biz: Map<string, Figure> }> = [];
    for (const [i, e] of list.entries()) {
      const figures = pass1[i];
      const calls = bizCells(e.memory!);
      if (calls.length === 0) {
        e.figures = figures;
        continue;
      }
      // LibreOffice must have recomputed these too (to an error: it has no BIZ functions), not kept the cache.
      const kept = calls.filter((c) => !isError(figures.get(c.at) ?? null));
      if (kept.length > 0)
        throw new Error(`${e.template.title}: LibreOffice kept the cached figure of BIZ cells ${kept.map((c) => c.at).join(", ")}: it did not recalculate`);
      const biz = new Map<string, Figure>();
      for (const c of calls) {
        const record: BizEvaluation = { called: [], result: undefined };
        e.calls.set(c.at, record);
        const result = await callBiz(bundle!, c.formula, figures, e.memory!, record);
        const anchor = parseCell(c.at);
        if (isError(result as Figure)) {
          // Excel shows a spilling formula's error in its own cell only; the area it would fill stays blank.
          biz.set(c.at, result as Figure);
          continue;
        }
        const grid = Array.isArray(result) ? (result as unknown[][]) : [[result]];
        // The bundle's array must fill exactly the area the plan laid out for it: larger would spill
        // onto other cells (#SPILL! in Excel), smaller would leave cached figures no function shows.
        const spec = e.template.build(e.memory!.values).cells.find((x) => x.ref === c.at);
        const planned = spec?.spill ?? [[spec?.value]];
        if (grid.length !== planned.length || grid.some((row) => row.length !== planned[0].length)) {
          throw new Error(
            `${e.template.title}!${c.at} ${c.formula}: the bundle returns ${grid.length} x ${grid[0]?.length} figures for the ${planned.length} x ${planned[0].length} cells the plan laid out`
          );
        }
        grid.forEach((row, r) => row.forEach((v, k) => biz.set(addr(anchor.row + r, anchor.col + k), v as Figure)));
      }
      second.push({ entry: e, plan: substitute(e.template.build(e.memory!.values), biz), biz });
    }
    if (second.length > 0) {
      const pass2 = await libreoffice(
        dir,
        "pass2",
        second.map((s) => ({ template: s.entry.template, memory: s.entry.memory!, plan: s.plan }))
      );
      second.forEach((s, i) => {
        const figures = pass2[i];
        for (const [at, v] of s.biz) figures.set(at, v);
        s.entry.figures = figures;
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Each sheet written with the sentinel, converted in one soffice run with recalculation forced; the figures of each sheet. */
async function libreoffice(
  dir: string,
  pass: string,
  sheets: Array<{ template: Template; memory: MemorySheet; plan: SheetPlan }>
): Promise<Map<string, Figure>[]> {
  const files: string[] = [];
  for (const [i, s] of sheets.entries()) {
    const file = path.join(dir, `${pass}-${i}.xlsx`);
    const template: Template = { ...s.template, build: () => s.plan };
    fs.writeFileSync(
      file,
      await writeWorkbook([
        { template, values: s.memory.values },
        { template: sentinel, values: {} },
      ])
    );
    files.push(file);
  }
  const out = path.join(dir, `${pass}-out`);
  fs.mkdirSync(out);
  const { outputs } = convert(soffice as string, files, out, "xlsx", { recalc: true });
  const result: Map<string, Figure>[] = [];
  for (const [i, file] of files.entries()) {
    const book = await readFigures(outputs.get(file) as string);
    const check = book.get(SENTINEL_SHEET)?.get("A1");
    if (check !== 2)
      throw new Error(`LibreOffice did not recalculate ${sheets[i].template.title} (${pass}): the sentinel 1+1 cached as 3 reads ${JSON.stringify(check)}`);
    const figures = book.get(sheets[i].template.title);
    if (!figures) throw new Error(`LibreOffice's file has no sheet ${sheets[i].template.title}`);
    result.push(figures);
  }
  return result;
}

const isError = (f: Figure): boolean => f !== null && typeof f === "object" && "error" in f;

/** The cells whose formula calls a BIZ function (spill anchors and table cells alike). */
function bizCells(sheet: MemorySheet): Array<{ at: string; formula: string }> {
  return [...sheet.cells]
    .filter(([, c]) => c.formula !== undefined && BIZ_CALL.test(c.formula.replace(/"(?:[^"]|"")*"/g, '""')))
    .map(([at, c]) => ({ at, formula: c.formula! }));
}

/** The plan with every BIZ formula replaced by the bundle's figures as constants (its spill laid out cell by cell). */
function substitute(plan: SheetPlan, biz: Map<string, Figure>): SheetPlan {
  const constant = (at: string): CellValue | undefined => {
    const v = biz.get(at);
    if (v === undefined || v === null) return undefined; // blank
    if (typeof v === "object") return v.error; // written as the error text: formulas over it then fail as over an error
    return v;
  };
  const cells: CellSpec[] = [];
  for (const c of plan.cells) {
    if (c.formula === undefined || !BIZ_CALL.test(c.formula.replace(/"(?:[^"]|"")*"/g, '""'))) {
      cells.push(c);
      continue;
    }
    const anchor = parseCell(c.ref);
    const planned = c.spill ?? [[c.value]];
    planned.forEach((row, r) =>
      row.forEach((_v, k) => {
        const at = addr(anchor.row + r, anchor.col + k);
        cells.push({
          ref: at,
          value: constant(at),
          role: c.role,
          format: c.spillFormats?.[r]?.[k] ?? c.format,
          ...(r === 0 && k === 0 && c.name ? { name: c.name } : {}),
        });
      })
    );
  }
  const tables = plan.tables.map((t) => ({
    ...t,
    rows: t.rows.map((row) => row.map((tc: TableCell) => (typeof tc === "object" && BIZ_CALL.test(tc.formula) ? tc.value : tc))),
  }));
  return { ...plan, cells, tables };
}

// ---------------------------------------------------------------------------------------------
// BIZ formulas through the built bundle.

/** Splits "a,b(c,d),{1,2}" at its top-level commas. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length && !(s[i] === '"' && s[i + 1] !== '"')) i += s[i] === '"' ? 2 : 1;
    } else if (ch === "(" || ch === "{" || ch === "[") depth++;
    else if (ch === ")" || ch === "}" || ch === "]") depth--;
    else if (ch === "," && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((a) => a.trim());
}

function literal(text: string): CellValue {
  if (/^"(?:[^"]|"")*"$/.test(text)) return text.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  throw new Error(`"${text}" is not a literal`);
}

/**
 * Excel's argument for one formula argument: a literal, an array constant, or a reference resolved
 * to the sheet's figures (a single cell as its value, blank as null; a range or table column as a
 * 2-D array, blank cells as ""). Anything else (a nested expression) is refused: extend this
 * rather than guess.
 */
function argument(text: string, figures: Map<string, Figure>, sheet: MemorySheet): unknown {
  const value = (at: string, inRange: boolean): unknown => {
    const f = figures.get(at) ?? null;
    if (f === null) return inRange ? "" : null;
    if (typeof f === "object") throw new Error(`argument ${text} reads ${at}, which is the error ${f.error}`);
    return f;
  };
  const block = (from: { row: number; col: number }, to: { row: number; col: number }) =>
    Array.from({ length: to.row - from.row + 1 }, (_, r) =>
      Array.from({ length: to.col - from.col + 1 }, (_, c) => value(addr(from.row + r, from.col + c), true))
    );
  if (text === "") return null; // an omitted argument
  if (text.startsWith("{"))
    return text
      .slice(1, -1)
      .split(";")
      .map((row) => splitArgs(row).map(literal));
  const structured = /^([A-Za-z_\\][\w.]*)\[(?:\[)?([^\]#@]+)\]?\]$/.exec(text);
  if (structured) {
    const t = sheet.tables.get(structured[1].toUpperCase());
    if (!t) throw new Error(`argument ${text}: no table ${structured[1]}`);
    const j = t.columns.findIndex((c) => c.toLowerCase() === structured[2].toLowerCase());
    if (j < 0) throw new Error(`argument ${text}: table ${t.name} has no column ${structured[2]}`);
    return block({ row: t.top + 1, col: t.left + j }, { row: t.bottom, col: t.left + j });
  }
  const range = /^(\$?[A-Z]{1,3}\$?\d+):(\$?[A-Z]{1,3}\$?\d+)$/i.exec(text);
  if (range) return block(parseCell(range[1]), parseCell(range[2]));
  if (/^\$?[A-Z]{1,3}\$?\d+$/i.test(text)) return value(addr(parseCell(text).row, parseCell(text).col), false);
  if (/^[A-Za-z_\\][\w.]*$/.test(text) && !/^(TRUE|FALSE)$/i.test(text)) {
    const at = sheet.names.get(text);
    if (!at) throw new Error(`argument ${text}: no cell of ${sheet.title} is named so`);
    return value(at, false);
  }
  return literal(text);
}

/** Where the bracket opened at `open` closes (strings respected), or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length && !(s[i] === '"' && s[i + 1] !== '"')) i += s[i] === '"' ? 2 : 1;
    } else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  return -1;
}

/** `NAME(args)` as the whole of `text` (the name's bracket closing at its end): the arguments, split; else undefined. */
function callOf(text: string, name: RegExp): { name: string; args: string[] } | undefined {
  const m = new RegExp(`^\\s*(${name.source})\\s*\\(`, "i").exec(text);
  if (!m) return undefined;
  const open = m[0].length - 1;
  if (closing(text, open) !== text.trimEnd().length - 1) return undefined;
  return { name: m[1], args: splitArgs(text.trimEnd().slice(open + 1, -1)) };
}

/**
 * An IF condition of the forms the templates write: a named input cell compared with a number or
 * a string (`PlanType="matrix"`, `BinaryCap>0`). Excel compares text without regard to case; a
 * text against a number is refused here rather than guessed (Excel ranks any text above any number).
 */
function condition(text: string, figures: Map<string, Figure>, sheet: MemorySheet): boolean {
  const m = /^([A-Za-z_\\][\w.]*)\s*(>=|<=|<>|=|>|<)\s*("(?:[^"]|"")*"|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)$/.exec(text.trim());
  if (!m) throw new Error(`the condition ${text} is not <a named cell> <comparison> <a number or a string>; extend test/templates/engine.ts`);
  const at = sheet.names.get(m[1]);
  if (!at) throw new Error(`condition ${text}: no cell of ${sheet.title} is named ${m[1]}`);
  const left = figures.get(at) ?? null;
  const right = literal(m[3]);
  if (typeof left !== typeof right) throw new Error(`condition ${text}: ${m[1]} holds ${JSON.stringify(left)}, not a ${typeof right}`);
  const [a, b] = typeof left === "string" ? [left.toLowerCase(), (right as string).toLowerCase()] : [left as number, right as number];
  return { ">=": a >= b, "<=": a <= b, "<>": a !== b, "=": a === b, ">": a > b, "<": a < b }[m[2]]!;
}

/** What the bundle did for one BIZ cell: the functions its formula called (IF runs only the branch it picks, as Excel does) and the last call's own result, before any INDEX. */
export interface BizEvaluation {
  readonly called: string[];
  readonly result: unknown;
}

/**
 * Evaluates a BIZ cell's formula with the bundle, strictly in the few forms the templates write:
 * `INDEX(<choice>,0,k)` (one column of the table), where a choice is a BIZ call or
 * `IF(<condition>,<choice>,<choice>)`; a BIZ call's arguments are literals, array constants,
 * named cells, cells, ranges, table columns, or `IF(<condition>,<argument>,<argument>)`. Anything
 * else throws: extend this rather than guess.
 */
async function callBiz(
  bundle: ReturnType<typeof loadBundle>,
  formula: string,
  figures: Map<string, Figure>,
  sheet: MemorySheet,
  record: BizEvaluation
): Promise<unknown> {
  const refuse = (what: string): never => {
    throw new Error(
      `only INDEX(<call>,0,k), IF(<condition on a named cell>,a,b) and BIZ calls can be evaluated here; extend test/templates/engine.ts for ${what} (in ${formula})`
    );
  };
  const arg = (text: string): unknown => {
    const choice = callOf(text, /IF/);
    if (choice) {
      if (choice.args.length !== 3) refuse(text);
      return arg(condition(choice.args[0], figures, sheet) ? choice.args[1] : choice.args[2]);
    }
    if (/^[A-Za-z_][\w.]*\s*\(/.test(text.trim())) refuse(text);
    return argument(text, figures, sheet);
  };
  const choose = async (text: string): Promise<unknown> => {
    const choice = callOf(text, /IF/);
    if (choice) {
      if (choice.args.length !== 3) refuse(text);
      return choose(condition(choice.args[0], figures, sheet) ? choice.args[1] : choice.args[2]);
    }
    const call = callOf(text, /BIZ\.[A-Za-z][A-Za-z0-9_.]*/);
    if (!call) return refuse(text);
    const args = call.args.map(arg);
    while (args.length > 0 && args[args.length - 1] === null) args.pop();
    record.called.push(call.name.replace(/^BIZ\./i, "").toUpperCase());
    const outcome = await bundle.call(call.name, args);
    const result = outcome.error ? { error: outcome.error } : outcome.value;
    (record as { result: unknown }).result = result;
    return result;
  };
  const index = callOf(formula, /INDEX/);
  if (!index) return choose(formula);
  if (index.args.length !== 3 || index.args[1] !== "0" || !/^\d+$/.test(index.args[2])) refuse(formula);
  const table = await choose(index.args[0]);
  if (isError(table as Figure)) return table;
  const k = Number(index.args[2]);
  if (!Array.isArray(table) || !(table as unknown[][]).every((r) => Array.isArray(r) && k >= 1 && k <= r.length)) return { error: "#REF!" }; // Excel: INDEX past the table's columns
  return (table as unknown[][]).map((r) => [r[k - 1]]);
}
