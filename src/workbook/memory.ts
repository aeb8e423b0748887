import { errorSummary, validateInputs } from "../templates/inputs";
import { CellValue, Format, InputValues, Role, SheetPlan, TableCell, Template, spillFormatAt } from "../templates/model";

/**
 * An in-memory writer: lays a template's SheetPlan into a map of cells the way the real writers lay
 * it into a worksheet (tables expanded into a header row and a body, spilled arrays spread over
 * their cells, names pointing at addresses), and reads named figures back. It is strict where a
 * spreadsheet would be forgiving, so template mistakes show up in a test rather than in a user's
 * workbook: it throws a PlanError listing every problem it finds:
 *
 * - two specs writing the same cell (cells, table cells, spilled cells), or tables overlapping;
 * - a name or table name used twice (they share one namespace in Excel), or not a valid Excel name;
 * - a formula that refers to a name, table or table column the plan does not define, to a single
 *   cell nothing writes, calls a BIZ function that does not exist (when `customFunctions` is given),
 *   or calls an Excel function outside NATIVE_FUNCTIONS (the ones LibreOffice and Excel without the
 *   add-in compute alike);
 * - a formula cell without its computed value, or a value that is NaN or infinite;
 * - an input of the template without its named input cell holding the validated value, or a key
 *   output without its named cell; validations and charts outside the written cells.
 */

export interface MemoryCell {
  readonly value?: CellValue;
  readonly formula?: string;
  readonly format?: Format;
  readonly role?: Role;
  readonly name?: string;
  /** The table the cell belongs to (header or body). */
  readonly table?: string;
  /** For a spilled cell, the address of the formula that spills into it. */
  readonly spillOf?: string;
}

export interface MemoryTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** 1-based rows and columns: the header row is `top`, the body `top + 1` to `bottom`. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface MemorySheet {
  readonly title: string;
  readonly values: InputValues;
  readonly plan: SheetPlan;
  /** "B12" -> the cell. */
  readonly cells: ReadonlyMap<string, MemoryCell>;
  /** Name (as written) -> "B12". */
  readonly names: ReadonlyMap<string, string>;
  readonly tables: ReadonlyMap<string, MemoryTable>;
}

export interface MemoryOptions {
  /** The BIZ custom function ids (the @customfunction ids, e.g. "GOAL"); when given, every BIZ.X must be one. */
  readonly customFunctions?: Iterable<string>;
}

export class PlanError extends Error {
  constructor(
    readonly problems: readonly string[],
    title: string
  ) {
    super(`${title}: the plan has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n- ${problems.join("\n- ")}`);
    this.name = "PlanError";
  }
}

/**
 * Excel functions a template may use: each one computes the same figure in Excel 2016 and later
 * without the add-in and in LibreOffice (dynamic-array functions such as LET, SEQUENCE, FILTER and
 * XLOOKUP are left out on purpose: LibreOffice 7 and older Excel cannot recompute them).
 */
export const NATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  "ABS",
  "AND",
  "AVERAGE",
  "COUNT",
  "COUNTA",
  "COUNTBLANK",
  "COUNTIF",
  "COUNTIFS",
  "EXP",
  "IF",
  "IFERROR",
  "INDEX",
  "INT",
  "ISBLANK",
  "ISNUMBER",
  "ISTEXT",
  "LN",
  "LOG",
  "LOOKUP",
  "MATCH",
  "MAX",
  "MAXIFS",
  "MIN",
  "MINIFS",
  "MOD",
  "N",
  "NOT",
  "OFFSET",
  "OR",
  "POWER",
  "ROUND",
  "ROUNDDOWN",
  "ROUNDUP",
  "ROW",
  "ROWS",
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "VLOOKUP",
]);

const CELL_REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

interface Address {
  row: number;
  col: number;
}

function parseCell(ref: string): Address | undefined {
  const m = CELL_REF.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  if (col > 16384 || Number(m[2]) < 1 || Number(m[2]) > 1048576) return undefined;
  return { row: Number(m[2]), col };
}

function letters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function address(a: Address): string {
  return `${letters(a.col)}${a.row}`;
}

