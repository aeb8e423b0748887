import { AMOUNT, CAP, SHARE, WIDTH } from "../core/domains";
import { MONTHLY_COST, NETWORK_FIRST, OPTIONS_LAST, runSimulation } from "./simulate";
import { define, flag, list, number, optional } from "./runner";

// SIMULATE for the other plan types: the same history (the same people join under the same
// sponsors in the same months and quit in the same months, for the same inputs and seed), paid by
// the plan the user is in. docs/simulate.md has each plan's rules.

const SIMULATEMATRIX = define(
  "SIMULATEMATRIX",
  [...NETWORK_FIRST, number("width", WIDTH), list("level_rates", SHARE), MONTHLY_COST, ...OPTIONS_LAST],
  (members, months, recruits, attrition, volume, width, levelRates, cost, seed, spread, goal, report, isCanceled) =>
    runSimulation([members, months, recruits, attrition, volume], cost, { kind: "matrix", width, levelRates }, seed, spread, goal, report, isCanceled)
);

const SIMULATEBINARY = define(
  "SIMULATEBINARY",
  [
    ...NETWORK_FIRST,
    number("binary_rate", SHARE),
    MONTHLY_COST,
    optional<number | undefined>(number("cap", CAP), undefined),
    optional(flag("flush"), false),
    ...OPTIONS_LAST,
  ],
  (members, months, recruits, attrition, volume, rate, cost, cap, flush, seed, spread, goal, report, isCanceled) =>
    runSimulation([members, months, recruits, attrition, volume], cost, { kind: "binary", rate, cap, flush }, seed, spread, goal, report, isCanceled)
);

const SIMULATESTAIRSTEP = define(
  "SIMULATESTAIRSTEP",
  [...NETWORK_FIRST, list("thresholds", AMOUNT), list("rates", SHARE), MONTHLY_COST, ...OPTIONS_LAST],
  // Thresholds and rates of different lengths, or thresholds out of order, are #VALUE!: STAIRSTEP's rule, checked in core.
  (members, months, recruits, attrition, volume, thresholds, rates, cost, seed, spread, goal, report, isCanceled) =>
    runSimulation([members, months, recruits, attrition, volume], cost, { kind: "stairstep", thresholds, rates }, seed, spread, goal, report, isCanceled)
);

/**
 * The reality check for a forced matrix: the same simulated people as SIMULATE, each new member placed in the first open position under their sponsor (spillover), paid by placement level.
 * @customfunction SIMULATEMATRIX
 * @helpurl https://localhost:3000/help.html#SIMULATEMATRIX
 * @cancelable
 * @param members Most people the market holds, the founder included: a whole number from 1 to 1,000,000.
 * @param months Months to simulate, 1 to 1200.
 * @param recruits_per_member_per_month Average new recruits each active member brings a month in an empty market, 0 or more; it shrinks as the market fills.
 * @param monthly_attrition Chance that an active member quits in a month, 0 to 1 (the founder never quits).
 * @param volume_per_member Volume each active member sells a month, 0 or more.
 * @param width Positions directly under each member, a whole number 1 or more: a new member fills the first open one breadth-first, left to right, under their sponsor.
 * @param level_rates Commission rate on the volume placed 1, 2, ... levels below, each 0 to 1, as a row or a column; the matrix is as deep as the rates (1 to 100).
 * @param monthly_cost What each active member pays a month (kit, autoship, fees), 0 or more.
 * @param [seed] Whole number that fixes the random draws: the same seed gives the same answer (default 1).
 * @param [recruiting_spread] How unequal recruiting is, 0 to 100: 0 (default) everyone equally likely to sponsor each recruit; at 4 most recruit no one and a few recruit most.
 * @param [goal] A monthly net income: the summary adds the share of members whose net in the last month reached it.
 * @param [report] "summary" (default), "percentiles" (nets at 1, 5, 10, 25, 50, 75, 90, 95, 99%) or "brackets" (an income-disclosure table).
 * @returns The same rows as SIMULATE for this plan: the summary, or the report asked for.
 */
export function simulateMatrixFn(
  members: number,
  months: number,
  recruits_per_member_per_month: number,
  monthly_attrition: number,
  volume_per_member: number,
  width: number,
  level_rates: any[][],
  monthly_cost: number,
  seed: number,
  recruiting_spread: number,
  goal: number,
  report: string,
  invocation: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return SIMULATEMATRIX(arguments) as Promise<any[][]>;
}

