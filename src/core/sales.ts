import { outOfRange } from "./errors";
import { wholeUp } from "./rounding";

/**
 * Sales and funnel math. Inputs arrive already validated against their domains (see domains.ts);
 * what is checked here is only what a single input cannot show: goals that can never be reached.
 */

/** Whole sales to earn `incomeGoal` at `price` when you keep `commissionRate` of each sale. */
export function salesNeeded(incomeGoal: number, price: number, commissionRate = 1): number {
  return wholeUp(incomeGoal / (price * commissionRate));
}

/** Whole leads to close `sales` at `closeRate`. */
export function leadsNeeded(sales: number, closeRate: number): number {
  return wholeUp(sales / closeRate);
}

/**
 * The count needed at each stage of a funnel, top first, ending with the sales goal. rates[i] is
 * the share of stage i that reaches stage i + 1; each stage is rounded up before the one above it
 * is worked out, because you cannot half-reach a person.
 * FUNNEL(14, {0.1, 0.35, 0.5, 0.4}) = 2000, 200, 70, 35, 14.
 */
export function funnel(salesGoal: number, rates: readonly number[]): number[] {
  const stages = new Array<number>(rates.length + 1);
  stages[rates.length] = salesGoal;
  for (let i = rates.length - 1; i >= 0; i--) stages[i] = wholeUp(stages[i + 1] / rates[i]);
  return stages;
}

/** Whole units to cover `fixedCosts` when each unit earns price - unitCost. */
export function breakEvenUnits(fixedCosts: number, price: number, unitCost: number): number {
  if (price <= unitCost) throw outOfRange(`price ${price} does not exceed unit cost ${unitCost}: no number of sales breaks even`);
  return wholeUp(fixedCosts / (price - unitCost));
}

/** Fewest whole months until current x (1 + growth)^n reaches goal; 0 when already there. */
export function monthsToGoal(currentMonthly: number, goalMonthly: number, monthlyGrowth: number): number {
  if (currentMonthly >= goalMonthly) return 0;
  if (currentMonthly <= 0) throw outOfRange("income of 0 never grows to the goal");
  if (monthlyGrowth <= 0) throw outOfRange("without growth the goal is never reached");
  const months = wholeUp(Math.log(goalMonthly / currentMonthly) / Math.log1p(monthlyGrowth));
  if (!Number.isFinite(months)) throw outOfRange("the goal is out of reach at this growth");
  return months;
}

/** Income before tax and expenses that leaves `netIncome`: net / (1 - tax) + expenses. */
export function grossUp(netIncome: number, taxRate: number, expenses = 0): number {
  return netIncome / (1 - taxRate) + expenses;
}

/**
 * A mailing list month by month: each month keeps (1 - churn) of last month's subscribers and adds
 * the new ones. Subscribers are an expectation, so they are not rounded.
 */
export function listGrowth(newPerMonth: number, months: number, monthlyChurn = 0, startSubscribers = 0): Array<[number, number]> {
  const rows: Array<[number, number]> = [];
  let subscribers = startSubscribers;
  for (let month = 1; month <= months; month++) {
    subscribers = subscribers * (1 - monthlyChurn) + newPerMonth;
    rows.push([month, subscribers]);
  }
  return rows;
}
