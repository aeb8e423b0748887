import { BINARY_STATE, binaryPeriod, breakawayShare, stairStepRateTable } from "./plans";
import { EVENTS_PER_SLICE, Network } from "./simulate-history";
import { depthFirst, monthsPerPass } from "./simulate-order";

// Math's functions as module constants (see simulate-history.ts: in a vm context each Math.x is a slow lookup).
const { max, min } = Math;

/**
 * How each plan pays the members of a finished history (simulate-history.ts). Every plan pays a
 * member only in the months it is active (from its join month to its last month), and volume passes
 * through the position of a member who quit to the active members above. Each pay step is a
 * generator that yields between bounded slices of work, so the async runner can pause and cancel.
 *
 * - unilevel and matrix: the upline k positions up earns rate k x volume in every month both are
 *   active: a closed form of the two stays, summed by walking each member's chain once (`levelPay`).
 *   The unilevel's chain is the sponsors'; the matrix's is the placement (`placeMatrix`).
 * - binary: members are placed in two legs (`placeBinary`, simulate-legs.ts); month by month each
 *   member's two leg volumes are counted and paid by BINARY's own rule (plans.ts `binaryPeriod`).
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
  /** Matrix: the sponsors, copied before its placement replaced them in the records' chain. */
  sponsor?: Int32Array;
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
 * Positions in a tree where each position holds at most `width` below it, filled as a forced
 * matrix fills them: the first open position breadth-first, left to right, under a given position
 * (simulate-legs.ts fills a binary's the same way, in rows of its own). Children are kept as first child and next sibling (any width in 3 x 4 bytes).
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
    placeSome(pos, ints, from, to);
    yield;
  }
  return pos.parent;
}

/** Members from..to-1 placed in the matrix, each at the first open position under its sponsor. */
function placeSome(pos: Positions, ints: Int32Array, from: number, to: number): void {
  for (let i = from; i < to; i++) pos.place(i, pos.firstOpen(ints[4 * i]));
}

/**
 * Where binaryPay's rows hold month t of a leg of the member open at depth d, less t: row d holds
 * the left leg's `span` months (first..first + span - 1), then the right leg's.
 */
function legRow(span: number, d: number, side: number, first: number): number {
  return 2 * span * d + side * span - first;
}

/** binaryPay's last-month commissions when no goal wants them: never written, never read. */
const NO_LAST_MONTH = new Float64Array(0);

export interface BinaryPay {
  /** Paid per unit of matched volume. */
  rate: number;
  /** Most commission a member is paid a month; Infinity for none. */
  cap: number;
  flush: boolean;
}

/**
 * Binary pay for the placement given: in month t each member's leg volume is the volume sold that
 * month by the active members in that leg, and every active member is paid by BINARY's rule for
 * one period. Volumes are counted in members (one member's monthly volume is the unit, the rate
 * becomes rate x volume), so carries stay whole numbers. A member who quits is paid no more: its
 * carry is lost.
 *
 * Paid one member at a time, all its months at once, children before parents (positions depth
 * first, from the last): each open member's two legs are a row of counts per month at its depth,
 * complete when it is reached, then added into its parent's row (simulate-order.ts). `spare`: the
 * placement's memory, reused for the depth-first order (see depthFirst).
 */
export function* binaryPay(
  net: Network,
  parent: Int32Array,
  side: Uint8Array,
  volume: number,
  plan: BinaryPay,
  out: PayOut,
  spare?: Int32Array
): Generator<void, void, void> {
  const { shorts, money, months } = net;
  const n = net.joined;
  const { at, maxDepth } = depthFirst(parent, 1, n, shorts, side, spare);
  yield;
  const span = monthsPerPass(maxDepth, months);
  // Row d holds the left leg's counts of the member open at depth d, then the right leg's: 2 x span cells.
  const rows = new Int32Array(2 * span * (maxDepth + 1));
  // The carries: in one pass over all months each member's are its own while it is paid; over several, kept for the next.
  const carried = span < months;
  const state = new Float64Array(BINARY_STATE * (carried ? n : 1));
  const earned = new Float64Array(n);
  // The last month's commissions by position only with a goal: 8 MB of pages never touched otherwise.
  const keepLast = out.wantLastMonth;
  const lastMonth = keepLast ? new Float64Array(n) : NO_LAST_MONTH;
  const rate = plan.rate * volume;
  for (let first = 1; first <= months; first += span) {
    const end = min(months, first + span - 1);
    // From the last position down, a slice at a time (the loop in a plain function, which V8 optimizes while it runs).
    for (let to = n; to > 0; to -= EVENTS_PER_SLICE) {
      payBinarySlice(
        at,
        rows,
        state,
        carried,
        earned,
        lastMonth,
        keepLast,
        max(0, to - EVENTS_PER_SLICE),
        to,
        first,
        end,
        span,
        months,
        rate,
        plan.cap,
        plan.flush
      );
      yield;
    }
  }
  payMembers(at, money, out, earned, lastMonth);
}

