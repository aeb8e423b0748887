import { Random } from "./random";
import { WHOLE_TOLERANCE } from "./rounding";

// Math's functions as module constants (see simulate-history.ts).
const { abs, ceil, floor, max, min } = Math;

/**
 * What SIMULATE reports from a finished run: the summary (and the share at the user's goal), the
 * percentiles of the members' nets, and an income-disclosure table of brackets.
 */

/** What a run leaves behind, member by member in join order (index 0 is the founder). */
export interface MemberRecords {
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
  /** Commissions each member earned in the last month (the unilevel and the matrix work them out only when a goal is given: zeros otherwise). */
  lastMonthCommissions: Float64Array;
}

export interface Money {
  volumePerMember: number;
  monthlyCost: number;
  /** A monthly net income: the summary adds the share of members at it. */
  goal: number | undefined;
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
  /** Members who sponsored nobody, over members joined. */
  shareRecruitedNoOne: number;
  /** With a goal: members still in whose net in the last month was at least the goal, over members joined. */
  shareAtGoal?: number;
  /** Totals over the run, for checks and for the templates. */
  volumeSold: number;
  commissionsPaid: number;
  costsPaid: number;
}

/** The rows SIMULATE's summary spills, in order (then "Share at goal" when a goal is given). */
export const SIMULATION_LABELS = [
  "Members joined",
  "Active at end",
  "Median net per member",
  "Mean net per member",
  "10th percentile net",
  "90th percentile net",
  "Share with profit",
  "Top 1% share of commissions",
  "Share who recruited no one",
] as const;

/** The row the summary adds when a goal is given. */
export const GOAL_LABEL = "Share at goal";

/** What each figure of the summary is, in the order of SIMULATION_LABELS: a count of people, money, or a share. */
export const SIMULATION_KINDS = ["count", "count", "money", "money", "money", "money", "share", "share", "share"] as const;

/** The percentiles the "percentiles" report lists, as PERCENTILE.INC takes them. */
export const REPORT_PERCENTILES = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99] as const;

/**
 * The brackets of the "brackets" report: average net per month, from (included) to (excluded), the
 * first and the last open-ended, and a row of its own for exactly breaking even. Why these: see
 * docs/simulate.md ("brackets").
 */
export const BRACKET_EDGES = [-100, -50, -10, 0, 10, 100, 500, 1000, 5000, 10000] as const;

/** The reports SIMULATE can spill. */
export type Report = "summary" | "percentiles" | "brackets";
export const REPORTS: readonly Report[] = ["summary", "percentiles", "brackets"];

/** The summary as SIMULATE spills it: rows of label and value. */
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
    summary.shareRecruitedNoOne,
  ];
  const rows: Array<[string, number]> = SIMULATION_LABELS.map((label, i) => [label, values[i]]);
  if (summary.shareAtGoal !== undefined) rows.push([GOAL_LABEL, summary.shareAtGoal]);
  return rows;
}

/** Months member i was active: from its join month (month 1 for the founder) through its last month. */
export function monthsIn(run: MemberRecords, i: number): number {
  return monthsFrom(run.joinMonth[i], run.lastMonth[i]);
}

/** Months from a join month (month 1 for the founder, who joined at 0) through a last month, both counted. */
function monthsFrom(joinMonth: number, lastMonth: number): number {
  return lastMonth - max(joinMonth, 1) + 1;
}

/** Every member's net (commissions less costs over its months in); a net within rounding of 0 is 0. */
export function netsOf(run: MemberRecords, money: Money): Float64Array {
  const n = run.joined;
  const cost = money.monthlyCost;
  const nets = new Float64Array(n);
  // The arrays read into locals first, as in summarize.
  const { commissions, joinMonth, lastMonth } = run;
  for (let i = 0; i < n; i++) nets[i] = netOf(commissions[i], cost * monthsFrom(joinMonth[i], lastMonth[i]));
  return nets;
}

