import { BINARY_STATE, binaryPeriod, breakawayShare, stairStepRateTable } from "./plans";
import { EVENTS_PER_SLICE, Network } from "./simulate-history";

// Math's functions as module constants (see simulate-history.ts: in a vm context each Math.x is a slow lookup).
const { min } = Math;

/**
 * How each plan pays the members of a finished history (simulate-history.ts). Every plan pays a
 * member only in the months it is active (from its join month to its last month), and volume passes
 * through the position of a member who quit to the active members above. Each pay step is a
 * generator that yields between bounded slices of work, so the async runner can pause and cancel.
 *
 * - unilevel and matrix: the upline k positions up earns rate k x volume in every month both are
 *   active: a closed form of the two stays, summed by walking each member's chain once (`levelPay`).
 *   The unilevel's chain is the sponsors'; the matrix's is the placement (`placeMatrix`).
 * - binary: members are placed in two legs (`placeBinary`); month by month each member's two leg
 *   volumes are counted and paid by BINARY's own rule (plans.ts `binaryPeriod`).
 * - stair-step: month by month each member's group volume and legs, paid by STAIRSTEP's own rule
 *   (plans.ts `breakawayShare`, rates from `stairStepRateTable`).
 */

/** What a plan leaves beside the commissions: the commissions of the last month (for the goal), and the placement. */
export interface PayOut {
  lastMonth: Float64Array;
  /** Whether the last month's commissions are wanted (a goal was given): the level plans walk once more for them. */
  wantLastMonth: boolean;
  /** The position each member was placed under (matrix and binary); the sponsors otherwise. */
  placement?: Int32Array;
  /** Binary: 0 if placed on its parent's left, 1 on the right. */
  side?: Uint8Array;
}

/**
 * Level pay over the chain in `net.ints[4i]` (sponsors, or the matrix placement): upline a at level
 * k of member d earns volume x rate k for every month both are active. d is active from its join
 * month jd through its last month ed, and a (which joined before d) through ea, so they overlap in
 *   max(0, min(ea, ed) - jd + 1)  months
 * whatever happened in between: an upline who left earns nothing more, and the chain runs on
 * through it. So each member walks up its chain once, for as many levels as pay, in
 * members x levels steps whatever the number of months. Then, for the goal, once more with only the
 * last month's sellers.
 */
export function* levelPay(net: Network, levelRates: readonly number[], volume: number, out: PayOut): Generator<void, void, void> {
  // Trailing zero rates pay nothing: the walks stop at the last level that pays.
  let levels = levelRates.length;
  while (levels > 0 && levelRates[levels - 1] === 0) levels--;
  if (levels === 0) return;
  // What an upline at each level earns on one member's month: volume x rate, in money already.
  const perMonth = Float64Array.from(levelRates.slice(0, levels), (rate) => volume * rate);
  const upline = new Int32Array(EVENTS_PER_SLICE);
  const stay = new Int32Array(EVENTS_PER_SLICE);
  const { ints, shorts, money } = net;
  for (let from = 1; from < net.joined; from += EVENTS_PER_SLICE) {
    const count = startWalks(net, upline, stay, from, min(net.joined, from + EVENTS_PER_SLICE), false);
    climb(ints, shorts, money, 2, 1, perMonth, levels, upline, stay, count);
    yield;
  }
  if (!out.wantLastMonth) return;
  for (let from = 1; from < net.joined; from += EVENTS_PER_SLICE) {
    const count = startWalks(net, upline, stay, from, min(net.joined, from + EVENTS_PER_SLICE), true);
    climb(ints, shorts, out.lastMonth, 1, 0, perMonth, levels, upline, stay, count);
    yield;
  }
}

/**
 * Starts the walks of members from..to-1 at their uplines. Each walk carries its member's stay as
 * one number, first month + 65536 x last month paid; with `lastOnly`, only members active in the
 * last month walk, for that month alone.
 */