function parseRange(ref: string): { from: Address; to: Address } | undefined {
  const [a, b = a, ...rest] = ref.split(":");
  const from = parseCell(a);
  const to = parseCell(b);
  if (!from || !to || rest.length > 0) return undefined;
  return {
    from: { row: Math.min(from.row, to.row), col: Math.min(from.col, to.col) },
    to: { row: Math.max(from.row, to.row), col: Math.max(from.col, to.col) },
  };
}

/** A piece of a formula that refers to something. */
export type Reference =
  | { readonly kind: "function"; readonly name: string }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "cell"; readonly ref: string }
  | { readonly kind: "range"; readonly from: string; readonly to: string }
  | { readonly kind: "structured"; readonly table?: string; readonly columns: readonly string[]; readonly thisRow: boolean };

/**
 * The references of a formula: function calls, names, cells, ranges and table references. String
 * literals, numbers, TRUE/FALSE and sheet prefixes are skipped. A small tokenizer, not a parser:
 * enough to check that everything a template's formula names exists.
 */
export function references(formula: string): Reference[] {
  const out: Reference[] = [];
  const s = formula;
  let i = 0;
  const peek = (j: number) => {
    while (j < s.length && s[j] === " ") j++;
    return s[j];
  };
  const readBrackets = (start: number): { inner: string; end: number } => {
    let depth = 0;
    for (let j = start; j < s.length; j++) {
      if (s[j] === "[") depth++;
      else if (s[j] === "]") {
        depth--;
        if (depth === 0) return { inner: s.slice(start + 1, j), end: j + 1 };
      }
    }
    throw new Error(`unbalanced [ in formula ${formula}`);
  };
  const structured = (table: string | undefined, inner: string): Reference => {
    let thisRow = false;
    const columns: string[] = [];
    if (inner.startsWith("@")) {
      thisRow = true;
      const rest = inner.slice(1);
      columns.push(rest.startsWith("[") ? rest.slice(1, -1) : rest);
    } else if (inner.includes("[")) {
      for (const m of inner.matchAll(/\[([^\]]*)\]/g)) {
        if (m[1].toLowerCase() === "#this row") thisRow = true;
        else if (!m[1].startsWith("#")) columns.push(m[1]);
      }
    } else if (!inner.startsWith("#")) columns.push(inner);
    return { kind: "structured", ...(table ? { table } : {}), columns, thisRow };
  };
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      i++;
      while (i < s.length && !(s[i] === '"' && s[i + 1] !== '"')) i += s[i] === '"' ? 2 : 1;
      i++;
    } else if (ch === "'") {
      i++;
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1;
      i += 2; // the closing quote and the "!"
    } else if (ch === "[") {
      const { inner, end } = readBrackets(i);
      out.push(structured(undefined, inner));
      i = end;
    } else if (/[0-9.]/.test(ch)) {
      const m = /^(\d*\.?\d+|\d+\.)([eE][+-]?\d+)?/.exec(s.slice(i));
      i += m ? m[0].length : 1;
    } else if (/[A-Za-z_\\$]/.test(ch)) {
      const m = /^[A-Za-z0-9_.\\$]+/.exec(s.slice(i)) as RegExpExecArray;
      const word = m[0];
      let j = i + word.length;
      const next = peek(j);
      if (CELL_REF.test(word)) {
        if (s[j] === ":") {
          const m2 = /^\$?[A-Za-z]{1,3}\$?\d+/.exec(s.slice(j + 1));
          if (m2) {
            out.push({ kind: "range", from: word.replace(/\$/g, ""), to: m2[0].replace(/\$/g, "") });
            i = j + 1 + m2[0].length;
            continue;
          }
        }
        out.push({ kind: "cell", ref: word.replace(/\$/g, "") });
      } else if (next === "(") {
        out.push({ kind: "function", name: word });
      } else if (s[j] === "[") {
        const { inner, end } = readBrackets(j);
        out.push(structured(word, inner));
        j = end;
      } else if (s[j] === "!") {
        j++; // a sheet name
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        // a constant
      } else out.push({ kind: "name", name: word });
      i = j;
    } else i++;
  }
  return out;
}

interface Layout {
  cells: Map<string, MemoryCell>;
  /** Who wrote each cell, for messages. */
  writers: Map<string, string>;
}

