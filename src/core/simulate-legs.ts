import { EVENTS_PER_SLICE, Network } from "./simulate-history";

const { min } = Math;

/*
 * A binary's placement, apart from the matrix's (simulate-pay.ts Positions) because at a million
 * joins its time goes in waits on memory, not in arithmetic: each join reads and writes a handful
 * of positions scattered over the tree. So all placement knows of a position sits in one row of
 * ROW ints (two rows a cache line), not one array per field. Measured on the same history of a
 * million members, spread 4: placement took 18% less time than with Positions and a count array.
 */
const LEFT = 0; // the child placed first (-1 for none)
const RIGHT = 1; // the second (-1 for none)
const CURSOR = 2; // as Positions' cursor: the first position of this leg, breadth-first, that may still be open
const PARENT = 3; // 4 x the parent + ODD + IS_RIGHT (the founder's parent is -1)
const COUNT = 4; // at an even depth: the members placed in the subtree, itself included
const EVEN1 = 5; // the nearest position above at an even depth (-1 above the founder)
const EVEN2 = 6; // the next such above it
const EVEN3 = 7; // and the next: from an even position, 6 levels up
const ROW = 8;
const ODD = 1; // the position is at an odd depth
const IS_RIGHT = 2; // the position is its parent's second child

/**
 * A binary: each new member goes into its sponsor's leg with fewer members placed (the left on a
 * tie), at the first open position breadth-first in that leg.
 *
 * A leg's count is kept at the even depths only (an odd position holds itself and its two
 * children's subtrees), so a placement adds 1 at every second position up the line. That line is
 * 19 positions long on average at a million members, 27 with a spread of 4, and each step up is a
 * wait on memory. So the even positions above are walked as three chains side by side, six levels
 * a step (EVEN3), and three waits overlap. Placement at a spread of 4, against the one-array-per-
 * field code in the same runs: one chain 82%, two chains 71%, three 66% of its time (a fourth
 * needs a ninth int a row, and a 12-int row measured slower than 8).
 */
export function* placeBinary(net: Network): Generator<void, { parent: Int32Array; side: Uint8Array; spare: Int32Array }, void> {
  const n = net.joined;
  const rows = new Int32Array(ROW * n);
  rows[LEFT] = rows[RIGHT] = rows[CURSOR] = rows[EVEN1] = rows[EVEN2] = rows[EVEN3] = -1;
  rows[PARENT] = -4;
  rows[COUNT] = 1;
  const parent = new Int32Array(n);
  parent[0] = -1;
  const side = new Uint8Array(n);
  for (let from = 1; from < n; from += EVENTS_PER_SLICE) {
    placeInLegs(rows, net.ints, parent, side, from, min(n, from + EVENTS_PER_SLICE));
    yield;
  }
  // The rows, of no more use, handed on as memory already touched (8n cells: depthFirst takes 7n).
  return { parent, side, spare: rows };
}

/** Members from..to-1 placed in their sponsors' weaker legs. */
function placeInLegs(rows: Int32Array, ints: Int32Array, parent: Int32Array, side: Uint8Array, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const s = ints[4 * i];
    const right = rows[ROW * s + RIGHT];
    // An empty leg: the new member heads it (the left first).
    const p = right < 0 ? s : firstOpen(rows, legCount(rows, rows[ROW * s + LEFT]) <= legCount(rows, right) ? rows[ROW * s + LEFT] : right);
    const at = ROW * p;
    const I = ROW * i;
    rows[I + LEFT] = rows[I + RIGHT] = rows[I + CURSOR] = -1;
    rows[I + COUNT] = 1;
    parent[i] = p;
    let flags = (rows[at + PARENT] & ODD) ^ ODD;
    if (rows[at + LEFT] < 0) rows[at + LEFT] = i;
    else {
      rows[at + RIGHT] = i;
      flags |= IS_RIGHT;
      side[i] = 1;
    }
    rows[I + PARENT] = 4 * p + flags;
    // The three even positions nearest above i: p and p's two nearest if p is even (i is then odd
    // and keeps no count), else p's own three. All in rows already read: the walk's first three
    // steps then wait on memory together.
    let a: number;
    let b: number;
    let c: number;
    if (flags & ODD) {
      a = p;
      b = rows[at + EVEN1];
      c = rows[at + EVEN2];
    } else {
      a = rows[at + EVEN1];
      b = rows[at + EVEN2];
      c = rows[at + EVEN3];
    }
    rows[I + EVEN1] = a;
    rows[I + EVEN2] = b;
    rows[I + EVEN3] = c;
    // Chain a takes the 1st, 4th, 7th... even positions above, b the 2nd, 5th..., c the 3rd, 6th...
    while (c >= 0) {
      rows[ROW * a + COUNT]++;
      rows[ROW * b + COUNT]++;
      rows[ROW * c + COUNT]++;
      a = rows[ROW * a + EVEN3];
      b = rows[ROW * b + EVEN3];
      c = rows[ROW * c + EVEN3];
    }
    if (a >= 0) rows[ROW * a + COUNT]++;
    if (b >= 0) rows[ROW * b + COUNT]++;
  }
}

/** The members in x's subtree, x included. */
function legCount(rows: Int32Array, x: number): number {
  const at = ROW * x;
  if ((rows[at + PARENT] & ODD) === 0) return rows[at + COUNT];
  const left = rows[at + LEFT];
  if (left < 0) return 1;
  const right = rows[at + RIGHT];
  return 1 + rows[ROW * left + COUNT] + (right < 0 ? 0 : rows[ROW * right + COUNT]);
}

/**
 * The first open position (fewer than two below it) breadth-first, left to right, under and
 * including `root`; as Positions.firstOpen, amortized O(1) by the root's cursor.
 */
function firstOpen(rows: Int32Array, root: number): number {
  let c = rows[ROW * root + CURSOR];
  if (c < 0) c = root;
  while (rows[ROW * c + RIGHT] >= 0) c = after(rows, c, root);
  rows[ROW * root + CURSOR] = c;
  return c;
}

/**
 * The position after full position c in root's breadth-first order, every position before c being
 * full: climb while a second child, step to the sibling, come down as many levels by first children.
 */
function after(rows: Int32Array, c: number, root: number): number {
  let up = 0;
  let x = c;
  while (x !== root && (rows[ROW * x + PARENT] & IS_RIGHT) !== 0) {
    x = rows[ROW * x + PARENT] >> 2;
    up++;
  }
  if (x === root)
    up++; // c was the last of its level: the first of the next
  else x = rows[ROW * (rows[ROW * x + PARENT] >> 2) + RIGHT];
  for (let k = 0; k < up; k++) x = rows[ROW * x + LEFT];
  return x;
}
