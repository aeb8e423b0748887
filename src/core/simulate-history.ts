import { Random, binomial, gamma, poisson } from "./random";
import { outOfRange } from "./errors";

// Math's functions as module constants: the hot loops call them millions of times, and where the
// bundle runs in a context whose global object is not a plain object (Node's vm, as the custom
// functions stand-in and the benchmark use), every `Math.x` is a slow global lookup (10x slower).
const { clz32, floor, max, min, round } = Math;

/**
 * The history every SIMULATE plan shares: who joins, under which sponsor, in which month, and in
 * which month each member quits. The plans differ only in how they pay (simulate-pay.ts); with the
 * same members, months, recruits, attrition, spread and seed, this module draws the same history
 * whatever the plan. The model is in src/core/simulate.ts and docs/simulate.md.
 */

/** What the history depends on, already checked against its domains. */
export interface HistoryParams {
  members: number;
  months: number;
  recruitsPerMemberPerMonth: number;
  monthlyAttrition: number;
  /** Variance of the gamma recruiting propensities (mean 1); 0: every active member equally likely. */
  recruitingSpread: number;
  seed: number;
}

/** Poisson totals are drawn with at most this mean: far above any room left (members <= 1e6), so the draw is the same. */
const MAX_MONTHLY_MEAN = 1e9;

/** How many joins or drops run between two chances to pause (async) or yield. */
export const EVENTS_PER_SLICE = 1 << 14;

/**
 * Propensities are held as whole numbers of 2^-20 (a millionth of the mean), so that the running
 * sums that pick sponsors are exact: adding and later removing a member's weight leaves no residue.
 * One member's weight is capped at 2^32 - 1 (4096 times the mean), so a million of them sum below 2^53.
 */
const WEIGHT_UNIT = 1048576;
const MAX_WEIGHT = 4294967295;

/**
 * The network as flat records in join order: 16 bytes a member, three views on one buffer, so
 * that paying an upline touches one small record, one cache line (a million members fit in 16 MB):
 *   ints[4i]         sponsor (-1 for the founder); a plan that places members elsewhere rewrites it
 *   shorts[8i + 2]   join month (0 for the founder)
 *   shorts[8i + 3]   last active month: the month it drops, or `stays` (months + 1) if it never does
 *   money[2i + 1]    commissions earned
 */
export class Network {
  readonly members: number;
  readonly months: number;
  /** The `last month` of a member still active after the last month. */
  readonly stays: number;
  readonly rng: Random;

  joined = 0;
  activeCount = 0;
  capacity = 0;
  ints = new Int32Array(0);
  shorts = new Uint16Array(0);
  money = new Float64Array(0);
  /**
   * The active members, unordered, the founder always at slot 0: a uniform pick of a sponsor, or of
   * a member who leaves, is one index.
   */
  activeList = new Int32Array(0);

  constructor(members: number, months: number, seed: number) {
    this.members = members;
    this.months = months;
    this.stays = months + 1;
    this.rng = new Random(seed);
    this.reserve(1);
    // The founder: joined at month 0, active from month 1, never drops.
    this.ints[0] = -1;
    this.shorts[2] = 0;
    this.shorts[3] = this.stays;
    this.money[1] = 0;
    this.activeList[0] = 0;
    this.activeCount = 1;
    this.joined = 1;
  }

  /** Grows the arrays (doubling, never past `members`) so that `size` members fit. */
  reserve(size: number): void {
    if (size <= this.capacity) return;
    const cap = min(this.members, max(size, this.capacity * 2, 1024));
    const records = new Int32Array(cap * 4);
    records.set(this.ints);
    this.ints = records;
    this.shorts = new Uint16Array(records.buffer);
    this.money = new Float64Array(records.buffer);
    const active = new Int32Array(cap);
    active.set(this.activeList);
    this.activeList = active;
    this.capacity = cap;
  }

  /** A new member joins in month t under `sponsorOf`, active until it drops. */
  join(sponsorOf: number, t: number): void {
    const i = this.joined++;
    this.ints[4 * i] = sponsorOf;
    this.shorts[8 * i + 2] = t;
    this.shorts[8 * i + 3] = this.stays;
    this.activeList[this.activeCount++] = i;
  }

  /** The member at `slot` of the active list (never 0, the founder) leaves at the end of month t; returns who. */
  drop(slot: number, t: number): number {
    const d = this.activeList[slot];
    this.shorts[8 * d + 3] = t;
    this.activeList[slot] = this.activeList[--this.activeCount];
    return d;
  }

  /** Month member i joined, and the last month it was active (`months` if it stayed). */
  joinOf(i: number): number {
    return this.shorts[8 * i + 2];
  }
  lastOf(i: number): number {
    return min(this.shorts[8 * i + 3], this.months);
  }
}

