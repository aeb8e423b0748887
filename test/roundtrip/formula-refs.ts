import { CellValue, SheetPlan } from "../../src/templates/model";
import { formatAddress, parseAddress } from "../../src/workbook/xlsx-formulas";

/**
 * Which cells of a set of plans depend on a BIZ function, found by walking formula references:
 * a cell is BIZ-dependent when its formula calls BIZ.* or refers (through an address, a range, a
 * workbook name, a table reference or a spill) to a BIZ-dependent cell. A spreadsheet program
 * without the add-in cannot recompute exactly those cells; every other formula it can.
 *
 * Cells are keyed "Sheet!B12". Formulas are read in the typed form the templates write.
 */

export interface PlanSheet {
  readonly name: string;
  readonly plan: SheetPlan;
}

export interface FormulaCell {
  readonly key: string;
  readonly sheet: string;
  readonly formula: string;
  /** The table the cell belongs to, for [@Column]. */
  readonly table?: string;
  readonly row: number;
  readonly col: number;
  /** The cells a spilling formula fills besides its own. */
  readonly spilled: readonly string[];
}

interface TableInfo {
  readonly sheet: string;
  readonly headerRow: number;
  readonly lastRow: number;
  readonly left: number;
  readonly columns: ReadonlyMap<string, number>; // upper-case header -> column
}

export interface Dependencies {
  /** Every formula cell (table cells and spill anchors included). */
  readonly formulas: ReadonlyMap<string, FormulaCell>;
  /** Every cell key with the figure the plan expects there. */
  readonly expected: ReadonlyMap<string, CellValue>;
  /** The cells whose figure needs a BIZ function (formulas, their spills, and all that depends on them). */
  readonly bizDependent: ReadonlySet<string>;
  /** Formula cells that call BIZ.* themselves. */
  readonly bizCalls: ReadonlySet<string>;
  refs(cell: FormulaCell): string[];
  /** Every formula cell whose figure flows into `key` (not including `key` itself). */
  upstream(key: string): Set<string>;
}

const key = (sheet: string, row: number, col: number) => `${sheet}!${formatAddress({ row, col })}`;