function startWalks(net: Network, upline: Int32Array, stay: Int32Array, from: number, to: number, lastOnly: boolean): number {
  const { ints, shorts, months } = net;
  let count = 0;
  for (let d = from; d < to; d++) {
    if (lastOnly) {
      if (shorts[8 * d + 3] < months) continue;
      upline[count] = ints[4 * d];
      stay[count++] = months | (months << 16);
    } else {
      upline[count] = ints[4 * d];
      stay[count++] = shorts[8 * d + 2] | (min(shorts[8 * d + 3], months) << 16);
    }
  }
  return count;
}

/**
 * Pays the uplines of a batch of walks, level by level. The walks run in lockstep, the whole batch
 * one level at a time: the reads of different walks are independent, so the processor overlaps
 * their cache misses instead of waiting for each link of one chain in turn (measured 2-3x faster
 * than one walk after another). Everything comes in as parameters, with nothing looked up by name
 * in the loops: V8 optimizes the loop while it runs, and a property never read before that moment
 * would throw the optimized code away again on every batch. Earnings go to out[stride x a + offset].
 */
function climb(
  ints: Int32Array,
  shorts: Uint16Array,
  out: Float64Array,
  stride: number,
  offset: number,
  perMonth: Float64Array,
  levels: number,
  upline: Int32Array,
  stay: Int32Array,
  count: number
): void {
  for (let k = 0; k < levels && count > 0; k++) {
    const rate = perMonth[k];
    let live = 0;
    for (let b = 0; b < count; b++) {
      const a = upline[b];
      const months = stay[b];
      const overlap = min(shorts[8 * a + 3], months >>> 16) - (months & 0xffff) + 1;
      // No branch on whether they overlap: for uplines who left it is hard to predict, and a
      // mispredicted branch costs more than adding 0.
      out[stride * a + offset] += rate * (overlap & ~(overlap >> 31));
      const up = ints[4 * a];
      if (up >= 0) {
        upline[live] = up;
        stay[live] = months;
        live++;
      }
    }
    count = live;
  }
}

/**
 * Positions in a tree where each position holds at most `width` below it, filled as forced
 * matrices and binaries fill them: the first open position breadth-first, left to right, under a
 * given position. Children are kept as first child and next sibling (any width in 3 x 4 bytes).
 *
 * Finding the first open position is amortized O(1): for each position used as a root, a cursor
 * remembers the first position of its breadth-first order that may still be open. Every position
 * before it is full, and a full position stays full, so the cursor only moves forward; and since
 * the levels above the cursor are then complete, the next position in breadth-first order is found
 * like the next number in base `width` (climb while last child, step to the sibling, come down).
 */
class Positions {
  readonly width: number;
  readonly parent: Int32Array;
  readonly firstChild: Int32Array;
  readonly lastChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly children: Int32Array;
  readonly cursor: Int32Array;

  constructor(n: number, width: number) {
    this.width = width;
    this.parent = new Int32Array(n).fill(-1);
    this.firstChild = new Int32Array(n).fill(-1);
    this.lastChild = new Int32Array(n).fill(-1);
    this.nextSibling = new Int32Array(n).fill(-1);
    this.children = new Int32Array(n);
    this.cursor = new Int32Array(n).fill(-1);
  }

  /** Places member i directly under position p, after p's other children. */
  place(i: number, p: number): void {
    this.parent[i] = p;
    if (this.firstChild[p] < 0) this.firstChild[p] = i;
    else this.nextSibling[this.lastChild[p]] = i;
    this.lastChild[p] = i;
    this.children[p]++;
  }

  /** The first open position (fewer than `width` below it) breadth-first, left to right, under and including `root`. */
  firstOpen(root: number): number {
    const { children, width } = this;
    let c = this.cursor[root];
    if (c < 0) c = root;
    while (children[c] >= width) c = this.after(c, root);
    this.cursor[root] = c;
    return c;
  }