/**
 * What each position earned, and earned in the last month if a goal wants it, to its member (the
 * records in join order). Without a goal the last month is not copied: a write to a random member
 * a position, and pages of memory touched for nothing.
 */
function payMembers(at: Int32Array, money: Float64Array, out: PayOut, earned: Float64Array, lastMonth: Float64Array): void {
  const n = earned.length;
  if (!out.wantLastMonth) {
    for (let k = 0; k < n; k++) money[2 * at[4 * k] + 1] += earned[k];
    return;
  }
  const lastMonthOut = out.lastMonth;
  for (let k = 0; k < n; k++) {
    const i = at[4 * k];
    money[2 * i + 1] += earned[k];
    lastMonthOut[i] = lastMonth[k];
  }
}

/** Months first..end of positions to-1 down to from (see payBinaryMember). */
function payBinarySlice(
  at: Int32Array,
  rows: Int32Array,
  state: Float64Array,
  carried: boolean,
  earned: Float64Array,
  lastMonth: Float64Array,
  keepLast: boolean,
  from: number,
  to: number,
  first: number,
  end: number,
  span: number,
  months: number,
  rate: number,
  cap: number,
  flush: boolean
): void {
  const n = at.length >> 2;
  for (let k = to - 1; k >= from; k--) {
    const stay = at[4 * k + 3];
    const place = at[4 * k + 2]; // depth x 2 + side
    const d = place >> 1;
    // Depth first, a position with anyone below it has its first child right after it. One without
    // (about half of them) has empty legs and no carry: it earns nothing, and only its own months
    // go up into its parent's row. (Its own row was left cleared by whoever used that depth last.)
    if (k + 1 === n || at[4 * k + 6] >> 1 <= d) {
      if (d > 0) {
        const into = legRow(span, d - 1, place & 1, first);
        const joined = stay & 0xffff;
        const last = stay >>> 16;
        for (let t = joined > first ? joined : first, stop = last < end ? last : end; t <= stop; t++) rows[into + t]++;
      }
      continue;
    }
    const carry = carried ? BINARY_STATE * k : 0;
    if (!carried) {
      state[0] = 0;
      state[1] = 0;
    }
    payBinaryMember(rows, state, carry, earned, lastMonth, keepLast, k, d, place & 1, stay & 0xffff, stay >>> 16, first, end, span, months, rate, cap, flush);
  }
}

/**
 * Months first..end of the member at position k: paid by BINARY's rule on its legs (its row, at
 * its depth d) in the months it is active (from its join month to its last), its carries at
 * state[carry], then its subtree's counts (its legs and itself when active) added into its
 * parent's row on its side, its row cleared.
 */
function payBinaryMember(
  rows: Int32Array,
  state: Float64Array,
  carry: number,
  earned: Float64Array,
  lastMonth: Float64Array,
  keepLast: boolean,
  k: number,
  d: number,
  side: number,
  from: number,
  last: number,
  first: number,
  end: number,
  span: number,
  months: number,
  rate: number,
  cap: number,
  flush: boolean
): void {
  const row = legRow(span, d, 0, first); // month t of the left leg at row + t, of the right at row + span + t
  const start = from > first ? from : first; // nobody is below a member before it joins
  const stop = last < end ? last : end;
  let paid = 0;
  for (let t = start; t <= stop; t++) {
    const left = rows[row + t];
    const right = rows[row + span + t];
    if (left === 0 && right === 0 && state[carry] === 0 && state[carry + 1] === 0) continue; // nothing to match or carry
    const commission = binaryPeriod(state, carry, left, right, rate, cap, flush, 0, t);
    paid += commission;
    if (t === months && keepLast) lastMonth[k] = commission;
  }
  earned[k] += paid;
  // The founder's row is cleared too: the next pass's months use the same cells.
  const into = legRow(span, d - 1, side, first);
  for (let t = start; t <= end; t++) {
    if (d > 0) rows[into + t] += rows[row + t] + rows[row + span + t] + (t <= last ? 1 : 0);
    rows[row + t] = 0;
    rows[row + span + t] = 0;
  }
}

export interface StairStepPay {
  thresholds: readonly number[];
  rates: readonly number[];
}

/**
 * Stair-step pay by sponsorship. In month t a member's group volume is its own (when active) plus
 * that of every active member below it; its rate comes from it; it earns its rate on its own volume
 * and, on each leg (each member it sponsored, with that member's group, whether the leg's head is
 * still in or not), STAIRSTEP's breakaway share. Paid one member at a time, all its months at
 * once, children before sponsors (positions depth first, from the last; simulate-order.ts).
 */