/** Commissions earned less costs paid; a member who breaks even to the last bits of rounding broke even: not a profit, not a loss. */
function netOf(earned: number, paid: number): number {
  const net = earned - paid;
  return abs(net) <= WHOLE_TOLERANCE * (earned + paid) ? 0 : net;
}

/** The summary figures (and the totals) from a run. */
export function summarize(run: MemberRecords, money: Money): SimulationSummary {
  const n = run.joined;
  const { volumePerMember: volume, monthlyCost: cost, goal } = money;
  const nets = new Float64Array(n);
  let monthsActive = 0;
  let commissionsPaid = 0;
  let netSum = 0;
  let withProfit = 0;
  let activeAtEnd = 0;
  let atGoal = 0;
  let sponsors = 0;
  const sponsored = new Uint8Array(n);
  // The nets' and the commissions' buckets for the ranks below (valuesAtRanks' first pass), counted here.
  const netWords = wordsOf(nets);
  const netBuckets = new Int32Array(BUCKETS);
  const commissionWords = wordsOf(run.commissions);
  const commissionBuckets = new Int32Array(BUCKETS);
  // One pass for the nets (as netsOf) and every sum: a call runs cold, and each loop over a million
  // members runs in the interpreter for a while before V8 has compiled it. The arrays are read into
  // locals: a property read in the loop would be a load per member.
  const { commissions, joinMonth, lastMonth, active, sponsor, lastMonthCommissions } = run;
  for (let i = 0; i < n; i++) {
    const monthsIn = monthsFrom(joinMonth[i], lastMonth[i]);
    const earned = commissions[i];
    const net = netOf(earned, cost * monthsIn);
    nets[i] = net;
    netBuckets[bucketOf(netWords[2 * i + HIGH_WORD])]++;
    commissionBuckets[bucketOf(commissionWords[2 * i + HIGH_WORD])]++;
    netSum += net;
    if (net > 0) withProfit++;
    monthsActive += monthsIn;
    commissionsPaid += earned;
    activeAtEnd += active[i];
    if (i > 0) {
      // Counted without a branch: whether a sponsor is new is a coin toss the processor cannot predict.
      const s = sponsor[i];
      sponsors += 1 - sponsored[s];
      sponsored[s] = 1;
    }
    if (goal !== undefined && active[i] === 1) {
      const last = lastMonthCommissions[i];
      // At least the goal, to the last bits of rounding: 150.00000000000003 - 50 reaches 100.
      if (last - cost >= goal - WHOLE_TOLERANCE * max(1, abs(goal), last + cost)) atGoal++;
    }
  }
  const recruitedNoOne = n - sponsors;
  // Members with the most commissions: the top 1%, rounded up to whole members (at least one).
  const top = ceil(n / 100);
  const topSum = sumOfLargest(run.commissions.subarray(0, n), top, commissionBuckets);
  const [p10Net, medianNet, p90Net] = percentiles(nets, [0.1, 0.5, 0.9], netBuckets);
  const summary: SimulationSummary = {
    membersJoined: n,
    activeAtEnd,
    medianNet,
    meanNet: netSum / n,
    p10Net,
    p90Net,
    shareWithProfit: withProfit / n,
    top1PercentShare: commissionsPaid > 0 ? min(1, topSum / commissionsPaid) : 0,
    shareRecruitedNoOne: recruitedNoOne / n,
    volumeSold: volume * monthsActive,
    commissionsPaid,
    costsPaid: cost * monthsActive,
  };
  if (goal !== undefined) summary.shareAtGoal = atGoal / n;
  return summary;
}

/** The "percentiles" report: rows of percentile (as PERCENTILE.INC takes it: 0.01 is the 1st) and net. */
export function percentileRows(run: MemberRecords, money: Money): Array<[number, number]> {
  const values = percentiles(netsOf(run, money), REPORT_PERCENTILES);
  return REPORT_PERCENTILES.map((p, i) => [p, values[i]]);
}