export function writeToMemory(template: Template, raw: Readonly<Record<string, unknown>> = {}, options: MemoryOptions = {}): MemorySheet {
  const { values, errors } = validateInputs(template, raw);
  if (Object.keys(errors).length > 0) throw new Error(`${template.title}: invalid inputs:\n${errorSummary(errors)}`);
  const plan = template.build(values);
  const problems: string[] = [];
  const layout: Layout = { cells: new Map(), writers: new Map() };
  const names = new Map<string, string>();
  const namespace = new Map<string, string>(); // upper-cased name or table -> what it is
  const tables = new Map<string, MemoryTable>();
  const tableCellOwner = new Map<string, { table: MemoryTable; row: number }>();

  const claim = (name: string, what: string) => {
    if (!DEFINED_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) problems.push(`${what} "${name}" is not a valid Excel name`);
    const key = name.toUpperCase();
    const before = namespace.get(key);
    if (before) problems.push(`${what} "${name}" is already used by ${before}`);
    else namespace.set(key, `${what} "${name}"`);
  };
  const put = (ref: string, cell: MemoryCell, writer: string) => {
    const a = parseCell(ref);
    if (!a) {
      problems.push(`${writer} writes "${ref}", which is not a cell address`);
      return;
    }
    const key = address(a);
    const before = layout.writers.get(key);
    if (before) problems.push(`${key} is written twice: by ${before} and by ${writer}`);
    else {
      layout.cells.set(key, cell);
      layout.writers.set(key, writer);
    }
  };
  const checkValue = (ref: string, v: CellValue | undefined, hasFormula: boolean) => {
    if (hasFormula && v === undefined) problems.push(`the formula in ${ref} has no computed value`);
    if (typeof v === "number" && !Number.isFinite(v)) problems.push(`${ref} holds ${v}, not a finite number`);
  };

  for (const spec of plan.cells) {
    const { ref, value, formula, format, role, name, spill } = spec;
    put(ref, { value, formula, format, role, name }, `cell ${ref}`);
    checkValue(ref, value, formula !== undefined);
    if (name) {
      claim(name, "name");
      names.set(name, address(parseCell(ref) ?? { row: 1, col: 1 }));
    }
    if (spill) {
      const top = parseCell(ref);
      const width = spill[0]?.length ?? 0;
      if (!formula) problems.push(`${ref} spills but has no formula`);
      if (spill.length === 0 || width === 0 || spill.some((r) => r.length !== width)) problems.push(`the spill at ${ref} is empty or ragged`);
      else if (spill[0][0] !== value) problems.push(`the spill at ${ref} starts with ${String(spill[0][0])} but the cell's value is ${String(value)}`);
      if (top) {
        spill.forEach((row, r) =>
          row.forEach((v, c) => {
            if (r === 0 && c === 0) return;
            const at = address({ row: top.row + r, col: top.col + c });
            put(at, { value: v, role, format: spillFormatAt(spec, r, c), spillOf: ref }, `the spill of ${ref}`);
            checkValue(at, v, false);
          })
        );
      }
    }
  }

  for (const t of plan.tables) {
    claim(t.name, "table");
    const top = parseCell(t.ref);
    if (!top) {
      problems.push(`table ${t.name} starts at "${t.ref}", which is not a cell address`);
      continue;
    }
    const headers = t.columns.map((c) => c.header);
    const seen = new Set<string>();
    for (const h of headers) {
      if (seen.has(h.toLowerCase())) problems.push(`table ${t.name} has two columns named "${h}"`);
      seen.add(h.toLowerCase());
    }
    if (t.rows.length === 0) problems.push(`table ${t.name} has no rows`);
    const table: MemoryTable = {
      name: t.name,
      columns: headers,
      top: top.row,
      left: top.col,
      bottom: top.row + Math.max(1, t.rows.length),
      right: top.col + headers.length - 1,
    };
    tables.set(t.name.toUpperCase(), table);
    headers.forEach((h, j) => put(address({ row: top.row, col: top.col + j }), { value: h, role: "heading", table: t.name }, `table ${t.name}'s header`));
    t.rows.forEach((row, i) => {
      if (row.length !== headers.length) problems.push(`row ${i + 1} of table ${t.name} has ${row.length} cells for ${headers.length} columns`);
      row.forEach((tc: TableCell, j) => {
        const at = address({ row: top.row + 1 + i, col: top.col + j });
        const column = t.columns[j];
        const cell: MemoryCell =
          typeof tc === "object"
            ? { value: tc.value, formula: tc.formula, format: column?.format, role: "output", table: t.name }
            : { value: tc, format: column?.format, role: column?.input ? "input" : "label", table: t.name };
        put(at, cell, `table ${t.name}`);
        checkValue(at, cell.value, cell.formula !== undefined);
        tableCellOwner.set(at, { table, row: top.row + 1 + i });
      });
    });
  }

  // Formulas: everything they name must exist.
  const bizIds = options.customFunctions ? new Set([...options.customFunctions].map((f) => f.toUpperCase())) : undefined;
  for (const [at, c] of layout.cells) {
    if (c.formula === undefined) continue;
    if (c.formula.startsWith("=")) problems.push(`the formula in ${at} starts with "="; formulas are written without it`);
    let refs: Reference[];
    try {
      refs = references(c.formula);
    } catch (e) {
      problems.push(`${at}: ${(e as Error).message}`);
      continue;
    }
    for (const r of refs) {
      const where = `the formula in ${at} (${c.formula})`;
      if (r.kind === "function") {
        const upper = r.name.toUpperCase();
        if (upper.startsWith("BIZ.")) {
          if (bizIds && !bizIds.has(upper.slice(4))) problems.push(`${where} calls ${r.name}, which is not a BIZ function`);
        } else if (!NATIVE_FUNCTIONS.has(upper)) problems.push(`${where} calls ${r.name}, which is not among the Excel functions a template may use`);
      } else if (r.kind === "name") {
        if (!names.has(r.name) && ![...names.keys()].some((n) => n.toUpperCase() === r.name.toUpperCase()))
          problems.push(`${where} refers to ${r.name}, which no cell of the plan is named`);
        else if (!names.has(r.name)) problems.push(`${where} spells ${r.name} in another letter case than its cell's name`);
      } else if (r.kind === "cell") {
        if (!layout.cells.has(r.ref.toUpperCase())) problems.push(`${where} refers to ${r.ref}, which nothing writes`);
      } else if (r.kind === "range") {
        if (!parseRange(`${r.from}:${r.to}`)) problems.push(`${where} has a bad range ${r.from}:${r.to}`);
      } else {
        const own = tableCellOwner.get(at)?.table;
        const table = r.table ? tables.get(r.table.toUpperCase()) : own;
        if (!table) {
          problems.push(r.table ? `${where} refers to table ${r.table}, which the plan does not have` : `${where} uses [@...] outside a table`);
          continue;
        }
        if (r.thisRow && table !== own) problems.push(`${where} refers to this row of ${table.name} from outside it`);
        for (const col of r.columns) {
          if (!table.columns.some((h) => h.toLowerCase() === col.toLowerCase()))
            problems.push(`${where} refers to column "${col}" of ${table.name}, which has ${table.columns.join(", ")}`);
        }
      }
    }
  }

  // The template's inputs and outputs are all on the sheet.
  for (const field of template.inputs) {
    const at = names.get(field.name);
    const c = at ? layout.cells.get(at) : undefined;
    if (!c) problems.push(`input ${field.name} has no named cell`);
    else {
      if (c.role !== "input") problems.push(`input ${field.name} (${at}) is not styled as an input`);
      if (c.value !== values[field.name]) problems.push(`input ${field.name} (${at}) holds ${String(c.value)}, not the value ${String(values[field.name])}`);
    }
  }
  for (const name of template.outputs) {
    const at = names.get(name);
    if (!at) problems.push(`output ${name} has no named cell`);
    else if (layout.cells.get(at)?.formula === undefined) problems.push(`output ${name} (${at}) is not a formula`);
  }

  for (const v of plan.validations) {
    const r = parseRange(v.ref);
    if (!r) problems.push(`validation at "${v.ref}" is not a range`);
    else if (v.list.length === 0) problems.push(`validation at ${v.ref} has an empty list`);
    else eachCell(r, (a) => !layout.cells.has(address(a)) && problems.push(`validation at ${v.ref} covers ${address(a)}, which nothing writes`));
  }
  for (const chart of plan.charts) {
    const r = parseRange(chart.dataRef);
    if (!r) problems.push(`chart "${chart.title}" has data "${chart.dataRef}", which is not a range`);
    else {
      if (r.to.col - r.from.col < 1 || r.to.row - r.from.row < 1)
        problems.push(`chart "${chart.title}" needs a header row, a category column and at least one series; ${chart.dataRef} is too small`);
      eachCell(r, (a) => !layout.cells.has(address(a)) && problems.push(`chart "${chart.title}" reads ${address(a)}, which nothing writes`));
    }
    if (!parseCell(chart.anchor)) problems.push(`chart "${chart.title}" is anchored at "${chart.anchor}", which is not a cell address`);
  }

  if (problems.length > 0) throw new PlanError(problems, template.title);
  return { title: template.title, values, plan, cells: layout.cells, names, tables };
}