/**
 * The reality check for a binary plan: the same simulated people as SIMULATE, each placed in the sponsor's weaker leg, paid month by month as BIZ.BINARY pays (carry, weaker leg matched, cap, flush).
 * @customfunction SIMULATEBINARY
 * @helpurl https://localhost:3000/help.html#SIMULATEBINARY
 * @cancelable
 * @param members Most people the market holds, the founder included: a whole number from 1 to 1,000,000.
 * @param months Months to simulate, 1 to 1200.
 * @param recruits_per_member_per_month Average new recruits each active member brings a month in an empty market, 0 or more; it shrinks as the market fills.
 * @param monthly_attrition Chance that an active member quits in a month, 0 to 1 (the founder never quits).
 * @param volume_per_member Volume each active member sells a month, 0 or more.
 * @param binary_rate Paid per unit of matched volume each month, 0 to 1 (0.1 is 10% of the weaker leg).
 * @param monthly_cost What each active member pays a month (kit, autoship, fees), 0 or more.
 * @param [cap] Most commission a member is paid a month, above 0 (default: no cap).
 * @param [flush] TRUE: when capped, all matched volume leaves both legs; FALSE (default): only the volume paid on leaves, the rest carries.
 * @param [seed] Whole number that fixes the random draws: the same seed gives the same answer (default 1).
 * @param [recruiting_spread] How unequal recruiting is, 0 to 100: 0 (default) everyone equally likely to sponsor each recruit; at 4 most recruit no one and a few recruit most.
 * @param [goal] A monthly net income: the summary adds the share of members whose net in the last month reached it.
 * @param [report] "summary" (default), "percentiles" (nets at 1, 5, 10, 25, 50, 75, 90, 95, 99%) or "brackets" (an income-disclosure table).
 * @returns The same rows as SIMULATE for this plan: the summary, or the report asked for.
 */
export function simulateBinaryFn(
  members: number,
  months: number,
  recruits_per_member_per_month: number,
  monthly_attrition: number,
  volume_per_member: number,
  binary_rate: number,
  monthly_cost: number,
  cap: number,
  flush: boolean,
  seed: number,
  recruiting_spread: number,
  goal: number,
  report: string,
  invocation: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return SIMULATEBINARY(arguments) as Promise<any[][]>;
}

/**
 * The reality check for a stair-step breakaway plan: the same simulated people as SIMULATE, each paid month by month as BIZ.STAIRSTEP pays on their group volume and legs.
 * @customfunction SIMULATESTAIRSTEP
 * @helpurl https://localhost:3000/help.html#SIMULATESTAIRSTEP
 * @cancelable
 * @param members Most people the market holds, the founder included: a whole number from 1 to 1,000,000.
 * @param months Months to simulate, 1 to 1200.
 * @param recruits_per_member_per_month Average new recruits each active member brings a month in an empty market, 0 or more; it shrinks as the market fills.
 * @param monthly_attrition Chance that an active member quits in a month, 0 to 1 (the founder never quits).
 * @param volume_per_member Volume each active member sells a month, 0 or more.
 * @param thresholds Monthly group volumes where each rate starts, ascending (each 0 or more).
 * @param rates The rate earned from each threshold, each 0 to 1, as many as the thresholds.
 * @param monthly_cost What each active member pays a month (kit, autoship, fees), 0 or more.
 * @param [seed] Whole number that fixes the random draws: the same seed gives the same answer (default 1).
 * @param [recruiting_spread] How unequal recruiting is, 0 to 100: 0 (default) everyone equally likely to sponsor each recruit; at 4 most recruit no one and a few recruit most.
 * @param [goal] A monthly net income: the summary adds the share of members whose net in the last month reached it.
 * @param [report] "summary" (default), "percentiles" (nets at 1, 5, 10, 25, 50, 75, 90, 95, 99%) or "brackets" (an income-disclosure table).
 * @returns The same rows as SIMULATE for this plan: the summary, or the report asked for.
 */
export function simulateStairStepFn(
  members: number,
  months: number,
  recruits_per_member_per_month: number,
  monthly_attrition: number,
  volume_per_member: number,
  thresholds: any[][],
  rates: any[][],
  monthly_cost: number,
  seed: number,
  recruiting_spread: number,
  goal: number,
  report: string,
  invocation: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return SIMULATESTAIRSTEP(arguments) as Promise<any[][]>;
}