/** Removes string literals so nothing inside quotes reads as a reference. */
function code(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

export function dependencies(sheets: readonly PlanSheet[]): Dependencies {
  const formulas = new Map<string, FormulaCell>();
  const expected = new Map<string, CellValue>();
  const names = new Map<string, string>();
  const tables = new Map<string, TableInfo>();
  const spillOf = new Map<string, string[]>();
  const maxRow = new Map<string, number>();
  const note = (sheet: string, row: number) => maxRow.set(sheet, Math.max(maxRow.get(sheet) ?? 0, row));

  for (const { name: sheet, plan } of sheets) {
    for (const c of plan.cells) {
      const a = parseAddress(c.ref);
      const k = key(sheet, a.row, a.col);
      note(sheet, a.row);
      if (c.name) names.set(c.name.toUpperCase(), k);
      const spilled: string[] = [];
      if (c.spill && c.formula !== undefined) {
        c.spill.forEach((row, r) =>
          row.forEach((v, j) => {
            const sk = key(sheet, a.row + r, a.col + j);
            expected.set(sk, v);
            note(sheet, a.row + r);
            if (r > 0 || j > 0) spilled.push(sk);
          })
        );
        spillOf.set(k, spilled);
      } else if (c.value !== undefined) expected.set(k, c.value);
      if (c.formula !== undefined) formulas.set(k, { key: k, sheet, formula: c.formula, row: a.row, col: a.col, spilled });
    }
    for (const t of plan.tables) {
      const a = parseAddress(t.ref);
      const lastRow = a.row + Math.max(t.rows.length, 1);
      note(sheet, lastRow);
      tables.set(t.name.toUpperCase(), {
        sheet,
        headerRow: a.row,
        lastRow,
        left: a.col,
        columns: new Map(t.columns.map((c, j) => [c.header.toUpperCase(), a.col + j])),
      });
      names.set(t.name.toUpperCase(), ""); // a table name is not a cell name
      t.columns.forEach((c, j) => expected.set(key(sheet, a.row, a.col + j), c.header));
      t.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          const k = key(sheet, a.row + 1 + i, a.col + j);
          if (typeof cell === "object") {
            expected.set(k, cell.value);
            formulas.set(k, { key: k, sheet, formula: cell.formula, table: t.name, row: a.row + 1 + i, col: a.col + j, spilled: [] });
          } else expected.set(k, cell);
        })
      );
    }
  }

  const rangeKeys = (sheet: string, top: number, left: number, bottom: number, right: number): string[] => {
    const out: string[] = [];
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) out.push(key(sheet, r, c));
    return out;
  };

  const tableRefs = (cell: FormulaCell, owner: string | undefined, inside: string): string[] => {
    const tableName = (owner ?? cell.table ?? "").toUpperCase();
    const t = tables.get(tableName);
    if (!t) throw new Error(`${cell.key}: ${owner ?? ""}[${inside}] names no table`);
    const items = [...inside.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const parts = items.length > 0 ? items : [inside];
    let rows: [number, number] = [t.headerRow + 1, t.lastRow];
    const cols: number[] = [];
    for (const raw of parts) {
      const p = raw.trim();
      if (p.startsWith("@")) {
        rows = [cell.row, cell.row];
        if (p.length > 1) cols.push(column(t, p.slice(1), cell));
      } else if (/^#This Row$/i.test(p)) rows = [cell.row, cell.row];
      else if (/^#All$/i.test(p)) rows = [t.headerRow, t.lastRow];
      else if (/^#Headers$/i.test(p)) rows = [t.headerRow, t.headerRow];
      else if (/^#Data$/i.test(p)) rows = [t.headerRow + 1, t.lastRow];
      else if (p !== "") cols.push(column(t, p, cell));
    }
    const all = [...t.columns.values()];
    const [lo, hi] = cols.length > 0 ? [Math.min(...cols), Math.max(...cols)] : [Math.min(...all), Math.max(...all)];
    return rangeKeys(t.sheet, rows[0], lo, rows[1], hi);
  };

  function column(t: TableInfo, header: string, cell: FormulaCell): number {
    const c = t.columns.get(header.replace(/^\[|\]$/g, "").toUpperCase());
    if (c === undefined) throw new Error(`${cell.key}: no column "${header}"`);
    return c;
  }

  const refs = (cell: FormulaCell): string[] => {
    const out: string[] = [];
    let rest = code(cell.formula);
    // Structured references first (they contain brackets other patterns would misread).
    rest = rest.replace(/([A-Za-z_][\w.]*)?\[((?:[^[\]]|\[[^\]]*\])*)\]/g, (_m, owner: string | undefined, inside: string) => {
      out.push(...tableRefs(cell, owner, inside));
      return " ";
    });
    // Sheet-qualified addresses and ranges.
    rest = rest.replace(
      /('(?:[^']|'')+'|[A-Za-z_][\w.]*)!(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?/g,
      (_m, sheet: string, a: string, b: string | undefined) => {
        const name = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
        out.push(...cellsOf(name, a, b ?? a));
        return " ";
      }
    );
    // Spill references (A1#): the whole spill of that anchor.
    rest = rest.replace(/(?<![\w.$])(\$?[A-Za-z]{1,3}\$?\d+)#/g, (_m, a: string) => {
      const anchor = key(cell.sheet, parseAddress(a).row, parseAddress(a).col);
      out.push(anchor, ...(spillOf.get(anchor) ?? []));
      return " ";
    });
    // Whole columns (B:B) on this sheet, bounded by the plan's last row.
    rest = rest.replace(/(?<![\w.$])\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w(])/g, (_m, a: string, b: string) => {
      out.push(...cellsOf(cell.sheet, `${a}1`, `${b}${maxRow.get(cell.sheet) ?? 1}`));
      return " ";
    });
    // Addresses and ranges on this sheet.
    rest = rest.replace(/(?<![\w.$])(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![\w(])/g, (_m, a: string, b: string | undefined) => {
      out.push(...cellsOf(cell.sheet, a, b ?? a));
      return " ";
    });
    // Workbook names (not functions).
    for (const m of rest.matchAll(/(?<![\w.])([A-Za-z_\\][\w.]*)(?!\s*[(\w.])/g)) {
      const target = names.get(m[1].toUpperCase());
      if (target) out.push(target);
    }
    return out;
  };

  function cellsOf(sheet: string, a: string, b: string): string[] {
    const p = parseAddress(a);
    const q = parseAddress(b);
    return rangeKeys(sheet, Math.min(p.row, q.row), Math.min(p.col, q.col), Math.max(p.row, q.row), Math.max(p.col, q.col));
  }

  const bizCalls = new Set<string>();
  for (const f of formulas.values()) if (/(?<![\w.])BIZ\.[A-Za-z]/i.test(code(f.formula))) bizCalls.add(f.key);
  const bizDependent = new Set<string>();
  const taint = (f: FormulaCell) => {
    bizDependent.add(f.key);
    f.spilled.forEach((k) => bizDependent.add(k));
  };
  for (const k of bizCalls) taint(formulas.get(k) as FormulaCell);
  const refsOf = new Map([...formulas.values()].map((f) => [f.key, refs(f)]));
  // a spilled cell's figure comes from its anchor's formula
  for (const f of formulas.values()) for (const k of f.spilled) refsOf.set(k, [f.key]);
  for (let changed = true; changed;) {
    changed = false;
    for (const f of formulas.values()) {
      if (bizDependent.has(f.key)) continue;
      if ((refsOf.get(f.key) ?? []).some((k) => bizDependent.has(k))) {
        taint(f);
        changed = true;
      }
    }
  }
  const upstream = (start: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [...(refsOf.get(start) ?? [])];
    while (todo.length > 0) {
      const k = todo.pop() as string;
      if (seen.has(k)) continue;
      seen.add(k);
      todo.push(...(refsOf.get(k) ?? []));
    }
    return new Set([...seen].filter((k) => formulas.has(k)));
  };
  return { formulas, expected, bizDependent, bizCalls, refs, upstream };
}