  /** The position after full position c in root's breadth-first order (every position before c is full). */
  private after(c: number, root: number): number {
    const { parent, nextSibling, firstChild } = this;
    let up = 0;
    let x = c;
    while (x !== root && nextSibling[x] < 0) {
      x = parent[x];
      up++;
    }
    if (x === root) {
      // c was the last of its level: the first of the next, `up + 1` levels below root.
      for (let k = 0; k <= up; k++) x = firstChild[x];
      return x;
    }
    x = nextSibling[x];
    for (let k = 0; k < up; k++) x = firstChild[x];
    return x;
  }
}

/**
 * A forced matrix: each new member, in join order, takes the first open position (fewer than
 * `width` below it) breadth-first, left to right, under its sponsor: spillover. Width 1 is one
 * line, every member under the one placed before it.
 */
export function* placeMatrix(net: Network, width: number): Generator<void, Int32Array, void> {
  const n = net.joined;
  const ints = net.ints;
  if (width === 1) {
    const parent = new Int32Array(n);
    for (let i = 0; i < n; i++) parent[i] = i - 1;
    return parent;
  }
  const pos = new Positions(n, min(width, n));
  for (let from = 1; from < n; from += EVENTS_PER_SLICE) {
    const to = min(n, from + EVENTS_PER_SLICE);
    for (let i = from; i < to; i++) pos.place(i, pos.firstOpen(ints[4 * i]));
    yield;
  }
  return pos.parent;
}

/**
 * A binary: each new member goes into its sponsor's leg with fewer members placed (the left on a
 * tie), at the first open position breadth-first in that leg. A leg's count is kept for every
 * position, added up the line at each placement.
 */
export function* placeBinary(net: Network): Generator<void, { parent: Int32Array; side: Uint8Array }, void> {
  const n = net.joined;
  const ints = net.ints;
  const pos = new Positions(n, 2);
  const { parent, firstChild, nextSibling, children } = pos;
  const side = new Uint8Array(n);
  // Each position's parent and the members placed in its subtree (itself included), side by side:
  // the walk up the line at each placement then touches one cache line a step, not two.
  const up = new Int32Array(2 * n);
  up[0] = -1;
  for (let i = 0; i < n; i++) up[2 * i + 1] = 1;
  for (let from = 1; from < n; from += EVENTS_PER_SLICE) {
    const to = min(n, from + EVENTS_PER_SLICE);
    for (let i = from; i < to; i++) {
      const s = ints[4 * i];
      let p: number;
      if (children[s] < 2)
        p = s; // an empty leg: the new member heads it (the left first)
      else {
        const left = firstChild[s];
        const right = nextSibling[left];
        p = pos.firstOpen(up[2 * left + 1] <= up[2 * right + 1] ? left : right);
      }
      side[i] = children[p];
      pos.place(i, p);
      up[2 * i] = p;
      for (let q = p; q >= 0; q = up[2 * q]) up[2 * q + 1]++;
    }
    yield;
  }
  return { parent, side };
}

/** For each month 1..months, whether anyone joined in it or quit at the end of the month before: else it repeats the month before. */
function changes(net: Network): Uint8Array {
  const { shorts, months, joined } = net;
  const changed = new Uint8Array(months + 2);
  changed[1] = 1;
  for (let i = 1; i < joined; i++) {
    changed[shorts[8 * i + 2]] = 1;
    const last = shorts[8 * i + 3];
    if (last < months) changed[last + 1] = 1;
  }
  return changed;
}

/** How many members (a prefix of the join order) have joined by each month. */
function joinedBy(net: Network): Int32Array {
  const { shorts, months, joined } = net;
  const count = new Int32Array(months + 1);
  for (let i = 0; i < joined; i++) count[shorts[8 * i + 2]]++;
  for (let t = 1; t <= months; t++) count[t] += count[t - 1];
  return count;
}

export interface BinaryPay {
  /** Paid per unit of matched volume. */
  rate: number;
  /** Most commission a member is paid a month; Infinity for none. */
  cap: number;
  flush: boolean;
}