function eachCell(r: { from: Address; to: Address }, f: (a: Address) => void): void {
  for (let row = r.from.row; row <= r.to.row; row++) for (let col = r.from.col; col <= r.to.col; col++) f({ row, col });
}

/** The figure in a named cell (the cached value a writer stores). Throws for a name the sheet lacks. */
export function readName(sheet: MemorySheet, name: string): CellValue | undefined {
  const at = sheet.names.get(name);
  if (!at) throw new Error(`${sheet.title} has no cell named ${name}; its names are ${[...sheet.names.keys()].join(", ")}`);
  return sheet.cells.get(at)?.value;
}

export function readCell(sheet: MemorySheet, ref: string): CellValue | undefined {
  return sheet.cells.get(ref.replace(/\$/g, "").toUpperCase())?.value;
}

/** The body values of one column of a table, top to bottom. */
export function readColumn(sheet: MemorySheet, tableName: string, column: string): (CellValue | undefined)[] {
  const t = sheet.tables.get(tableName.toUpperCase());
  if (!t) throw new Error(`${sheet.title} has no table ${tableName}`);
  const j = t.columns.findIndex((c) => c.toLowerCase() === column.toLowerCase());
  if (j < 0) throw new Error(`table ${tableName} has no column ${column}; it has ${t.columns.join(", ")}`);
  const out: (CellValue | undefined)[] = [];
  for (let row = t.top + 1; row <= t.bottom; row++) out.push(sheet.cells.get(address({ row, col: t.left + j }))?.value);
  return out;
}

