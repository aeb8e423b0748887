import { AMOUNT, CAP, MONTHS, RECRUITS, SHARE } from "../core/domains";
import { levelsNeeded, recruitsNeeded, teamNeeded } from "../core/backward";
import { define, list, number, optional } from "./runner";

// The backward questions: from the monthly income wanted back to the people it takes.
const cost = optional(number("monthly_cost", AMOUNT), 0);

const TEAMNEEDED = define("TEAMNEEDED", [number("goal_monthly", AMOUNT), number("volume_per_member", AMOUNT), number("payout_rate", SHARE), cost], teamNeeded);
const LEVELSNEEDED = define(
  "LEVELSNEEDED",
  [
    number("goal_monthly", AMOUNT),
    number("recruits_per_member", RECRUITS),
    number("volume_per_member", AMOUNT),
    list("level_rates", SHARE),
    optional(number("retention", SHARE), 1),
    cost,
  ],
  (goal, recruits, volume, rates, retention, monthlyCost) => [levelsNeeded(goal, recruits, volume, rates, retention, monthlyCost)]
);
const RECRUITSNEEDED = define(
  "RECRUITSNEEDED",
  [
    number("goal_monthly", AMOUNT),
    number("months", MONTHS),
    number("volume_per_member", AMOUNT),
    number("payout_rate", SHARE),
    cost,
    optional(number("monthly_attrition", SHARE), 0),
    optional<number | undefined>(number("population_cap", CAP), undefined),
  ],
  recruitsNeeded
);

/**
 * Whole team members whose monthly volume pays an income goal plus your monthly cost at a payout rate.
 * @customfunction TEAMNEEDED
 * @helpurl https://localhost:3000/help.html#TEAMNEEDED
 * @param goal_monthly The income you want each month, 0 or more.
 * @param volume_per_member Monthly sales volume of each team member, 0 or more.
 * @param payout_rate The share of team volume paid to you, 0 to 1.
 * @param [monthly_cost] What staying in costs you each month, 0 or more (default 0); the team pays it too.
 * @returns Whole members: (goal + cost) / (volume x rate), rounded up.
 */
export function teamNeededFn(goal_monthly: number, volume_per_member: number, payout_rate: number, monthly_cost?: number): number {
  return TEAMNEEDED(arguments) as number;
}

/**
 * The fewest levels of a full downline whose unilevel pay covers an income goal plus your cost, and the members in them.
 * @customfunction LEVELSNEEDED
 * @helpurl https://localhost:3000/help.html#LEVELSNEEDED
 * @param goal_monthly The income you want each month, 0 or more.
 * @param recruits_per_member People each member sponsors, 0 or more (an average, so fractions are fine).
 * @param volume_per_member Monthly sales volume of each member, 0 or more.
 * @param level_rates The commission rate of each level, level 1 first, each 0 to 1; only rated levels count (at most 100).
 * @param [retention] The share of recruits who stay, 0 to 1 (default 1: all stay).
 * @param [monthly_cost] What staying in costs you each month, 0 or more (default 0).
 * @returns One row: levels needed and the members in those levels (as BIZ.DOWNLINE counts them).
 */
export function levelsNeededFn(
  goal_monthly: number,
  recruits_per_member: number,
  volume_per_member: number,
  level_rates: any[][],
  retention?: number,
  monthly_cost?: number
): number[][] {
  return LEVELSNEEDED(arguments) as number[][];
}

/**
 * The fewest recruits per member per month with which BIZ.PROJECTION's net reaches an income goal in a given month.
 * @customfunction RECRUITSNEEDED
 * @helpurl https://localhost:3000/help.html#RECRUITSNEEDED
 * @param goal_monthly The net income you want in that month, 0 or more.
 * @param months The month the goal must be reached in, a whole number from 1 to 1200.
 * @param volume_per_member Monthly sales volume of each team member, 0 or more.
 * @param payout_rate The share of team volume paid to you, 0 to 1.
 * @param [monthly_cost] What staying in costs you each month, 0 or more (default 0).
 * @param [monthly_attrition] The share of your team who drop out each month, 0 to 1 (default 0).
 * @param [population_cap] Most people who can ever join, you included, above 0 (default: no cap).
 * @returns Recruits per member per month (an average, to a relative 1e-9).
 */
export function recruitsNeededFn(
  goal_monthly: number,
  months: number,
  volume_per_member: number,
  payout_rate: number,
  monthly_cost?: number,
  monthly_attrition?: number,
  population_cap?: number
): number {
  return RECRUITSNEEDED(arguments) as number;
}
