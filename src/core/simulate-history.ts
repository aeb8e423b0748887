import { Random, binomial, gamma, poisson } from "./random";
import { outOfRange } from "./errors";

// Math's functions as module constants: the hot loops call them millions of times, and where the
// bundle runs in a context whose global object is not a plain object (Node's vm, as the custom
// functions stand-in and the benchmark use), every `Math.x` is a slow global lookup (10x slower).
const { floor, min, round } = Math;

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
 * Propensities are held as whole numbers of 2^-20 (a millionth of the mean), so that the sums that
 * pick sponsors are exact. One member's weight is capped at 2^32 - 1 (4096 times the mean), so a
 * million of them sum below 2^53.
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
  /** Room for every member the market holds (`members`), allocated once (24 MB for a million): see the constructor. */
  ints: Int32Array;
  shorts: Uint16Array;
  money: Float64Array;
  /**
   * The active members, unordered, the founder always at slot 0: a uniform pick of a sponsor, or of
   * a member who leaves, is one index.
   */
  activeList: Int32Array;
  /**
   * With a recruiting spread: the lifelong propensity of the member at each slot of `activeList`
   * (whole units of 2^-20 of the mean, below 2^32), moved with it, so that a month's sweep over the
   * sponsors reads both lists in order. Empty without a spread (and only then).
   */
  activeWeight = new Uint32Array(0);
  /**
   * With a recruiting spread: the sum of `activeWeight` over the active members, kept as they join
   * and leave (exact: whole numbers below 2^32, at most a million of them), so that a month's picks
   * do not first sweep the list to add it up.
   */
  activeTotal = 0;

  constructor(members: number, months: number, seed: number) {
    this.members = members;
    this.months = months;
    this.stays = months + 1;
    this.rng = new Random(seed);
    // All the room at once, not grown by doubling as members join: growing copied every record
    // about twice over and held old and new buffers at once. Zeroed memory that a small network
    // never touches costs next to nothing (the system maps its pages when first written).
    const records = new Int32Array(members * 4);
    this.ints = records;
    this.shorts = new Uint16Array(records.buffer);
    this.money = new Float64Array(records.buffer);
    this.activeList = new Int32Array(members);
    // The founder (slot 0 of the zeroed arrays): joined at month 0, active from month 1, never drops.
    this.ints[0] = -1;
    this.shorts[3] = this.stays;
    this.activeCount = 1;
    this.joined = 1;
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
    const weights = this.activeWeight;
    if (weights.length > 0) {
      this.activeTotal -= weights[slot];
      weights[slot] = weights[this.activeCount - 1];
    }
    const d = this.activeList[slot];
    this.shorts[8 * d + 3] = t;
    this.activeList[slot] = this.activeList[--this.activeCount];
    return d;
  }
}

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
  const spread = p.recruitingSpread;
  // Gamma with mean 1 and variance s: shape 1/s, scale s.
  const shape = spread > 0 ? 1 / spread : 0;
  // With a spread, room for the largest month there can be (the whole market), allocated once: the
  // pages past the largest month actually drawn are never touched, so they cost nothing, and no
  // month reallocates.
  const picked = new Int32Array(spread > 0 ? members : 0);
  const points = new Float64Array(spread > 0 ? members + 1 : 0);
  if (spread > 0) {
    net.activeWeight = new Uint32Array(members);
    net.activeWeight[0] = propensity(rng, shape, spread);
    net.activeTotal = net.activeWeight[0];
  }
  for (let t = 1; t <= p.months; t++) {
    const room = members - net.joined;
    if (room > 0 && recruits > 0) {
      const sponsors = net.activeCount;
      const perMember = recruits * (1 - net.joined / members);
      const count = min(room, poisson(rng, min(perMember * sponsors, MAX_MONTHLY_MEAN)));
      let byPropensity = false;
      if (spread > 0 && count > 0) {
        byPropensity = pickSponsors(net, count, sponsors, net.activeTotal, picked, points);
        yield;
      }
      for (let done = 0; done < count; done += EVENTS_PER_SLICE) {
        const slice = min(count - done, EVENTS_PER_SLICE);
        if (byPropensity) joinPicked(net, picked, done, slice, t, shape, spread);
        else {
          const first = net.activeCount;
          recruitSome(net, slice, sponsors, t);
          if (spread > 0)
            for (let a = first; a < net.activeCount; a++) {
              const w = propensity(rng, shape, spread);
              net.activeWeight[a] = w;
              net.activeTotal += w;
            }
        }
        yield;
      }
    }
    let left = binomial(rng, net.activeCount - 1, p.monthlyAttrition);
    while (left > 0) {
      const count = min(left, EVENTS_PER_SLICE);
      dropSome(net, count, t);
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

/**
 * The sponsors of the month's `count` recruits, each picked independently in proportion to the
 * propensities of the `sponsors` members active at the start of the month (they add up to
 * `total`), in `picked` (false when every propensity is 0: then they pick uniformly; `points` holds
 * count + 1 numbers). Drawn without a search per recruit: `count` sorted uniform points on the
 * sponsors' weights laid end to end (the running sums of count + 1
 * exponential gaps, over the last: Devroye, Non-Uniform Random Variate Generation, 1986, V.2.2), so
 * that one sweep along the active list, in order, finds whose stretch each point falls in; then the
 * picks in a random order (Fisher-Yates), which makes them what `count` independent picks are.
 * (Exported for the test of its rounding edge, which no seed is known to reach.)
 */
export function pickSponsors(net: Network, count: number, sponsors: number, total: number, picked: Int32Array, points: Float64Array): boolean {
  const { rng, activeList, activeWeight } = net;
  if (total === 0) return false;
  let sum = 0;
  for (let j = 0; j <= count; j++) {
    sum += rng.exponential();
    points[j] = sum;
  }
  // The points scaled once, so that the sweep below compares without a product per member.
  const scale = total / sum;
  for (let j = 0; j < count; j++) points[j] *= scale;
  // The sweep adds each member's propensity and reads who it is only when a point falls in its
  // stretch: a member without a propensity has an empty stretch, so no point falls in it.
  let j = 0;
  let reached = 0;
  let point = points[0];
  for (let a = 0; a < sponsors; a++) {
    reached += activeWeight[a];
    if (point < reached) {
      const who = activeList[a];
      do picked[j++] = who;
      while (j < count && points[j] < reached);
      if (j === count) break;
      point = points[j];
    }
  }
  if (j < count) {
    // Rounding can leave the last points at the very end: the last member with a weight takes them.
    let last = sponsors - 1;
    while (activeWeight[last] === 0) last--;
    const who = activeList[last];
    while (j < count) picked[j++] = who;
  }
  for (let k = count - 1; k > 0; k--) {
    const other = floor(rng.next() * (k + 1));
    const x = picked[k];
    picked[k] = picked[other];
    picked[other] = x;
  }
  return true;
}

/** Recruits from..from+count-1 of the month join under their picked sponsors, each with its own propensity. */
function joinPicked(net: Network, picked: Int32Array, from: number, count: number, t: number, shape: number, scale: number): void {
  const { rng, activeWeight } = net;
  let total = net.activeTotal;
  for (let j = from; j < from + count; j++) {
    net.join(picked[j], t);
    const w = propensity(rng, shape, scale);
    activeWeight[net.activeCount - 1] = w;
    total += w;
  }
  net.activeTotal = total;
}

/** `count` members other than the founder, picked uniformly at random without repeats, leave at the end of month t. */
function dropSome(net: Network, count: number, t: number): void {
  const rng = net.rng;
  for (let j = 0; j < count; j++) net.drop(1 + floor(rng.next() * (net.activeCount - 1)), t);
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