/**
 * The "brackets" report: rows of from, to, members and share of members, by each member's average
 * net per month (net over months in). A bracket holds from <= x < to; the break-even row holds
 * exactly 0 (from 0 to 0), and the row after it starts just above 0. Open ends are blank ("").
 */
export function bracketRows(run: MemberRecords, money: Money): Array<[number | string, number | string, number, number]> {
  const n = run.joined;
  const nets = netsOf(run, money);
  const edges = BRACKET_EDGES;
  const zero = edges.indexOf(0);
  // Rows: below edges[0]; [edges[k], edges[k+1]) for k < zero; exactly 0; (0, edges[zero+1]); [edges[k], edges[k+1]) above; edges[last] and up.
  const rows: Array<[number | string, number | string, number, number]> = [];
  rows.push(["", edges[0], 0, 0]);
  for (let k = 0; k < edges.length - 1; k++) {
    rows.push([edges[k], edges[k + 1], 0, 0]);
    if (k === zero - 1) rows.push([0, 0, 0, 0]);
  }
  rows.push([edges[edges.length - 1], "", 0, 0]);
  for (let i = 0; i < n; i++) {
    const x = nets[i] / monthsIn(run, i);
    rows[bracketOf(x, edges, zero)][2]++;
  }
  for (const row of rows) row[3] = row[2] / n;
  return rows;
}

/** The row of `bracketRows` that holds an average net of x. */
function bracketOf(x: number, edges: readonly number[], zero: number): number {
  if (x === 0) return zero + 1;
  let k = 0; // edges not above x
  while (k < edges.length && edges[k] <= x) k++;
  // Rows up to the break-even row are one per edge; above it, one more.
  return k <= zero ? k : k + 1;
}

/**
 * Percentiles the way Excel's PERCENTILE.INC (and MEDIAN) computes them: linear interpolation at
 * rank p x (n - 1) of the sorted values. Found without sorting (`valuesAtRanks`): sorting a million
 * nets would cost a third of the whole simulation.
 */
export function percentiles(values: Float64Array, ps: readonly number[], buckets?: Int32Array): number[] {
  const n = values.length;
  const ranks: number[] = [];
  for (const p of ps) {
    const rank = floor(p * (n - 1));
    ranks.push(rank, min(rank + 1, n - 1));
  }
  const at = valuesAtRanks(values, ranks, buckets);
  return ps.map((p, j) => {
    const rank = p * (n - 1);
    const i = floor(rank);
    const below = at[2 * j];
    return rank === i ? below : below + (rank - i) * (at[2 * j + 1] - below);
  });
}

/** The sum of the `count` largest values (1 <= count <= values.length): those above the value at its rank, and that value as often as it is needed. */
export function sumOfLargest(values: Float64Array, count: number, buckets?: Int32Array): number {
  const n = values.length;
  const [threshold] = valuesAtRanks(values, [n - count], buckets);
  let sum = 0;
  let above = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x > threshold) {
      sum += x;
      above++;
    }
  }
  return sum + (count - above) * threshold;
}

/** Buckets of `valuesAtRanks`: the top 16 bits of a double, in an order that sorts the doubles. */
const BUCKETS = 65536;
/** Where the high 32 bits of a double are in a Uint32Array over it: 1 on little-endian processors (every one Office runs on), else 0. */
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bucket of a double's high 32 bits: negatives' bits flipped, positives' sign bit set, so that bucket order is numeric order. */
function bucketOf(high: number): number {
  return (high & 0x80000000 ? ~high : high | 0x80000000) >>> 16;
}

