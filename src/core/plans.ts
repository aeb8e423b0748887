import { outOfRange, wrongKind } from "./errors";
import { WHOLE_TOLERANCE, wholeDown } from "./rounding";

// Builtins read once per module: in a sandboxed host (jest's vm context, the custom-functions stand-in)
// every global lookup such as Math.min goes through the sandbox and costs ~150 ns, ten times the
// arithmetic of a row; these loops run up to 1200 times a call.
const { min, max, round, ceil, floor, log10, abs } = Math;
const finite = Number.isFinite;
const NO_CAP = Infinity;

/**
 * What three kinds of compensation plan pay: a binary (two legs matched period by period), a
 * stair-step breakaway (a rate from your group volume, less what your legs earn themselves) and a
 * differential (each upline earns the difference between its rate and the highest rate below it).
 * Inputs arrive already validated against their domains (domains.ts); what is checked here is what a
 * single input cannot show (lists of different lengths, thresholds out of order) and figures too
 * large for a number, which are refused rather than returned as Infinity.
 */

/** Exact powers of ten (Number("1e22") is the largest exact one) for tidying carries. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Removes floating-point noise from a difference of volumes, keeping 14 significant digits relative
 * to the volumes it came from: 10.1 - 7.5 is 2.5999999999999996 in binary floating point and means
 * 2.6. A carry that is rolled into the next period would otherwise drift. `x` is never negative and
 * never far above `scale`: callers pass what is left of a volume, or whole pairs of at most it.
 */
function tidy(x: number, scale: number): number {
  // A whole number (0 too) is already what rounding to 14 digits gives: below, x times a power of ten
  // stays an exact integer under 1e14, and rounding it changes nothing. Only a shortcut: the
  // simulations' carries, counted in members, take it. (It once also tested x <= 0, scale > 0,
  // x <= scale and scale < 1e14; mutation testing showed no input could tell those apart.)
  if (x === floor(x)) return x;
  const k = 14 - ceil(log10(scale));
  if (k < 0 || k > 22) return x; // too large or too small to tidy exactly: leave as is
  const f = POW10[k];
  return round(x * f) / f;
}

/** What a leg carries after `leaving` of its `available` volume leaves: tidied, and never more than it had. */
function settle(available: number, leaving: number): number {
  return min(tidy(available - leaving, available), available);
}

export interface BinaryOptions {
  /** Paid per unit of matched volume, or per whole pair when `pairSize` is given. */
  rate: number;
  /** Most commission per period; none when omitted. */
  cap?: number;
  /** When capped, all matched volume leaves both legs (true) or only the volume paid on (false). */
  flush?: boolean;
  /** Volume one pair needs on each leg; without it any volume matches. */
  pairSize?: number;
}

/**
 * A binary plan period by period: each period adds its volumes to what each leg carries, the weaker
 * leg's volume is matched (whole pairs only with `pairSize`) and paid at `rate`, up to `cap` a
 * period. Without flush only the volume paid on leaves both legs; with flush all matched volume
 * does. Rows: period, matched volume, commission, carry left, carry right.
 * BINARY({500}, {1000}, 0.1) = [1, 500, 50, 0, 500].
 */
export function binary(left: readonly number[], right: readonly number[], options: BinaryOptions): Array<[number, number, number, number, number]> {
  if (left.length !== right.length) throw wrongKind(`left and right volumes must cover the same periods; left has ${left.length}, right has ${right.length}`);
  const { rate, flush = false, pairSize = 0 } = options;
  const cap = options.cap ?? NO_CAP;
  const rows: Array<[number, number, number, number, number]> = [];
  const state = new Float64Array(BINARY_STATE);
  for (let t = 0; t < left.length; t++) {
    const commission = binaryPeriod(state, 0, left[t], right[t], rate, cap, flush, pairSize, t + 1);
    rows.push([t + 1, state[2], commission, state[0], state[1]]);
  }
  return rows;
}

/** Numbers a binary member carries from period to period: carry left, carry right, and the volume matched in the last period. */
export const BINARY_STATE = 3;

/**
 * One period of a binary plan for one member, the rule BINARY applies period by period and the
 * simulations apply to every member every month. `state[at]` and `state[at + 1]` hold the carries
 * (updated), `state[at + 2]` receives the matched volume; returns the commission. `cap` is Infinity
 * for no cap, `pairSize` 0 for none; `period` only names the period in an error.
 */
export function binaryPeriod(
  state: Float64Array,
  at: number,
  left: number,
  right: number,
  rate: number,
  cap: number,
  flush: boolean,
  pairSize: number,
  period: number
): number {
  let carryLeft = state[at] + left;
  let carryRight = state[at + 1] + right;
  if (!finite(carryLeft + carryRight)) throw outOfRange(`the volumes carried pass the largest number a spreadsheet can hold in period ${period}`);
  const weaker = min(carryLeft, carryRight);
  let matched: number;
  let paidVolume: number;
  let commission: number;
  if (pairSize === 0) {
    matched = weaker;
    commission = matched * rate;
    paidVolume = matched;
    if (commission > cap) {
      commission = cap;
      paidVolume = min(matched, cap / rate);
    }
  } else {
    // A pair within the whole-number tolerance of complete counts: 7.5 / 2.5 is 3 pairs.
    const pairs = wholeDown(weaker / pairSize);
    if (!finite(pairs)) throw outOfRange(`pair_size ${pairSize} is too small for volumes of ${weaker}`);
    matched = min(tidy(pairs * pairSize, weaker), weaker);
    let paidPairs = pairs;
    if (pairs * rate > cap) paidPairs = min(pairs, wholeDown(cap / rate));
    commission = min(paidPairs * rate, cap);
    paidVolume = min(tidy(paidPairs * pairSize, weaker), matched);
  }
  if (!finite(commission)) throw outOfRange(`the commission passes the largest number a spreadsheet can hold in period ${period}`);
  const leaving = flush ? matched : paidVolume;
  if (leaving > 0) {
    carryLeft = settle(carryLeft, leaving);
    carryRight = settle(carryRight, leaving);
  }
  state[at] = carryLeft;
  state[at + 1] = carryRight;
  state[at + 2] = matched;
  return commission;
}

