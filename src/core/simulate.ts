import { AMOUNT, LEVELS, MONTHS, NETWORK_SIZE, RECRUITS, SEED, SHARE, checkIn } from "./domains";
import { Random, binomial, poisson } from "./random";
import { WHOLE_TOLERANCE } from "./rounding";

// Math's functions as module constants: the hot loops call them millions of times, and where the
// bundle runs in a context whose global object is not a plain object (Node's vm, as the custom
// functions stand-in and the benchmark use), every `Math.x` is a slow global lookup (10x slower).
const { abs, ceil, floor, max, min } = Math;

/**
 * SIMULATE: the honest reality check. A member-by-member Monte Carlo of a network that grows from
 * one founder, with saturation and attrition, paying a unilevel plan of level rates; it reports what
 * the typical member nets, not what the founder earns. The model (docs/simulate.md has the reasons):
 *
 * Month 0: the founder alone. Each month t = 1..months, in this order:
 * 1. Recruit. Every member active at the start of the month draws Poisson(m) recruits with
 *    m = recruits x (1 - joined / members), `joined` counting everyone who ever joined, the founder
 *    included. By Poisson splitting this is one Poisson(m x active) total whose recruits each pick a
 *    sponsor uniformly among those active members. When the total exceeds the room left
 *    (members - joined) only that many join: the room is shared at random among the month's
 *    recruits, no member gets priority by seniority. Recruits of this month recruit from next month.
 * 2. Sell, pay and earn. Every active member, this month's recruits included, sells the volume and
 *    pays the monthly cost. The upline at level k of a seller (k sponsors up the chain, through
 *    members who dropped: the chain never changes) earns volume x rate k when active; a dropped
 *    upline's share is paid to no one.
 * 3. Drop. Every active member but the founder, this month's recruits included, leaves with
 *    probability `attrition` and never comes back.
 *
 * A member's net is the commissions earned minus the costs paid over their months in.
 *
 * How it runs fast (a million members in well under a second). Two passes instead of a month-by-
 * month loop over everyone:
 * - `grow` writes the history: who joins when under whom, and each member's last month. Active
 *   members sit in an unordered list, so a uniform sponsor is one index; and since a coin for each
 *   active member is, in law, a binomial number of leavers picked uniformly at random, each month's
 *   drops are drawn that way, one step per leaver. O(members + months).
 * - `pay` adds up the commissions from that history: upline a at level k of member d earns
 *   volume x rate k for every month both are active, which is a closed form of their join and last
 *   months. Each member walks up its sponsor chain once. O(members x levels), whatever the months.
 * Members live in flat 16-byte records in join order (a sponsor always before its recruits), and the
 * walks run in lockstep batches so the processor overlaps their cache misses. The percentiles are
 * found by selection, not by a sort. The work of a call is at most members x levels ancestor steps
 * (1e8 at the limits, about 1.4e7 in the worst cases found), so no separate work budget is needed.
 */

export interface SimulationParams {
  /** Most people the network can ever hold, the founder included: 1..1,000,000. */
  members: number;
  /** Months simulated: 1..1200. */
  months: number;
  /** Average recruits per active member per month in an empty market; 0 or more. */
  recruitsPerMemberPerMonth: number;
  /** Probability that an active member (not the founder) leaves in a month: 0..1. */
  monthlyAttrition: number;
  /** Volume each active member sells a month. */
  volumePerMember: number;
  /** Rate paid on the volume at level 1 (your recruits), 2, ...: each 0..1; 1 to 100 of them. */
  levelRates: readonly number[];
  /** What each active member pays a month (kit, autoship, fees). */
  monthlyCost: number;
  /** Whole number 0..2^53-1; the same seed gives the same answer. Default DEFAULT_SEED. */
  seed?: number;
}

export interface SimulationSummary {
  membersJoined: number;
  activeAtEnd: number;
  medianNet: number;
  meanNet: number;
  p10Net: number;
  p90Net: number;
  shareWithProfit: number;
  top1PercentShare: number;
  /** Totals over the run, for checks and for the templates. */
  volumeSold: number;
  commissionsPaid: number;
  costsPaid: number;
}

