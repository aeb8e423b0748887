import { AMOUNT, ANY_NUMBER, MONTHS, NETWORK_SIZE, RECRUITS, SEED, SHARE, SPREAD } from "../core/domains";
import { CompPlan, DEFAULT_SEED, NetworkParams, REPORTS, Report, reportRows, simulatePlanMembersAsync } from "../core/simulate";
import { cancelation, choice, define, list, number, optional } from "./runner";

/** Pause for the event loop this often during a large run, so Excel stays responsive. */
const YIELD_EVERY_MS = 50;

/**
 * What the four SIMULATE functions share: the market and its dynamics first, then (after each
 * plan's own parameters) the money, and at the end the optional seed, spread, goal and report.
 */
export const NETWORK_FIRST = [
  number("members", NETWORK_SIZE),
  number("months", MONTHS),
  number("recruits_per_member_per_month", RECRUITS),
  number("monthly_attrition", SHARE),
  number("volume_per_member", AMOUNT),
] as const;

export const MONTHLY_COST = number("monthly_cost", AMOUNT);

export const OPTIONS_LAST = [
  optional(number("seed", SEED), DEFAULT_SEED),
  optional(number("recruiting_spread", SPREAD), 0),
  optional<number | undefined>(number("goal", ANY_NUMBER), undefined),
  optional<Report>(choice("report", REPORTS), "summary"),
  cancelation(),
] as const;

/** Runs one plan without holding Excel, stopping when Excel cancels, and spills the report asked for. */
export function runSimulation(
  [members, months, recruits, attrition, volume]: readonly number[],
  cost: number,
  plan: CompPlan,
  seed: number,
  spread: number,
  goal: number | undefined,
  report: Report,
  isCanceled: () => boolean
): Promise<Array<Array<number | string>>> {
  const network: NetworkParams = {
    members,
    months,
    recruitsPerMemberPerMonth: recruits,
    monthlyAttrition: attrition,
    volumePerMember: volume,
    monthlyCost: cost,
    seed,
    recruitingSpread: spread,
    goal,
  };
  return simulatePlanMembersAsync(network, plan, { yieldEveryMs: YIELD_EVERY_MS, isCanceled }).then((run) => reportRows(run, report));
}

const SIMULATE = define(
  "SIMULATE",
  [...NETWORK_FIRST, list("level_rates", SHARE), MONTHLY_COST, ...OPTIONS_LAST],
  (members, months, recruits, attrition, volume, levelRates, cost, seed, spread, goal, report, isCanceled) =>
    runSimulation([members, months, recruits, attrition, volume], cost, { kind: "unilevel", levelRates }, seed, spread, goal, report, isCanceled)
);

/**
 * The reality check for a unilevel plan: a member-by-member Monte Carlo of a network growing from one founder, with market saturation and attrition, paying level rates; shows what the typical member nets.
 * @customfunction SIMULATE
 * @helpurl https://localhost:3000/help.html#SIMULATE
 * @cancelable
 * @param members Most people the market holds, the founder included: a whole number from 1 to 1,000,000.
 * @param months Months to simulate, 1 to 1200.
 * @param recruits_per_member_per_month Average new recruits each active member brings a month in an empty market, 0 or more; it shrinks as the market fills.
 * @param monthly_attrition Chance that an active member quits in a month, 0 to 1 (the founder never quits).
 * @param volume_per_member Volume each active member sells a month, 0 or more.
 * @param level_rates Commission rate on the volume at level 1 (your recruits), level 2 and so on, each 0 to 1, as a row or a column (1 to 100 levels).
 * @param monthly_cost What each active member pays a month (kit, autoship, fees), 0 or more.
 * @param [seed] Whole number that fixes the random draws: the same seed gives the same answer (default 1).
 * @param [recruiting_spread] How unequal recruiting is, 0 to 100: 0 (default) everyone equally likely to sponsor each recruit; at 4 most recruit no one and a few recruit most.
 * @param [goal] A monthly net income: the summary adds the share of members whose net in the last month reached it.
 * @param [report] "summary" (default), "percentiles" (nets at 1, 5, 10, 25, 50, 75, 90, 95, 99%) or "brackets" (an income-disclosure table).
 * @returns The summary: members joined, active at end, median, mean, 10th and 90th percentile net, share with a profit, top 1% share of commissions, share who recruited no one (and share at goal); or the report asked for.
 */
export function simulateFn(
  members: number,
  months: number,
  recruits_per_member_per_month: number,
  monthly_attrition: number,
  volume_per_member: number,
  level_rates: any[][],
  monthly_cost: number,
  seed: number,
  recruiting_spread: number,
  goal: number,
  report: string,
  invocation: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return SIMULATE(arguments) as Promise<any[][]>;
}