/**
 * The propensities of a history with a spread, and the members who may sponsor this month grouped
 * by the size of their weight: group g holds the weights in [2^g, 2^(g+1)). A sponsor in
 * proportion to its weight is then a group in proportion to the group's total (a scan of 33
 * totals), and in it a uniform member kept with probability weight / 2^(g+1), at least 1/2, else
 * another: composition and rejection (Slepoy, Thompson and Plimpton, J. Chem. Phys. 128, 205101,
 * 2008). Joining and leaving are O(1), each group an unordered list. The totals are exact: the
 * weights are whole numbers.
 */
class Propensities {
  readonly weight: Float64Array;
  /** Where each member sits in its group's list. */
  readonly slot: Int32Array;
  readonly lists: Int32Array[] = [];
  readonly sizes = new Int32Array(GROUPS);
  readonly totals = new Float64Array(GROUPS);
  total = 0;
  /** Members joined before this index have their weight in the groups (unless they dropped). */
  inTree = 0;

  constructor(members: number) {
    this.weight = new Float64Array(members);
    this.slot = new Int32Array(members);
    for (let g = 0; g < GROUPS; g++) this.lists.push(new Int32Array(16));
  }

  add(i: number): void {
    const w = this.weight[i];
    if (w <= 0) return; // a member who never recruits is in no group
    const g = 31 - clz32(w);
    let list = this.lists[g];
    const size = this.sizes[g];
    if (size === list.length) {
      const bigger = new Int32Array(size * 2);
      bigger.set(list);
      this.lists[g] = list = bigger;
    }
    list[size] = i;
    this.slot[i] = size;
    this.sizes[g] = size + 1;
    this.totals[g] += w;
    this.total += w;
  }

  remove(i: number): void {
    const w = this.weight[i];
    if (w <= 0) return;
    const g = 31 - clz32(w);
    const list = this.lists[g];
    const last = list[--this.sizes[g]];
    list[this.slot[i]] = last;
    this.slot[last] = this.slot[i];
    this.totals[g] -= w;
    this.total -= w;
  }

  /** A member picked with probability weight / total (total > 0). */
  pick(rng: Random): number {
    let u = rng.next() * this.total;
    let g = GROUPS - 1;
    while (g > 0 && (this.sizes[g] === 0 || u >= this.totals[g])) {
      u -= this.totals[g];
      g--;
    }
    while (this.sizes[g] === 0) g++; // only rounding of u could leave it on an empty group
    const list = this.lists[g];
    const size = this.sizes[g];
    const top = 2 ** (g + 1);
    let m = list[floor(rng.next() * size)];
    for (let tries = 0; tries < MAX_PICK_TRIES && rng.next() * top >= this.weight[m]; tries++) m = list[floor(rng.next() * size)];
    return m;
  }
}

/** Weight groups: 2^0 .. 2^32 (weights are whole numbers below 2^32). */
const GROUPS = 33;
/** Each try keeps its pick with probability at least 1/2: 1000 rejections in a row have probability below 1e-300. */
const MAX_PICK_TRIES = 1000;

/**
 * The history, month by month: who joins under whom and when each member leaves. Yields at the end
 * of each month and every EVENTS_PER_SLICE joins or drops. (The loops themselves are plain
 * functions: V8 optimizes a long-running loop in a plain function while it runs, not in a generator.)
 *
 * 1. Recruit: a Poisson total over the members active at the start of the month, each recruit under
 *    one of them: uniformly (spread 0), or in proportion to their propensities.
 * 2. (Sell, pay and earn: the plans pay from the finished history.)
 * 3. Drop: a coin for each active member but the founder is, in law, a binomial number of them
 *    chosen uniformly at random: drawn as such, one step per member who leaves.
 */
export function* grow(net: Network, p: HistoryParams): Generator<void, void, void> {
  const { rng, members } = net;
  const recruits = p.recruitsPerMemberPerMonth;
  const weights = p.recruitingSpread > 0 ? new Propensities(members) : undefined;
  // Gamma with mean 1 and variance s: shape 1/s, scale s.
  const shape = weights ? 1 / p.recruitingSpread : 0;
  if (weights) {
    weights.weight[0] = propensity(rng, shape, p.recruitingSpread);
    weights.add(0);
    weights.inTree = 1;
  }
  for (let t = 1; t <= p.months; t++) {
    const room = members - net.joined;
    if (room > 0 && recruits > 0) {
      const sponsors = net.activeCount;
      const perMember = recruits * (1 - net.joined / members);
      let left = min(room, poisson(rng, min(perMember * sponsors, MAX_MONTHLY_MEAN)));
      net.reserve(net.joined + left);
      while (left > 0) {
        const count = min(left, EVENTS_PER_SLICE);
        if (weights && weights.total > 0) recruitByPropensity(net, weights, count, t, shape, p.recruitingSpread);
        else {
          const first = net.joined;
          recruitSome(net, count, sponsors, t);
          if (weights) for (let i = first; i < net.joined; i++) weights.weight[i] = propensity(rng, shape, p.recruitingSpread);
        }
        left -= count;
        yield;
      }
      // This month's recruits recruit from next month: their weights join the tree now, before
      // the drops (a recruit who drops at the end of its first month takes its weight out again).
      if (weights) {
        for (let i = weights.inTree; i < net.joined; i++) weights.add(i);
        weights.inTree = net.joined;
      }
    }
    let left = binomial(rng, net.activeCount - 1, p.monthlyAttrition);
    while (left > 0) {
      const count = min(left, EVENTS_PER_SLICE);
      dropSome(net, count, t, weights);
      left -= count;
      yield;
    }
    yield;
  }
}