/** The eight rows SIMULATE spills, in order. */
export const SIMULATION_LABELS = [
  "Members joined",
  "Active at end",
  "Median net per member",
  "Mean net per member",
  "10th percentile net",
  "90th percentile net",
  "Share with profit",
  "Top 1% share of commissions",
] as const;

/** What each figure of the summary is, in the order of SIMULATION_LABELS: a count of people, money, or a share. */
export const SIMULATION_KINDS = ["count", "count", "money", "money", "money", "money", "share", "share"] as const;

/** The seed when none is given: a fixed one, so that a sheet shows the same figures on every recalculation. */
export const DEFAULT_SEED = 1;

/** Poisson totals are drawn with at most this mean: far above any room left (members <= 1e6), so the draw is the same. */
const MAX_MONTHLY_MEAN = 1e9;

/** How many joins or drops run between two chances to pause (async) or yield. */
const EVENTS_PER_SLICE = 1 << 14;

/** The summary as SIMULATE spills it: eight rows of label and value. */
export function summaryRows(summary: SimulationSummary): Array<[string, number]> {
  const values = [
    summary.membersJoined,
    summary.activeAtEnd,
    summary.medianNet,
    summary.meanNet,
    summary.p10Net,
    summary.p90Net,
    summary.shareWithProfit,
    summary.top1PercentShare,
  ];
  return SIMULATION_LABELS.map((label, i) => [label, values[i]]);
}

/** Checks the parameters against their domains (#NUM! messages name the input). */
export function checkParams(p: SimulationParams): Required<SimulationParams> {
  const levelRates = p.levelRates.map((r) => checkIn(SHARE, r, "each level rate"));
  checkIn(LEVELS, levelRates.length, "the number of level rates");
  return {
    members: checkIn(NETWORK_SIZE, p.members, "members"),
    months: checkIn(MONTHS, p.months, "months"),
    recruitsPerMemberPerMonth: checkIn(RECRUITS, p.recruitsPerMemberPerMonth, "recruits_per_member_per_month"),
    monthlyAttrition: checkIn(SHARE, p.monthlyAttrition, "monthly_attrition"),
    volumePerMember: checkIn(AMOUNT, p.volumePerMember, "volume_per_member"),
    levelRates,
    monthlyCost: checkIn(AMOUNT, p.monthlyCost, "monthly_cost"),
    seed: checkIn(SEED, p.seed ?? DEFAULT_SEED, "seed"),
  };
}

/** What a run leaves behind, member by member in join order (index 0 is the founder). */
export interface SimulationRun {
  params: Required<SimulationParams>;
  /** Members who joined, the founder included; the arrays below hold them at 0..joined-1. */
  joined: number;
  /** Sponsor of each member; -1 for the founder. */
  sponsor: Int32Array;
  /** Month each member joined (0 for the founder). */
  joinMonth: Uint16Array;
  /** Last month each member was active: the month it dropped, or `months` if it stayed. */
  lastMonth: Uint16Array;
  /** 1 if still active after the last month. */
  active: Uint8Array;
  /** Commissions each member earned over the run. */
  commissions: Float64Array;
}

/**
 * The network as flat records in join order: 16 bytes a member, three views on one buffer, so
 * that paying an upline touches one small record, one cache line (a million members fit in 16 MB):
 *   ints[4i]         sponsor (-1 for the founder)
 *   shorts[8i + 2]   join month (0 for the founder)
 *   shorts[8i + 3]   last active month: the month it drops, or `stays` (months + 1) if it never does
 *   money[2i + 1]    commissions earned
 */
class Network {
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