/**
 * The addresses whose figure needs a BIZ function: the BIZ formulas, the cells they spill into,
 * and every formula that refers to one of those, directly or through other cells. Excel without
 * the add-in and LibreOffice cannot recompute these; every other formula they can. (OFFSET is
 * followed only to its anchor; the templates use it inside native tables only.)
 */
export function bizDependents(sheet: MemorySheet): Set<string> {
  const deps = new Map<string, string[]>();
  const tableOf = (name: string | undefined) => (name ? sheet.tables.get(name.toUpperCase()) : undefined);
  for (const [at, c] of sheet.cells) {
    if (c.spillOf) {
      deps.set(at, [address(parseCell(c.spillOf) as Address)]);
      continue;
    }
    if (c.formula === undefined) continue;
    const here = parseCell(at) as Address;
    const list: string[] = [];
    for (const r of references(c.formula)) {
      if (r.kind === "name") {
        const target = sheet.names.get(r.name);
        if (target) list.push(target);
      } else if (r.kind === "cell") list.push(r.ref.toUpperCase());
      else if (r.kind === "range") {
        const rr = parseRange(`${r.from}:${r.to}`);
        if (rr) eachCell(rr, (a) => list.push(address(a)));
      } else if (r.kind === "structured") {
        const t = tableOf(r.table ?? c.table);
        if (!t) continue;
        for (const col of r.columns) {
          const j = t.columns.findIndex((h) => h.toLowerCase() === col.toLowerCase());
          if (j < 0) continue;
          if (r.thisRow) list.push(address({ row: here.row, col: t.left + j }));
          else for (let row = t.top + 1; row <= t.bottom; row++) list.push(address({ row, col: t.left + j }));
        }
      }
    }
    deps.set(at, list);
  }
  const biz = new Set<string>();
  for (const [at, c] of sheet.cells) if (c.formula !== undefined && /(^|[^A-Za-z0-9_.])BIZ\./i.test(c.formula)) biz.add(at);
  for (let changed = true; changed;) {
    changed = false;
    for (const [at, list] of deps) {
      if (!biz.has(at) && list.some((d) => biz.has(d))) {
        biz.add(at);
        changed = true;
      }
    }
  }
  return biz;
}