/** Raises #VALUE! unless the schedule has one rate per threshold and the thresholds ascend. */
function checkSchedule(thresholds: readonly number[], rates: readonly number[]): void {
  if (thresholds.length !== rates.length)
    throw wrongKind(`thresholds and rates must have the same length; thresholds has ${thresholds.length}, rates has ${rates.length}`);
  for (let i = 1; i < thresholds.length; i++) {
    if (!(thresholds[i] > thresholds[i - 1])) throw wrongKind(`thresholds must ascend; ${thresholds[i]} follows ${thresholds[i - 1]}`);
  }
}

/** A volume within the whole-number tolerance of a threshold reaches it, so 0.1 + 0.2 reaches 0.3. */
function reaches(volume: number, threshold: number): boolean {
  return volume >= threshold - WHOLE_TOLERANCE * max(1, abs(threshold));
}

/**
 * The rate of the highest threshold not above `volume` (0 below the first threshold). A volume within
 * the whole-number tolerance of a threshold reaches it, so 0.1 + 0.2 reaches 0.3. Binary search: a
 * schedule may be long and every leg looks its rate up.
 */
function rateAt(volume: number, thresholds: readonly number[], rates: readonly number[]): number {
  let lo = 0;
  let hi = thresholds.length; // answer: the count of thresholds reached
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = thresholds[mid];
    if (reaches(volume, t)) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : rates[lo - 1];
}

/** The stair-step rate a volume earns on a schedule of ascending thresholds and their rates. */
export function stairStepRate(volume: number, thresholds: readonly number[], rates: readonly number[]): number {
  checkSchedule(thresholds, rates);
  return rateAt(volume, thresholds, rates);
}

/**
 * A stair-step breakaway performance bonus. Your rate r(G) comes from your group volume G (personal
 * plus every leg); you earn r(G) x personal, and on each leg (r(G) - r(leg)) x leg when positive: a
 * leg at your rate has broken away and pays you nothing. Each leg's share is worked as your bonus on
 * it less the leg's own, as the plans' statements show it, so 21% of 110000 less 17% of it is 4400
 * and not 4399.999999999998.
 * STAIRSTEP(100, {200}, Amway schedule) = 6% x 100 + (6% - 3%) x 200 = 12.
 */
export function stairStep(personalVolume: number, legVolumes: readonly number[], thresholds: readonly number[], rates: readonly number[]): number {
  checkSchedule(thresholds, rates);
  let group = personalVolume;
  for (const leg of legVolumes) group += leg;
  if (!finite(group)) throw outOfRange("the group volume passes the largest number a spreadsheet can hold");
  const rate = rateAt(group, thresholds, rates);
  let bonus = rate * personalVolume;
  for (const leg of legVolumes) bonus += breakawayShare(rate, rateAt(leg, thresholds, rates), leg);
  return bonus;
}

/**
 * What a member at `rate` earns on one leg of `legVolume` whose own rate is `legRate`: the
 * difference when positive, worked as the member's bonus on the leg less the leg's own; a leg at
 * or above the member's rate has broken away and pays nothing.
 */
export function breakawayShare(rate: number, legRate: number, legVolume: number): number {
  return legRate < rate ? rate * legVolume - legRate * legVolume : 0;
}

/**
 * The stair-step rate of every group volume that is a whole number of `unit`s, 0 to `count` units:
 * table[k] = the rate of k x unit, as STAIRSTEP finds it. The simulation's group volumes are whole
 * numbers of members' volumes, so one lookup replaces a search per member per month. One sweep up
 * the thresholds, since the rate of a larger volume is never that of a lower threshold.
 */
export function stairStepRateTable(unit: number, count: number, thresholds: readonly number[], rates: readonly number[]): Float64Array {
  checkSchedule(thresholds, rates);
  const table = new Float64Array(count + 1);
  let reached = 0; // thresholds reached by the current volume
  for (let k = 0; k <= count; k++) {
    const volume = k * unit;
    while (reached < thresholds.length && reaches(volume, thresholds[reached])) reached++;
    table[k] = reached === 0 ? 0 : rates[reached - 1];
  }
  return table;
}

/**
 * What each upline earns on one sale of `volume`, from the seller's sponsor upward: volume x (its
 * rate - the highest rate below it), never negative; in total volume x the highest rate.
 * DIFFERENTIAL(100, {10%, 15%, 19%, 21%}) = 10, 5, 4, 2.
 */
export function differential(volume: number, uplineRates: readonly number[]): number[] {
  const pay: number[] = [];
  let highest = 0;
  for (const rate of uplineRates) {
    if (rate > highest) {
      // volume x rate less volume x highest, as a statement shows it: 100 x 15% - 100 x 10% is 5.
      pay.push(volume * rate - volume * highest);
      highest = rate;
    } else pay.push(0);
  }
  return pay;
}
