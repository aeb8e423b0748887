import { BASIS, AMOUNT, WEEKS_OFF, WORKDAYS_PER_WEEK } from "../core/domains";
import { breakdown, convertGoal } from "../core/periods";
import { define, number, optional, period } from "./runner";

// The calendar arguments shared by every goal conversion, declared once.
const calendar = [
  optional(number("basis", BASIS), 0),
  optional(number("workdays_per_week", WORKDAYS_PER_WEEK), 5),
  optional(number("weeks_off", WEEKS_OFF), 0),
] as const;

const GOAL = define(
  "GOAL",
  [number("amount", AMOUNT), period("from_period"), period("to_period"), ...calendar],
  (amount, from, to, basis, workdaysPerWeek, weeksOff) => convertGoal(amount, from, to, { basis: basis as 0 | 1, workdaysPerWeek, weeksOff })
);

const BREAKDOWN = define(
  "BREAKDOWN",
  [number("amount", AMOUNT), optional(period("from_period"), "year"), ...calendar],
  (amount, from, basis, workdaysPerWeek, weeksOff) => breakdown(amount, from, { basis: basis as 0 | 1, workdaysPerWeek, weeksOff })
);

/**
 * Converts an income goal from one period to another through its yearly figure: 3000 a month is 100 a day.
 * @customfunction GOAL
 * @helpurl https://localhost:3000/help.html#GOAL
 * @param amount The goal amount, 0 or more.
 * @param from_period The period the amount is for: year, quarter, month, week, day or workday.
 * @param to_period The period to express it in: year, quarter, month, week, day or workday.
 * @param [basis] Day count: 0 (default) a 360-day year of 30-day months; 1 a 365-day year.
 * @param [workdays_per_week] Working days a week, more than 0 and at most 7 (default 5).
 * @param [weeks_off] Weeks a year not worked, 0 to under 52 (default 0).
 * @returns The amount per toPeriod.
 */
export function goal(amount: number, from_period: string, to_period: string, basis?: number, workdays_per_week?: number, weeks_off?: number): number {
  return GOAL(arguments) as number;
}

/**
 * Breaks a goal down into every period: year, quarter, month, week, day and workday.
 * @customfunction BREAKDOWN
 * @helpurl https://localhost:3000/help.html#BREAKDOWN
 * @param amount The goal amount, 0 or more.
 * @param [from_period] The period the amount is for (default year).
 * @param [basis] Day count: 0 (default) a 360-day year; 1 a 365-day year.
 * @param [workdays_per_week] Working days a week, more than 0 and at most 7 (default 5).
 * @param [weeks_off] Weeks a year not worked, 0 to under 52 (default 0).
 * @returns Six rows of period and amount.
 */
export function breakdownTable(amount: number, from_period?: string, basis?: number, workdays_per_week?: number, weeks_off?: number): any[][] {
  return BREAKDOWN(arguments) as any[][];
}
