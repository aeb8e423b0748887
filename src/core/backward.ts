import { LEVELS } from "./domains";
import { downline, levelPay } from "./downline";
import { DomainError, outOfRange } from "./errors";
import { projectionMonths } from "./growth";
import { WHOLE_TOLERANCE, WHOLE_TOLERANCE_CAP, wholeUp } from "./rounding";

/**
 * The backward questions: start from the monthly income you want and work back to the people it
 * takes. Each answer is found with the forward rule it inverts (DOWNLINE + LEVELPAY, PROJECTION),
 * never with a second copy of that rule, so feeding the answer back into the forward function
 * always reaches the goal. Inputs arrive already validated against their domains (domains.ts).
 */

const finite = Number.isFinite;
const { min, pow, max, sqrt } = Math;

/** What the business must pay each month: the income wanted plus what staying in costs. */
function monthlyNeed(goalMonthly: number, monthlyCost: number): number {
  const need = goalMonthly + monthlyCost;
  if (!finite(need)) throw outOfRange("the goal plus the cost passes the largest number a spreadsheet can hold");
  return need;
}

/**
 * Whole team members whose monthly volume pays the goal plus the cost at a payout rate:
 * (goal + cost) / (volume x rate), rounded up with the usual tolerance (rounding.ts).
 * TEAMNEEDED(3000, 100, 0.1) = 3000 / 10 = 300; with a cost of 150, 3150 / 10 = 315.
 */
export function teamNeeded(goalMonthly: number, volumePerMember: number, payoutRate: number, monthlyCost = 0): number {
  const need = monthlyNeed(goalMonthly, monthlyCost);
  if (need === 0) return 0;
  const perMember = volumePerMember * payoutRate;
  if (perMember === 0)
    throw outOfRange(
      volumePerMember === 0 ? "a volume of 0 pays nothing, so no team reaches the goal" : "a payout rate of 0 pays nothing, so no team reaches the goal"
    );
  const members = wholeUp(need / perMember);
  if (!finite(members)) throw outOfRange("the team needed passes the largest number a spreadsheet can hold");
  return members;
}

/**
 * True when `pay` covers `need`, allowing the floating-point noise that whole-number rounding allows
 * (a billionth, capped), but relative only: money has no whole unit, so a tiny need is never covered by 0.
 */
function covers(pay: number, need: number): boolean {
  return pay >= need - min(WHOLE_TOLERANCE * need, WHOLE_TOLERANCE_CAP);
}

/** LEVELPAY on a downline, where a pay too large for a number certainly covers any finite goal. */
function payOrInfinity(levelMembers: number[], volumePerMember: number, levelRates: readonly number[]): number {
  try {
    return levelPay(levelMembers, volumePerMember, levelRates);
  } catch (e) {
    if (e instanceof DomainError && e.kind === "range") return Infinity;
    throw e;
  }
}

/**
 * The fewest levels of a full downline (DOWNLINE with no cap) whose unilevel pay (LEVELPAY) covers
 * the goal plus the cost, and the members in those levels (an expectation, not rounded, like
 * DOWNLINE's). Levels are tried one at a time up to the rated levels (at most 100, as DOWNLINE).
 * A goal and cost of 0 need no downline: 0 levels, 0 members.
 * (3000, 3, 100, {0.1, 0.05 x 6}): 3 x 10 + 9 x 5 + 27 x 5 + 81 x 5 + 243 x 5 = 1830 < 3000, and the
 * sixth level adds 729 x 5 = 3645: 6 levels, 3 + 9 + 27 + 81 + 243 + 729 = 1092 members.
 */
export function levelsNeeded(
  goalMonthly: number,
  recruitsPerMember: number,
  volumePerMember: number,
  levelRates: readonly number[],
  retention = 1,
  monthlyCost = 0
): [number, number] {
  const need = monthlyNeed(goalMonthly, monthlyCost);
  if (need === 0) return [0, 0];
  const rated = min(levelRates.length, LEVELS.hi);
  for (let levels = 1; levels <= rated; levels++) {
    // Each try is DOWNLINE(recruits, levels, retention) and LEVELPAY on its members column: at most
    // 100 levels, so at most 5050 rows in all. LEVELPAY's rates beyond the levels find nobody to pay on.
    const rows = downline(recruitsPerMember, levels, retention);
    const pay = payOrInfinity(
      rows.map((r) => r[1]),
      volumePerMember,
      levelRates
    );
    if (covers(pay, need)) return [levels, rows[levels - 1][2]];
  }
  throw outOfRange(
    levelRates.length > LEVELS.hi
      ? `even ${LEVELS.hi} full levels do not pay ${need} a month at these rates`
      : `all ${rated} rated level${rated === 1 ? "" : "s"} together do not pay ${need} a month: add levels, recruits or volume`
  );
}

/** Most halvings of the search interval: far more than the ~65 a double needs in practice, and a bound on the work. */
export const MAX_BISECTIONS = 2000;
/** Points tried on the way up when recruiting faster can lower the net (a cap and attrition together). */
const SCAN_POINTS = 256;

