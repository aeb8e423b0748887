import { AMOUNT, COUNT, GROWTH_RATE, MONTHS, PRICE, RATE, SHARE, TAX_RATE } from "../core/domains";
import { breakEvenUnits, funnel, grossUp, leadsNeeded, listGrowth, monthsToGoal, salesNeeded } from "../core/sales";
import { define, list, number, optional } from "./runner";

const SALESNEEDED = define("SALESNEEDED", [number("income_goal", AMOUNT), number("price", PRICE), optional(number("commission_rate", RATE), 1)], salesNeeded);
const FUNNEL = define("FUNNEL", [number("sales_goal", COUNT), list("conversion_rates", RATE)], (sales, rates) => funnel(sales, rates).map((n) => [n]));
const LEADSNEEDED = define("LEADSNEEDED", [number("sales", COUNT), number("close_rate", RATE)], leadsNeeded);
const BREAKEVEN = define("BREAKEVEN", [number("fixed_costs", AMOUNT), number("price", PRICE), number("unit_cost", AMOUNT)], breakEvenUnits);
const MONTHSTOGOAL = define(
  "MONTHSTOGOAL",
  [number("current_monthly", AMOUNT), number("goal_monthly", AMOUNT), number("monthly_growth", GROWTH_RATE)],
  monthsToGoal
);
const GROSSUP = define("GROSSUP", [number("net_income", AMOUNT), number("tax_rate", TAX_RATE), optional(number("expenses", AMOUNT), 0)], grossUp);
const LISTGROWTH = define(
  "LISTGROWTH",
  [number("new_per_month", AMOUNT), number("months", MONTHS), optional(number("monthly_churn", SHARE), 0), optional(number("start_subscribers", AMOUNT), 0)],
  listGrowth
);

/**
 * Whole sales needed to reach an income goal at a price, keeping a commission rate of each sale.
 * @customfunction SALESNEEDED
 * @helpurl https://localhost:3000/help.html#SALESNEEDED
 * @param income_goal The income to reach, 0 or more.
 * @param price The price of one sale, above 0.
 * @param [commission_rate] The share of the price you keep, above 0 and at most 1 (default 1: you keep it all).
 * @returns Whole sales, rounded up.
 */
export function salesNeededFn(income_goal: number, price: number, commission_rate?: number): number {
  return SALESNEEDED(arguments) as number;
}

/**
 * How many people each stage of a funnel needs to end with a number of sales, top of the funnel first.
 * @customfunction FUNNEL
 * @helpurl https://localhost:3000/help.html#FUNNEL
 * @param sales_goal Whole sales wanted at the bottom of the funnel.
 * @param conversion_rates The share of each stage that reaches the next, top to bottom, as a row or a column (each above 0, at most 1).
 * @returns A column of whole counts, top stage first, ending with the sales goal.
 */
export function funnelFn(sales_goal: number, conversion_rates: any[][]): number[][] {
  return FUNNEL(arguments) as number[][];
}

/**
 * Whole leads needed to close a number of sales.
 * @customfunction LEADSNEEDED
 * @helpurl https://localhost:3000/help.html#LEADSNEEDED
 * @param sales Whole sales wanted.
 * @param close_rate The share of leads that buy, above 0 and at most 1.
 * @returns Whole leads, rounded up.
 */
export function leadsNeededFn(sales: number, close_rate: number): number {
  return LEADSNEEDED(arguments) as number;
}

/**
 * Whole units to sell to cover fixed costs, when each unit earns its price less its unit cost.
 * @customfunction BREAKEVEN
 * @helpurl https://localhost:3000/help.html#BREAKEVEN
 * @param fixed_costs Fixed costs to cover, 0 or more.
 * @param price The price of one unit, above 0.
 * @param unit_cost The cost of one unit, 0 or more; must be below the price.
 * @returns Whole units, rounded up.
 */
export function breakEvenFn(fixed_costs: number, price: number, unit_cost: number): number {
  return BREAKEVEN(arguments) as number;
}

/**
 * Fewest whole months until a monthly income growing at a steady rate reaches a goal.
 * @customfunction MONTHSTOGOAL
 * @helpurl https://localhost:3000/help.html#MONTHSTOGOAL
 * @param current_monthly Income per month now, 0 or more.
 * @param goal_monthly Income per month wanted.
 * @param monthly_growth Growth per month as a fraction (0.1 is 10%).
 * @returns Whole months; 0 if the goal is already met.
 */
export function monthsToGoalFn(current_monthly: number, goal_monthly: number, monthly_growth: number): number {
  return MONTHSTOGOAL(arguments) as number;
}

/**
 * Income to earn before tax and expenses so that a net income is left: net / (1 - tax) + expenses.
 * @customfunction GROSSUP
 * @helpurl https://localhost:3000/help.html#GROSSUP
 * @param net_income The income wanted after tax, 0 or more.
 * @param tax_rate The tax rate, 0 or more and below 1.
 * @param [expenses] Deductible business expenses (default 0).
 * @returns The gross income needed.
 */
export function grossUpFn(net_income: number, tax_rate: number, expenses?: number): number {
  return GROSSUP(arguments) as number;
}

/**
 * An email list month by month: each month keeps (1 - churn) of the list and adds the new subscribers.
 * @customfunction LISTGROWTH
 * @helpurl https://localhost:3000/help.html#LISTGROWTH
 * @param new_per_month New subscribers each month, 0 or more.
 * @param months Whole months to show, 1 to 1200.
 * @param [monthly_churn] The share of the list lost each month, 0 to 1 (default 0).
 * @param [start_subscribers] Subscribers at the start (default 0).
 * @returns Rows of month and subscribers.
 */
export function listGrowthFn(new_per_month: number, months: number, monthly_churn?: number, start_subscribers?: number): number[][] {
  return LISTGROWTH(arguments) as number[][];
}
