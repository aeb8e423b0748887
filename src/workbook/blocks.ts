/**
 * A1 address arithmetic and the grouping of scattered cells into rectangles, so a writer can send a
 * sheet as a few whole-range writes instead of one call per cell. Pure: no Office, no DOM.
 */

export interface Cell {
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
}

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseCell(ref: string): Cell {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`not a cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellAddress(cell: Cell): string {
  return `${columnName(cell.col)}${cell.row + 1}`;
}

export function parseRect(ref: string): Rect {
  const [a, b = a] = ref.split(":");
  const p = parseCell(a);
  const q = parseCell(b);
  const top = Math.min(p.row, q.row);
  const left = Math.min(p.col, q.col);
  return { top, left, rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

export function rectAddress(r: Rect): string {
  const a = cellAddress({ row: r.top, col: r.left });
  if (r.rows === 1 && r.cols === 1) return a;
  return `${a}:${cellAddress({ row: r.top + r.rows - 1, col: r.left + r.cols - 1 })}`;
}

export function offset(ref: string, rows: number, cols: number): string {
  const c = parseCell(ref);
  return cellAddress({ row: c.row + rows, col: c.col + cols });
}

export function contains(r: Rect, c: Cell): boolean {
  return c.row >= r.top && c.row < r.top + r.rows && c.col >= r.left && c.col < r.left + r.cols;
}

const key = (c: Cell) => `${c.row},${c.col}`;

/**
 * Splits cells into groups that touch (side by side or one above the other) and gives each group's
 * bounding rectangle. A layout of label/value pairs and headed blocks comes out as a handful of
 * blocks; cells of the rectangle that are not in the group are written as null (left unchanged).
 */
export function touchingBlocks<T extends Cell>(cells: readonly T[]): { rect: Rect; cells: T[] }[] {
  const index = new Map<string, number>();
  cells.forEach((c, i) => index.set(key(c), i));
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  cells.forEach((c, i) => {
    for (const n of [
      { row: c.row, col: c.col + 1 },
      { row: c.row + 1, col: c.col },
    ]) {
      const j = index.get(key(n));
      if (j !== undefined) parent[find(j)] = find(i);
    }
  });
  const groups = new Map<number, T[]>();
  cells.forEach((c, i) => {
    const g = groups.get(find(i)) ?? [];
    g.push(c);
    groups.set(find(i), g);
  });
  return [...groups.values()].map((group) => {
    const top = Math.min(...group.map((c) => c.row));
    const left = Math.min(...group.map((c) => c.col));
    const bottom = Math.max(...group.map((c) => c.row));
    const right = Math.max(...group.map((c) => c.col));
    return { rect: { top, left, rows: bottom - top + 1, cols: right - left + 1 }, cells: group };
  });
}

/**
 * Covers a set of cells exactly with rectangles (no extra cells): runs of adjacent columns in a row,
 * merged with identical runs in the rows below. Used for formats that apply to a whole range
 * (fill, font), where a bounding box would colour cells that are not in the set.
 */
export function exactRects(cells: readonly Cell[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ top: row, left: start, rows: 1, cols: cols[i - 1] - start + 1 });
        start = cols[i];
      }
    }
  }
  // Extend a run downwards while the next row has the very same run.
  const open = new Map<string, { top: number; left: number; rows: number; cols: number }>();
  const done: Rect[] = [];
  for (const run of runs) {
    const k = `${run.left},${run.cols}`;
    const prev = open.get(k);
    if (prev && prev.top + prev.rows === run.top) prev.rows += 1;
    else {
      if (prev) done.push(prev);
      open.set(k, { ...run });
    }
  }
  return [...done, ...open.values()];
}