/**
 * The fewest recruits per member per month with which PROJECTION's net in month `months` reaches the
 * goal, as close as a double gets (the issue asks a relative 1e-9): the answer reaches it, and the
 * next smaller number does not, so an exact answer such as 300 shows as 300, not 300.0000002.
 *
 * Without a cap, or without attrition, the net in any month grows with recruiting (each month's
 * team is last month's x (1 - attrition + recruits) + recruits, or the market fills monotonically),
 * so bisection finds the one crossing. The search runs between a rate that cannot reach it,
 * (1 + team needed)^(1 / months) - 1 (the team of a world with no attrition and no cap), and one
 * that must: the team needed itself with no cap (month 1 alone brings that many), the cap with one
 * (past it month 1 fills the whole market and faster recruiting changes nothing).
 *
 * With a cap and attrition together, recruiting faster can lower a late month's net: the market
 * fills early, then attrition drains the team. The rates are then tried on the way up (a geometric
 * scan of 256 points between the same bounds) and the first that reaches the goal is refined by
 * bisection against the point before it. #NUM! when no rate reaches it: a cap too small, a payout
 * of 0, attrition that drains the team faster than the market allows it to grow.
 */
export function recruitsNeeded(
  goalMonthly: number,
  months: number,
  volumePerMember: number,
  payoutRate: number,
  monthlyCost = 0,
  monthlyAttrition = 0,
  populationCap?: number
): number {
  const net = (recruits: number): number => netInMonth(recruits, months, volumePerMember, payoutRate, monthlyCost, monthlyAttrition, populationCap);
  if (net(0) >= goalMonthly) return 0; // nothing to pay: no recruiting needed
  // The team that pays the goal, unrounded: PROJECTION's team is an expectation.
  const need = monthlyNeed(goalMonthly, monthlyCost);
  const perMember = volumePerMember * payoutRate;
  if (perMember === 0)
    throw outOfRange(
      volumePerMember === 0
        ? "a volume of 0 pays nothing, so no recruiting reaches the goal"
        : "a payout rate of 0 pays nothing, so no recruiting reaches the goal"
    );
  const team = need / perMember;
  if (!finite(team)) throw outOfRange("the team needed passes the largest number a spreadsheet can hold");
  const cap = populationCap ?? Infinity;
  if (team > cap - 1) throw outOfRange(`the goal needs a team of ${team}, more than a market of ${cap} (you included) can hold`);

  // Below `low` even a world with no attrition and no cap grows a team of fewer than `team` by month `months`.
  const low = max(0, pow(1 + team, 1 / months) - 1);
  const high = cap === Infinity ? team : max(cap, low);
  const unreachable = () => outOfRange(`no recruiting rate reaches ${goalMonthly} a month by month ${months}: the market is too small or attrition too high`);

  if (cap === Infinity || monthlyAttrition === 0) return bisect(net, goalMonthly, low, reaching(net, goalMonthly, high, unreachable));
  // A cap and attrition: scan upward, geometrically from `low` (or from a small share of `high`),
  // and last the upper bound itself.
  const start = low > 0 ? low : high * 1e-12;
  const ratio = pow(high / start, 1 / SCAN_POINTS);
  let below = low;
  for (let i = 0; i < SCAN_POINTS; i++) {
    const r = start * pow(ratio, i);
    if (net(r) >= goalMonthly) return bisect(net, goalMonthly, below, r);
    below = r;
  }
  return bisect(net, goalMonthly, below, reaching(net, goalMonthly, high, unreachable));
}

/**
 * `high`, or the least of a few numbers just above it, whose net reaches the goal. In exact
 * arithmetic `high` does (month 1 alone brings the team needed, or fills the market), but rounding
 * can leave its net a few units in the last place under the goal, above all when a cost is added to
 * the goal and taken off the commission again: RECRUITSNEEDED(473.38, 1, 9.49, 0.2, 39.42) was once
 * #NUM! although 270.18 recruits reach it. Tries high x (1 + 2^-52), (1 + 2^-51), ... up to twice
 * high (at most 53 PROJECTIONs), then gives up: no rate reaches the goal.
 */
function reaching(net: (r: number) => number, goal: number, high: number, unreachable: () => Error): number {
  let r = high;
  for (let step = Number.EPSILON; net(r) < goal; step *= 2) {
    if (step > 1) throw unreachable();
    r = high * (1 + step);
  }
  return r;
}

/**
 * PROJECTION's net in its last month: that month's commission less the cost, as PROJECTION computes
 * it. The team does not depend on the cost, so the projection runs without it: a cost so large that
 * the cumulative net overflows must not read as a team that pays any goal (it once made
 * RECRUITSNEEDED(1, 12, 1, 1, 1e308) answer 0). A team too large for a number certainly reaches any
 * finite goal.
 */
function netInMonth(recruits: number, months: number, volume: number, payout: number, cost: number, attrition: number, cap?: number): number {
  try {
    return projectionMonths(recruits, months, volume, payout, 0, attrition, cap)[months - 1].commission - cost;
  } catch (e) {
    if (e instanceof DomainError && e.kind === "range") return Infinity;
    throw e;
  }
}

/**
 * The crossing between `lo` (the net falls short) and `hi` (it reaches the goal), as close as doubles
 * allow: halves the interval until no number lies between its ends, and returns the side that reaches
 * it. Assumes one crossing between them: the net falls short below it and reaches the goal above it.
 */
function bisect(net: (r: number) => number, goal: number, lo: number, hi: number): number {
  for (let i = 0; i < MAX_BISECTIONS; i++) {
    // Halve the ratio while the ends are far apart (the answer may be 1e-6 of the upper bound),
    // then the difference: about 65 tries for any bounds a double can hold.
    const mid = lo > 0 && hi > 2 * lo ? sqrt(lo) * sqrt(hi) : lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break; // no number between the ends
    if (net(mid) >= goal) hi = mid;
    else lo = mid;
  }
  return hi;
}
