import { AMOUNT, CAP, COUNT, LEVELS, MEMBERS, MONTHS, RECRUITS, SHARE, WIDTH } from "../core/domains";
import { downline, levelPay, matrix } from "../core/downline";
import { growth, projection } from "../core/growth";
import { define, list, number, optional } from "./runner";

// A population cap is optional and has no number that means "none": omitted, it stays undefined.
const populationCap = optional<number | undefined>(number("population_cap", CAP), undefined);
const attrition = optional(number("monthly_attrition", SHARE), 0);

const DOWNLINE = define(
  "DOWNLINE",
  [number("recruits_per_member", RECRUITS), number("levels", LEVELS), optional(number("retention", SHARE), 1), populationCap],
  downline
);
const MATRIX = define("MATRIX", [number("width", WIDTH), number("depth", LEVELS), optional<number | undefined>(number("members", COUNT), undefined)], matrix);
// No downline yet is a real state (it pays 0); the plan's level rates must be there.
const LEVELPAY = define(
  "LEVELPAY",
  [list("level_members", MEMBERS, { mayBeEmpty: true }), number("volume_per_member", AMOUNT), list("level_rates", SHARE)],
  levelPay
);
const DOWNLINEGROWTH = define(
  "DOWNLINEGROWTH",
  [number("recruits_per_member_per_month", RECRUITS), number("months", MONTHS), attrition, populationCap, optional(number("start_members", COUNT), 1)],
  growth
);
const PROJECTION = define(
  "PROJECTION",
  [
    number("recruits_per_member_per_month", RECRUITS),
    number("months", MONTHS),
    number("volume_per_member", AMOUNT),
    number("payout_rate", SHARE),
    optional(number("monthly_cost", AMOUNT), 0),
    attrition,
    populationCap,
  ],
  projection
);

/**
 * How a downline fills level by level when everyone recruits the same number and a share of them stays.
 * @customfunction DOWNLINE
 * @helpurl https://localhost:3000/help.html#DOWNLINE
 * @param recruits_per_member People each member sponsors, 0 or more (an average, so fractions are fine).
 * @param levels Levels to show, a whole number from 1 to 100 (level 1 is the people you sponsor).
 * @param [retention] The share of recruits who stay, 0 to 1 (default 1: all stay).
 * @param [population_cap] Most people there are to recruit, above 0: the level that would pass it gets only what is left, deeper levels 0 (default: no cap).
 * @returns Rows of level, members at that level and cumulative members.
 */
export function downlineTable(recruits_per_member: number, levels: number, retention?: number, population_cap?: number): number[][] {
  return DOWNLINE(arguments) as number[][];
}

/**
 * A forced matrix filled level by level (spillover): the positions each level holds and how many are filled.
 * @customfunction MATRIX
 * @helpurl https://localhost:3000/help.html#MATRIX
 * @param width Positions directly under each member, a whole number of 1 or more.
 * @param depth Levels of the matrix, a whole number from 1 to 100.
 * @param [members] People placed in the matrix, a whole number of 0 or more (default: full; more than it holds fills it).
 * @returns Rows of level, capacity (width to the power of the level) and positions filled.
 */
export function matrixTable(width: number, depth: number, members?: number): number[][] {
  return MATRIX(arguments) as number[][];
}

/**
 * A unilevel commission: the sum over levels of members x volume per member x that level's rate.
 * @customfunction LEVELPAY
 * @helpurl https://localhost:3000/help.html#LEVELPAY
 * @param level_members Members at each level, level 1 first, as a row or a column (a column of DOWNLINE or MATRIX); blank or empty with no downline yet.
 * @param volume_per_member Sales volume of each member, 0 or more.
 * @param level_rates The commission rate of each level, level 1 first, each 0 to 1; levels beyond the rates pay nothing.
 * @returns The total commission.
 */
export function levelPayFn(level_members: any[][], volume_per_member: number, level_rates: any[][]): number {
  return LEVELPAY(arguments) as number;
}

/**
 * A downline month by month with attrition and a saturating market: new, dropped, active and total joined.
 * @customfunction DOWNLINEGROWTH
 * @helpurl https://localhost:3000/help.html#DOWNLINEGROWTH
 * @param recruits_per_member_per_month New members each active member brings in a month, 0 or more.
 * @param months Months to show, a whole number from 1 to 1200.
 * @param [monthly_attrition] The share of active members who drop out each month, 0 to 1 (default 0).
 * @param [population_cap] Most people who can ever join, above 0: recruiting slows as it fills (default: no cap).
 * @param [start_members] Members at the start, a whole number of 0 or more (default 1).
 * @returns Rows of month, new, dropped, active and total joined.
 */
export function downlineGrowthTable(
  recruits_per_member_per_month: number,
  months: number,
  monthly_attrition?: number,
  population_cap?: number,
  start_members?: number
): number[][] {
  return DOWNLINEGROWTH(arguments) as number[][];
}

/**
 * What your own team earns you month by month: team size, team volume, commission, cost, net and cumulative net.
 * @customfunction PROJECTION
 * @helpurl https://localhost:3000/help.html#PROJECTION
 * @param recruits_per_member_per_month New members each person (you included) brings in a month, 0 or more.
 * @param months Months to show, a whole number from 1 to 1200.
 * @param volume_per_member Monthly sales volume of each team member, 0 or more.
 * @param payout_rate The share of team volume paid to you, 0 to 1.
 * @param [monthly_cost] What staying in costs you each month, 0 or more (default 0).
 * @param [monthly_attrition] The share of your team who drop out each month, 0 to 1 (default 0).
 * @param [population_cap] Most people who can ever join, you included, above 0 (default: no cap).
 * @returns Rows of month, team, team volume, commission, cost, net and cumulative net.
 */
export function projectionTable(
  recruits_per_member_per_month: number,
  months: number,
  volume_per_member: number,
  payout_rate: number,
  monthly_cost?: number,
  monthly_attrition?: number,
  population_cap?: number
): number[][] {
  return PROJECTION(arguments) as number[][];
}