/**
 * Binary pay, month by month, for the placement given. In month t each member's leg volume is the
 * volume sold that month by the active members in that leg (counted by one pass up the join order,
 * children before parents, redone only in months when someone joined or quit), and every active
 * member is paid by BINARY's rule for one period. Volumes are counted in members (one member's
 * monthly volume is the unit, the rate becomes rate x volume), so carries stay whole numbers.
 * A member who quits is paid no more: its carry is lost.
 */
export function* binaryPay(net: Network, parent: Int32Array, side: Uint8Array, volume: number, plan: BinaryPay, out: PayOut): Generator<void, void, void> {
  const { shorts, money, months } = net;
  const n = net.joined;
  const legs = new Int32Array(2 * n); // active members in the left and right legs this month
  const state = new Float64Array(BINARY_STATE * n);
  const changed = changes(net);
  const by = joinedBy(net);
  const rate = plan.rate * volume;
  const lastMonth = out.lastMonth;
  for (let t = 1; t <= months; t++) {
    const count = by[t];
    if (changed[t]) countLegsAndPay(shorts, parent, side, legs, state, money, lastMonth, count, t, months, rate, plan.cap, plan.flush);
    else payBinaryMonth(shorts, legs, state, money, lastMonth, count, t, months, rate, plan.cap, plan.flush);
    yield;
  }
}

/**
 * The active members in each position's two legs in month t, for the first `count` members, and
 * the month's pay: going down the join order, a position's legs are complete when it is reached
 * (its children came after it), so it is paid there and then.
 */
function countLegsAndPay(
  shorts: Uint16Array,
  parent: Int32Array,
  side: Uint8Array,
  legs: Int32Array,
  state: Float64Array,
  money: Float64Array,
  lastMonth: Float64Array,
  count: number,
  t: number,
  months: number,
  rate: number,
  cap: number,
  flush: boolean
): void {
  legs.fill(0, 0, 2 * count);
  for (let i = count - 1; i >= 0; i--) {
    const active = shorts[8 * i + 3] >= t;
    const left = legs[2 * i];
    const right = legs[2 * i + 1];
    if (i > 0) legs[2 * parent[i] + side[i]] += left + right + (active ? 1 : 0);
    if (!active || (left === 0 && right === 0 && state[3 * i] === 0 && state[3 * i + 1] === 0)) continue;
    const commission = binaryPeriod(state, 3 * i, left, right, rate, cap, flush, 0, t);
    money[2 * i + 1] += commission;
    if (t === months) lastMonth[i] = commission;
  }
}

/** Pays every member active in month t one period of the binary rule on its legs. */
function payBinaryMonth(
  shorts: Uint16Array,
  legs: Int32Array,
  state: Float64Array,
  money: Float64Array,
  lastMonth: Float64Array,
  count: number,
  t: number,
  months: number,
  rate: number,
  cap: number,
  flush: boolean
): void {
  for (let i = 0; i < count; i++) {
    if (shorts[8 * i + 3] < t) continue;
    const left = legs[2 * i];
    const right = legs[2 * i + 1];
    if (left === 0 && right === 0 && state[3 * i] === 0 && state[3 * i + 1] === 0) continue; // nothing to match or carry
    const commission = binaryPeriod(state, 3 * i, left, right, rate, cap, flush, 0, t);
    money[2 * i + 1] += commission;
    if (t === months) lastMonth[i] = commission;
  }
}

export interface StairStepPay {
  thresholds: readonly number[];
  rates: readonly number[];
}

/**
 * Stair-step pay, month by month, by sponsorship. In month t a member's group volume is its own
 * (when active) plus that of every active member below it; its rate comes from it; it earns its
 * rate on its own volume and, on each leg (each member it sponsored, with that member's group,
 * whether the leg's head is still in or not), STAIRSTEP's breakaway share. A month in which nobody
 * joined or quit pays what the month before paid, so the passes run only in months that change.
 */