/**
 * The value a sort would put at each of `ranks` (each 0..n-1), without moving `values`: two passes
 * that read the values in order. The first counts the values in each of 65,536 buckets by their
 * top 16 bits (sign, exponent and the mantissa's first 4 bits), so it knows which bucket each rank
 * falls in; the second copies out the values of those few buckets, and selection within them
 * (`selectRanks`) finds the ranks. Doubles that differ in their top 16 bits compare as their
 * buckets do, so a rank's value is in its bucket. No NaN is ever among the values. `buckets`, if
 * given, are the first pass's counts made by the caller in a loop of its own (summarize does).
 */
export function valuesAtRanks(values: Float64Array, ranks: readonly number[], buckets?: Int32Array): number[] {
  const n = values.length;
  const words = wordsOf(values);
  const count = buckets ?? countBuckets(words, n);
  // Each wanted rank's bucket, and how many values come before that bucket.
  const wanted = [...new Set(ranks)].sort((x, y) => x - y);
  const bucketOfRank = new Map<number, number>();
  const before = new Map<number, number>(); // bucket -> values in the buckets below it
  let b = 0;
  let below = 0;
  for (const r of wanted) {
    while (below + count[b] <= r) below += count[b++];
    bucketOfRank.set(r, b);
    before.set(b, below);
  }
  // The values of the wanted buckets, each bucket's in its own array.
  const slot = new Int32Array(BUCKETS).fill(-1);
  const chosen = [...before.keys()];
  const runs = chosen.map((bucket, j) => {
    slot[bucket] = j;
    return new Float64Array(count[bucket]);
  });
  copyBuckets(values, words, slot, runs);
  const found = new Map<number, number>();
  chosen.forEach((bucket, j) => {
    const local = wanted.filter((r) => bucketOfRank.get(r) === bucket).map((r) => r - before.get(bucket)!);
    selectRanks(runs[j], local);
    for (const r of local) found.set(r + before.get(bucket)!, runs[j][r]);
  });
  return ranks.map((r) => found.get(r)!);
}

/*
 * valuesAtRanks' two passes, each a function of its own: the first is the one a caller may make in
 * a loop of its own instead (summarize counts the buckets as it works out the nets).
 */

/** The 32-bit halves of each double of `values`, two a value, the high one at HIGH_WORD. */
function wordsOf(values: Float64Array): Uint32Array {
  return new Uint32Array(values.buffer, values.byteOffset, 2 * values.length);
}

/** How many of the n values fall in each bucket (bucketOf of each high word), as `buckets` must hold if given to valuesAtRanks. */
function countBuckets(words: Uint32Array, n: number): Int32Array {
  const count = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) count[bucketOf(words[2 * i + HIGH_WORD])]++;
  return count;
}

/** The values of the buckets that have a slot (slot[bucket] >= 0), each bucket's into runs[slot] in order. */
function copyBuckets(values: Float64Array, words: Uint32Array, slot: Int32Array, runs: Float64Array[]): void {
  const n = values.length;
  const filled = new Int32Array(runs.length);
  for (let i = 0; i < n; i++) {
    const j = slot[bucketOf(words[2 * i + HIGH_WORD])];
    if (j >= 0) runs[j][filled[j]++] = values[i];
  }
}

/**
 * Rearranges `values` so that each of `ranks` holds the value a sort would put there (quickselect
 * for several ranks at once: after each partition only the sides that hold a wanted rank go on).
 * The pivot is a pick by a fixed-seed generator, so no order of the input can make it quadratic
 * except with vanishing probability, and the result is reproducible. (A median of three picks was
 * measured no faster here: the selection runs only inside the few buckets of `valuesAtRanks`.)
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): void {
  const wanted = [...new Set(ranks)].sort((x, y) => x - y);
  const rng = new Random(0x5eed);
  const stack: Array<[number, number, number, number]> = [[0, values.length - 1, 0, wanted.length - 1]];
  for (let range = stack.pop(); range; range = stack.pop()) {
    const [lo, hi, first, last] = range;
    if (first > last || hi <= lo) continue;
    const pivot = values[lo + floor(rng.next() * (hi - lo + 1))];
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