export function* stairStepPay(net: Network, volume: number, plan: StairStepPay, out: PayOut): Generator<void, void, void> {
  const { ints, shorts, money, months } = net;
  const n = net.joined;
  const rateOf = stairStepRateTable(volume, n, plan.thresholds, plan.rates);
  let ascending = true;
  for (let k = 1; k < plan.rates.length; k++) if (plan.rates[k] < plan.rates[k - 1]) ascending = false;
  const { at, maxDepth } = depthFirst(ints, 4, n, shorts);
  yield;
  const earned = new Float64Array(n);
  const lastMonth = new Float64Array(n);
  if (ascending) {
    const span = monthsPerPass(maxDepth, months);
    // Row d: the group counts of the member open at depth d, month by month; beside it, the sum of its legs' rate x group.
    const groups = new Int32Array(span * (maxDepth + 1));
    const legs = new Float64Array(span * (maxDepth + 1));
    for (let first = 1; first <= months; first += span) {
      const end = min(months, first + span - 1);
      for (let to = n; to > 0; to -= EVENTS_PER_SLICE) {
        payStairStepSlice(at, groups, legs, earned, lastMonth, rateOf, max(0, to - EVENTS_PER_SLICE), to, first, end, span, months, volume);
        yield;
      }
    }
  } else {
    const group = new Int32Array(n);
    const month = new Float64Array(n);
    for (let t = 1; t <= months; t++) {
      stairStepMonth(at, group, month, earned, rateOf, t, volume);
      yield;
    }
    lastMonth.set(month);
  }
  payMembers(at, money, out, earned, lastMonth);
}

/** Months first..end of positions to-1 down to from (see payStairStepMember). */
function payStairStepSlice(
  at: Int32Array,
  groups: Int32Array,
  legs: Float64Array,
  earned: Float64Array,
  lastMonth: Float64Array,
  rateOf: Float64Array,
  from: number,
  to: number,
  first: number,
  end: number,
  span: number,
  months: number,
  volume: number
): void {
  for (let k = to - 1; k >= from; k--) {
    const stay = at[4 * k + 3];
    payStairStepMember(groups, legs, earned, lastMonth, rateOf, k, at[4 * k + 2] >> 1, stay & 0xffff, stay >>> 16, first, end, span, months, volume);
  }
}

/**
 * Months first..end of the member at position k when the rates never fall as the thresholds rise
 * (every published schedule): a leg's group is below its sponsor's, so its rate is never above the
 * sponsor's, and STAIRSTEP's sum over legs of (rate - leg rate) x leg is the member's rate on its
 * whole group less what its legs earn at their own rates. When the member is reached, its row holds
 * its legs' groups and their rate x group; then its group and its rate x group go into its sponsor's row.
 */
function payStairStepMember(
  groups: Int32Array,
  legs: Float64Array,
  earned: Float64Array,
  lastMonth: Float64Array,
  rateOf: Float64Array,
  k: number,
  d: number,
  from: number,
  last: number,
  first: number,
  end: number,
  span: number,
  months: number,
  volume: number
): void {
  const row = span * d - first;
  const into = row - span;
  const start = from > first ? from : first; // nobody is below a member before it joins
  let paid = 0;
  for (let t = start; t <= end; t++) {
    const active = t <= last;
    const g = groups[row + t] + (active ? 1 : 0);
    const rate = rateOf[g];
    if (active) {
      // Its rate on its own volume and on each leg, less each leg's rate on that leg: in members' volumes.
      const month = (rate * g - legs[row + t]) * volume;
      paid += month;
      if (t === months) lastMonth[k] = month;
    }
    if (d > 0) {
      groups[into + t] += g;
      legs[into + t] += rate * g;
    }
    groups[row + t] = 0;
    legs[row + t] = 0;
  }
  earned[k] += paid;
}

/**
 * One month of stair-step pay for any schedule, positions depth first: a member is active in month
 * t from its join month (`from`) through its last month (`last`); one not joined yet has no group
 * (everyone below it joined after it) and earns nothing. Each leg's share is STAIRSTEP's breakaway
 * share, which needs the sponsor's rate: so two passes, groups first. Each member's month is
 * added to `earned` as the second pass leaves it.
 */
function stairStepMonth(at: Int32Array, group: Int32Array, month: Float64Array, earned: Float64Array, rateOf: Float64Array, t: number, volume: number): void {
  const n = group.length;
  // Group volumes in members, children before sponsors.
  group.fill(0);
  month.fill(0);
  for (let k = n - 1; k > 0; k--) {
    const g = group[k] + (activeIn(at[4 * k + 3], t) ? 1 : 0);
    group[k] = g;
    group[at[4 * k + 1]] += g;
  }
  group[0] += 1; // the founder is always active
  // Each member's own volume at its rate, and each leg's share to its sponsor. A member's sponsor
  // comes before it, so its group is still there when the member is reached going down.
  for (let k = n - 1; k >= 0; k--) {
    const g = group[k];
    if (activeIn(at[4 * k + 3], t)) month[k] += rateOf[g] * volume;
    earned[k] += month[k]; // complete: its legs (at later positions) were reached before it
    if (k > 0) {
      const s = at[4 * k + 1];
      if (activeIn(at[4 * s + 3], t)) month[s] += breakawayShare(rateOf[group[s]], rateOf[g], g * volume);
    }
  }
}

/** Whether a member of this stay (join month + 65536 x last month) is active in month t. */
function activeIn(stay: number, t: number): boolean {
  return (stay & 0xffff) <= t && stay >>> 16 >= t;
}