export function* stairStepPay(net: Network, volume: number, plan: StairStepPay, out: PayOut): Generator<void, void, void> {
  const { ints, shorts, money, months } = net;
  const n = net.joined;
  const rateOf = stairStepRateTable(volume, n, plan.thresholds, plan.rates);
  let ascending = true;
  for (let k = 1; k < plan.rates.length; k++) if (plan.rates[k] < plan.rates[k - 1]) ascending = false;
  const legs = ascending ? new Float64Array(n) : undefined;
  const group = new Int32Array(n);
  const month = new Float64Array(n); // what each member earns in a month like the last one computed
  const changed = changes(net);
  const by = joinedBy(net);
  let count = 0;
  let repeats = 0; // months paid as `month` and not yet added
  for (let t = 1; t <= months; t++) {
    if (changed[t]) {
      addMonths(money, month, count, repeats);
      repeats = 0;
      count = by[t];
      if (legs) stairStepMonthAscending(ints, shorts, group, legs, month, rateOf, count, t, volume);
      else stairStepMonth(ints, shorts, group, month, rateOf, count, t, volume);
    }
    repeats++;
    yield;
  }
  addMonths(money, month, count, repeats);
  out.lastMonth.set(month.subarray(0, count));
}

function addMonths(money: Float64Array, month: Float64Array, count: number, repeats: number): void {
  if (repeats > 0) for (let i = 0; i < count; i++) money[2 * i + 1] += month[i] * repeats;
}

/** One month of stair-step pay for the first `count` members (children come after their sponsors). */
function stairStepMonth(
  ints: Int32Array,
  shorts: Uint16Array,
  group: Int32Array,
  month: Float64Array,
  rateOf: Float64Array,
  count: number,
  t: number,
  volume: number
): void {
  // Group volumes in members, children before sponsors.
  group.fill(0, 0, count);
  month.fill(0, 0, count);
  for (let i = count - 1; i > 0; i--) {
    const g = group[i] + (shorts[8 * i + 3] >= t ? 1 : 0);
    group[i] = g;
    group[ints[4 * i]] += g;
  }
  group[0] += 1; // the founder is always active
  // Each member's own volume at its rate, and each leg's share to its sponsor. A member's sponsor
  // comes before it, so its group is still there when the member is reached going down.
  for (let i = count - 1; i >= 0; i--) {
    const g = group[i];
    const active = shorts[8 * i + 3] >= t;
    if (active) month[i] += rateOf[g] * volume;
    if (i > 0) {
      const s = ints[4 * i];
      if (shorts[8 * s + 3] >= t) month[s] += breakawayShare(rateOf[group[s]], rateOf[g], g * volume);
    }
  }
}

/**
 * One month of stair-step pay when the rates never fall as the thresholds rise (every published
 * schedule): a leg's group is below its sponsor's, so its rate is never above the sponsor's, and
 * STAIRSTEP's sum over legs of (rate - leg rate) x leg is the member's rate on its whole group less
 * what its legs earn at their own rates. Then one pass up the join order pays everyone: when a
 * member is reached, its group and the sum of its legs' rate x volume are complete. Equal to
 * `stairStepMonth` but for the last bits of rounding, and twice as fast.
 */
function stairStepMonthAscending(
  ints: Int32Array,
  shorts: Uint16Array,
  group: Int32Array,
  legs: Float64Array,
  month: Float64Array,
  rateOf: Float64Array,
  count: number,
  t: number,
  volume: number
): void {
  group.fill(0, 0, count);
  legs.fill(0, 0, count);
  for (let i = count - 1; i >= 0; i--) {
    const active = shorts[8 * i + 3] >= t;
    const g = group[i] + (active ? 1 : 0);
    const rate = rateOf[g];
    // Its rate on its own volume and on each leg, less each leg's rate on that leg: in members' volumes.
    month[i] = active ? (rate * g - legs[i]) * volume : 0;
    if (i > 0) {
      const s = ints[4 * i];
      group[s] += g;
      legs[s] += rate * g;
    }
  }
}