  constructor(p: Required<SimulationParams>) {
    this.members = p.members;
    this.months = p.months;
    this.stays = p.months + 1;
    this.rng = new Random(p.seed);
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

  /** The member at `slot` of the active list (never 0, the founder) leaves at the end of month t. */
  drop(slot: number, t: number): void {
    const d = this.activeList[slot];
    this.shorts[8 * d + 3] = t;
    this.activeList[slot] = this.activeList[--this.activeCount];
  }
}

/**
 * The history, month by month: who joins under whom and when each member leaves. Yields at the end
 * of each month and every EVENTS_PER_SLICE joins or drops. (The loops themselves are plain
 * functions: V8 optimizes a long-running loop in a plain function while it runs, not in a generator.)
 */
function* grow(net: Network, p: Required<SimulationParams>): Generator<void, void, void> {
  const { rng, members } = net;
  const recruits = p.recruitsPerMemberPerMonth;
  for (let t = 1; t <= p.months; t++) {
    // 1. Recruit: a Poisson total over the members active now, each recruit under one of them.
    const room = members - net.joined;
    if (room > 0 && recruits > 0) {
      const sponsors = net.activeCount;
      const perMember = recruits * (1 - net.joined / members);
      let left = min(room, poisson(rng, min(perMember * sponsors, MAX_MONTHLY_MEAN)));
      net.reserve(net.joined + left);
      while (left > 0) {
        const count = min(left, EVENTS_PER_SLICE);
        recruitSome(net, count, sponsors, t);
        left -= count;
        yield;
      }
    }
    // 2. Sell, pay and earn: every active member sells, pays and is paid; `pay` adds it all up at the end.
    // 3. Drop: a coin for each active member but the founder is, in law, a binomial number of them
    //    chosen uniformly at random: drawn as such, one step per member who leaves.
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

/** `count` recruits join in month t, each under one of the `sponsors` members active at the start of the month. */
function recruitSome(net: Network, count: number, sponsors: number, t: number): void {
  // Slots 0..sponsors-1 of the active list hold the members active at the start of the month: joins append after them.
  const { rng, activeList } = net;
  for (let j = 0; j < count; j++) net.join(activeList[floor(rng.next() * sponsors)], t);
}

/** `count` members other than the founder, picked uniformly at random without repeats, leave at the end of month t. */
function dropSome(net: Network, count: number, t: number): void {
  const rng = net.rng;
  for (let j = 0; j < count; j++) net.drop(1 + floor(rng.next() * (net.activeCount - 1)), t);
}

/**
 * The commissions, from the history. Upline a at level k of member d earns volume x rate k in every
 * month both are active: d is active from its join month jd through its last month ed, and a
 * (which joined before d) through its last month ea, so they overlap in
 *   max(0, min(ea, ed) - jd + 1)  months
 * whatever happened in between: an upline who left earns nothing more, and the chain runs on
 * through it to the uplines above. So each member walks up its sponsor chain once, for as many
 * levels as pay, and adds its overlap to each upline: exactly the month-by-month sums, in
 * members x levels steps whatever the number of months.
 */
function* pay(net: Network, p: Required<SimulationParams>): Generator<void, void, void> {
  // Trailing zero rates pay nothing: the walks stop at the last level that pays.
  let levels = p.levelRates.length;
  while (levels > 0 && p.levelRates[levels - 1] === 0) levels--;
  if (levels === 0) return;
  // What an upline at each level earns on one member's month: volume x rate, in money already.
  const perMonth = Float64Array.from(p.levelRates.slice(0, levels), (rate) => p.volumePerMember * rate);
  const upline = new Int32Array(EVENTS_PER_SLICE);
  const stay = new Int32Array(EVENTS_PER_SLICE);
  for (let from = 1; from < net.joined; from += EVENTS_PER_SLICE) {
    const count = startWalks(net, upline, stay, from, min(net.joined, from + EVENTS_PER_SLICE));
    climb(net.ints, net.shorts, net.money, perMonth, levels, upline, stay, count);
    yield;
  }
}

/**
 * Starts the walks of members from..to-1 at their sponsors. Each walk carries its member's stay as
 * one number, join month + 65536 x last month paid.
 */
function startWalks(net: Network, upline: Int32Array, stay: Int32Array, from: number, to: number): number {
  const { ints, shorts, months } = net;
  for (let d = from; d < to; d++) {
    upline[d - from] = ints[4 * d];
    stay[d - from] = shorts[8 * d + 2] | (min(shorts[8 * d + 3], months) << 16);
  }
  return to - from;
}

/**
 * Pays the uplines of a batch of walks, level by level. The walks run in lockstep, the whole batch
 * one level at a time: the reads of different walks are independent, so the processor overlaps
 * their cache misses instead of waiting for each link of one chain in turn (measured 2-3x faster
 * than one walk after another). Everything comes in as parameters, with nothing looked up by name
 * in the loops: V8 optimizes the loop while it runs, and a property never read before that moment
 * would throw the optimized code away again on every batch.
 */
function climb(ints: Int32Array, shorts: Uint16Array, money: Float64Array, perMonth: Float64Array, levels: number, upline: Int32Array, stay: Int32Array, count: number): void {
  for (let k = 0; k < levels && count > 0; k++) {
    const rate = perMonth[k];
    let live = 0;
    for (let b = 0; b < count; b++) {
      const a = upline[b];
      const months = stay[b];
      const overlap = min(shorts[8 * a + 3], months >>> 16) - (months & 0xffff) + 1;
      // No branch on whether they overlap: for uplines who left it is hard to predict, and a
      // mispredicted branch costs more than adding 0.
      money[2 * a + 1] += rate * (overlap & ~(overlap >> 31));
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

/** The whole run, history then commissions, as steps shared by `simulate` and `simulateAsync`. */
function* run(p: Required<SimulationParams>): Generator<void, SimulationRun, void> {
  const net = new Network(p);
  yield* grow(net, p);
  yield* pay(net, p);
  return history(net, p);
}

/** Each member's history and commissions, copied out of the records into plain arrays. */
function history(net: Network, p: Required<SimulationParams>): SimulationRun {
  const n = net.joined;
  const out: SimulationRun = {
    params: p,
    joined: n,
    sponsor: new Int32Array(n),
    joinMonth: new Uint16Array(n),
    lastMonth: new Uint16Array(n),
    active: new Uint8Array(n),
    commissions: new Float64Array(n),
  };
  const { ints, shorts, money, stays } = net;
  for (let i = 0; i < n; i++) {
    out.sponsor[i] = ints[4 * i];
    out.joinMonth[i] = shorts[8 * i + 2];
    const last = shorts[8 * i + 3];
    out.active[i] = last === stays ? 1 : 0;
    out.lastMonth[i] = last === stays ? p.months : last;
    out.commissions[i] = money[2 * i + 1];
  }
  return out;
}

/** Runs the simulation to the end and returns every member's history (for tests and templates). */
export function simulateMembers(params: SimulationParams): SimulationRun {
  const steps = run(checkParams(params));
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** SIMULATE, synchronously: fine for modest sizes (the templates cache a value with it). */
export function simulate(params: SimulationParams): SimulationSummary {
  return summarize(simulateMembers(params));
}

/**
 * SIMULATE without holding the thread: the same steps as `simulate`, pausing on a zero timeout
 * whenever `yieldEveryMs` have passed since the last pause, so Excel and other functions stay
 * responsive during a large run.
 */
export async function simulateAsync(params: SimulationParams, options: { yieldEveryMs?: number } = {}): Promise<SimulationSummary> {
  const every = options.yieldEveryMs ?? 50;
  const steps = run(checkParams(params));
  let since = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (Date.now() - since >= every) {
      await pause();
      since = Date.now();
    }
    step = steps.next();
  }
  return summarize(step.value);
}

/** Lets the event loop run: a zero timeout where timers exist (they do in Excel's runtimes and Node), else a microtask. */
function pause(): Promise<void> {
  return new Promise<void>((resolve) => (typeof setTimeout === "function" ? setTimeout(resolve, 0) : resolve()));
}

/** Months member i was active: from its join month (month 1 for the founder) through its last month. */
export function monthsIn(run: SimulationRun, i: number): number {
  return run.lastMonth[i] - max(run.joinMonth[i], 1) + 1;
}

/** The eight figures (and the totals) from a run. */
export function summarize(run: SimulationRun): SimulationSummary {
  const n = run.joined;
  const { volumePerMember: volume, monthlyCost: cost } = run.params;
  const nets = new Float64Array(n);
  let monthsActive = 0;
  let commissionsPaid = 0;
  let netSum = 0;
  let withProfit = 0;
  let activeAtEnd = 0;
  for (let i = 0; i < n; i++) {
    const m = monthsIn(run, i);
    const earned = run.commissions[i];
    const paid = cost * m;
    let net = earned - paid;
    // A member who breaks even to the last bits of rounding broke even: not a profit, not a loss.
    if (abs(net) <= WHOLE_TOLERANCE * (earned + paid)) net = 0;
    nets[i] = net;
    netSum += net;
    if (net > 0) withProfit++;
    monthsActive += m;
    commissionsPaid += earned;
    activeAtEnd += run.active[i];
  }
  // Members with the most commissions: the top 1%, rounded up to whole members (at least one).
  const top = ceil(n / 100);
  const byCommission = run.commissions.slice();
  selectRanks(byCommission, [n - top]);
  let topSum = 0;
  for (let i = n - top; i < n; i++) topSum += byCommission[i];
  const [p10Net, medianNet, p90Net] = percentiles(nets, [0.1, 0.5, 0.9]);
  return {
    membersJoined: n,
    activeAtEnd,
    medianNet,
    meanNet: netSum / n,
    p10Net,
    p90Net,
    shareWithProfit: withProfit / n,
    top1PercentShare: commissionsPaid > 0 ? min(1, topSum / commissionsPaid) : 0,
    volumeSold: volume * monthsActive,
    commissionsPaid,
    costsPaid: cost * monthsActive,
  };
}

/**
 * Percentiles the way Excel's PERCENTILE.INC (and MEDIAN) computes them: linear interpolation at
 * rank p x (n - 1) of the sorted values. Found by selection in linear time rather than by a sort
 * (sorting a million nets would cost a third of the whole simulation). Reorders `values`.
 */
export function percentiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  const ranks: number[] = [];
  for (const p of ps) {
    const rank = floor(p * (n - 1));
    ranks.push(rank, min(rank + 1, n - 1));
  }
  selectRanks(values, ranks);
  return ps.map((p) => {
    const rank = p * (n - 1);
    const i = floor(rank);
    return rank === i ? values[i] : values[i] + (rank - i) * (values[i + 1] - values[i]);
  });
}

/**
 * Rearranges `values` so that each of `ranks` holds the value a sort would put there (quickselect
 * for several ranks at once: after each partition only the sides that hold a wanted rank go on).
 * The pivot is the median of three picks by a fixed-seed generator, so no order of the input can
 * make it quadratic except with vanishing probability, and the result is reproducible.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  const wanted = [...new Set(ranks)].sort((x, y) => x - y);
  const rng = new Random(0x5eed);
  const stack: Array<[number, number, number, number]> = [[0, values.length - 1, 0, wanted.length - 1]];
  for (let range = stack.pop(); range; range = stack.pop()) {
    const [lo, hi, first, last] = range;
    if (first > last || hi <= lo) continue;
    const span = hi - lo + 1;
    const x = values[lo + floor(rng.next() * span)];
    const y = values[lo + floor(rng.next() * span)];
    const z = values[lo + floor(rng.next() * span)];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    // Now values[lo..j] <= pivot <= values[i..hi], and everything strictly between equals the pivot.
    let left = first;
    while (left <= last && wanted[left] <= j) left++;
    let right = left;
    while (right <= last && wanted[right] < i) right++;
    stack.push([lo, j, first, left - 1], [i, hi, right, last]);
  }
}