/** A lifelong propensity: Gamma(shape, scale) with mean 1, in whole units of 2^-20, capped. */
function propensity(rng: Random, shape: number, scale: number): number {
  return min(MAX_WEIGHT, round(gamma(rng, shape) * scale * WEIGHT_UNIT));
}

/** `count` recruits join in month t, each under one of the `sponsors` members active at the start of the month. */
function recruitSome(net: Network, count: number, sponsors: number, t: number): void {
  // Slots 0..sponsors-1 of the active list hold the members active at the start of the month: joins append after them.
  const { rng, activeList } = net;
  for (let j = 0; j < count; j++) net.join(activeList[floor(rng.next() * sponsors)], t);
}

/** `count` recruits join in month t, each under a member picked in proportion to its propensity; each draws its own. */
function recruitByPropensity(net: Network, weights: Propensities, count: number, t: number, shape: number, scale: number): void {
  const rng = net.rng;
  const w = weights.weight;
  for (let j = 0; j < count; j++) {
    const sponsor = weights.pick(rng);
    w[net.joined] = propensity(rng, shape, scale);
    net.join(sponsor, t);
  }
}

/** `count` members other than the founder, picked uniformly at random without repeats, leave at the end of month t. */
function dropSome(net: Network, count: number, t: number, weights: Propensities | undefined): void {
  const rng = net.rng;
  if (!weights) {
    for (let j = 0; j < count; j++) net.drop(1 + floor(rng.next() * (net.activeCount - 1)), t);
    return;
  }
  for (let j = 0; j < count; j++) {
    const d = net.drop(1 + floor(rng.next() * (net.activeCount - 1)), t);
    if (d < weights.inTree) weights.remove(d);
  }
}

/** A history given member by member (for worked cases): member 0 is the founder, the others numbered in the order they joined. */
export interface ExplicitHistory {
  months: number;
  /** Each member's sponsor, an earlier member; -1 for the founder. */
  sponsor: readonly number[];
  /** The month each member joined, 1..months (0 for the founder); never before its sponsor's. */
  joinMonth: readonly number[];
  /** The month at whose end each member quit, or null if still in after the last month (the founder never quits). */
  quitMonth: ReadonlyArray<number | null>;
}

/** The records of an explicit history, checked: what the simulation's own history guarantees, it must too. */
export function networkOf(h: ExplicitHistory): Network {
  const n = h.sponsor.length;
  if (n < 1 || h.joinMonth.length !== n || h.quitMonth.length !== n)
    throw outOfRange("a history needs a founder and one sponsor, join month and quit month per member");
  if (!(h.months >= 1 && h.months <= 1200 && floor(h.months) === h.months)) throw outOfRange("a history runs 1 to 1200 whole months");
  const net = new Network(n, h.months, 0);
  net.reserve(n);
  for (let i = 0; i < n; i++) {
    const s = h.sponsor[i];
    const j = h.joinMonth[i];
    const q = h.quitMonth[i];
    if (i === 0 ? s !== -1 || j !== 0 || q !== null : !(s >= 0 && s < i && j >= 1 && j <= h.months && j > h.joinMonth[s] && j >= h.joinMonth[i - 1]))
      throw outOfRange(`member ${i} of the history breaks its rules`);
    if (q !== null && !(q >= j && q <= h.months && floor(q) === q)) throw outOfRange(`member ${i} quits before it joins or after the last month`);
    if (i > 0) {
      const sq = h.quitMonth[s];
      if (sq !== null && sq < j) throw outOfRange(`member ${i} joins under a sponsor who already quit`);
    }
    net.ints[4 * i] = s;
    net.shorts[8 * i + 2] = j;
    net.shorts[8 * i + 3] = q === null ? net.stays : q;
  }
  net.joined = n;
  return net;
}
