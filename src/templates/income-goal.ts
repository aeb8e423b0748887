import { AMOUNT, BASIS, GROWTH_RATE, WEEKS_OFF, WORKDAYS_PER_WEEK } from "../core/domains";
import { DomainError } from "../core/errors";
import { shareOf } from "../core/hours";
import { Calendar, PERIODS, Period, convertGoal, parsePeriod, perYear } from "../core/periods";
import { monthsToGoal, salesNeeded } from "../core/sales";
import { SheetBuilder, WHOLE_UP_NOTE, cell, num, range, text, wholeUpFormula } from "./layout";
import { InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/** A product or service at a price, with the share of the price you keep. */
export interface PricePoint {
  readonly product: string;
  readonly price: number;
  readonly commissionRate: number;
}

/** Examples a user types over: a product sold on commission, a starter kit, a service kept whole. */
export const DEFAULT_PRICE_POINTS: readonly PricePoint[] = [
  { product: "Single product", price: 40, commissionRate: 0.25 },
  { product: "Starter kit", price: 250, commissionRate: 0.2 },
  { product: "Coaching package", price: 1500, commissionRate: 1 },
];

/** The day-count basis in words: 0 and 1 as BIZ.GOAL's basis argument takes them. */
export const DAY_COUNTS = [
  { value: 0, label: "360-day year (30-day months)" },
  { value: 1, label: "365-day year" },
] as const;

/** The text MonthsToReplace shows when the business income never grows to the job's. */
export const NEVER = "Never";

const inputs: readonly InputField[] = [
  {
    name: "GoalAmount",
    label: "Income goal",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 36000,
    help: "What you want the business to earn, before tax, in the goal period.",
  },
  {
    name: "GoalPeriod",
    label: "Goal period",
    kind: "choice",
    choices: PERIODS.map((p) => p.period),
    format: "text",
    default: "year",
    help: "The period the goal is for: year, quarter, month, week, day or workday.",
  },
  {
    name: "Basis",
    label: "Day count",
    kind: "number",
    domain: BASIS,
    format: "integer",
    default: 0,
    options: DAY_COUNTS,
    help: "How many days a year has: 360 (30-day months: 3,000 a month is 100 a day) or 365. The sheet keeps 0 or 1, as BIZ.GOAL's basis.",
  },
  {
    name: "WorkdaysPerWeek",
    label: "Workdays a week",
    kind: "number",
    domain: WORKDAYS_PER_WEEK,
    format: "number",
    default: 5,
    help: "Days a week you work the business: more than 0, at most 7.",
  },
  {
    name: "WeeksOff",
    label: "Weeks off a year",
    kind: "number",
    domain: WEEKS_OFF,
    format: "number",
    default: 0,
    help: "Weeks a year you do not work: 0 to under 52.",
  },
  {
    name: "ActiveIncome",
    label: "Active income a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 600,
    help: "What the business pays you now for your own time: sales you make, services you deliver.",
  },
  {
    name: "PassiveIncome",
    label: "Passive income a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 400,
    help: "What it earns now without your time: residuals, royalties, subscriptions.",
  },
  {
    name: "JobIncome",
    label: "Day-job income a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 3000,
    help: "What your job pays a month: the income the business must replace.",
  },
  {
    name: "MonthlyGrowth",
    label: "Monthly growth of business income",
    kind: "number",
    domain: GROWTH_RATE,
    format: "percent",
    default: 0.1,
    help: "How fast the business income grows a month (10% is 0.1).",
  },
];

/** The named cell of each period's goal, year first. */
const GOAL_NAMES: Record<Period, string> = {
  year: "GoalYear",
  quarter: "GoalQuarter",
  month: "GoalMonth",
  week: "GoalWeek",
  day: "GoalDay",
  workday: "GoalWorkday",
};

/** How many of each period a year holds, as a formula of the calendar inputs (core's perYear). */
const PER_YEAR_FORMULA: Partial<Record<Period, string>> = {
  day: "IF(Basis=1,365,360)",
  workday: "WorkdaysPerWeek*(52-WeeksOff)",
};

/** The Income Goal sheet with the given price points (the template's build uses the defaults). */
export function incomeGoalPlan(values: InputValues, pricePoints: readonly PricePoint[] = DEFAULT_PRICE_POINTS): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  const amount = num(values, "GoalAmount");
  const from = parsePeriod(text(values, "GoalPeriod"));
  const calendar: Calendar = { basis: num(values, "Basis") as 0 | 1, workdaysPerWeek: num(values, "WorkdaysPerWeek"), weeksOff: num(values, "WeeksOff") };
  const goal = (to: Period) => convertGoal(amount, from, to, calendar);

  b.title("A1", "Income Goal");
  b.note(
    "A2",
    "Your income goal in every period, the sales it takes at each price, and when the business can replace your job. Yellow cells are yours to change."
  );
  b.heading("A4", "Your goal");
  ["GoalAmount", "GoalPeriod", "Basis", "WorkdaysPerWeek", "WeeksOff"].forEach((name, i) => b.input(name, 5 + i));

  // The breakdown: every period through the yearly figure, as core's convertGoal does it.
  const top = 12;
  const last = top + PERIODS.length - 1;
  b.heading("A11", "Period").heading("B11", "Periods a year").heading("C11", "Goal");
  PERIODS.forEach(({ period, label }, i) => {
    const row = top + i;
    b.label(cell("A", row), label);
    const count = perYear(period, calendar);
    const formula = PER_YEAR_FORMULA[period];
    if (formula) b.output(cell("B", row), formula, count, "number");
    else b.add({ ref: cell("B", row), value: count, role: "label", format: "integer" });
    // GoalYear = amount x periods a year of the goal's period; each other period = GoalYear / its count.
    const goalFormula =
      period === "year" ? `GoalAmount*INDEX(${range("B", top, "B", last)},MATCH(GoalPeriod,${range("A", top, "A", last)},0))` : `GoalYear/${cell("B", row)}`;
    b.output(cell("C", row), goalFormula, goal(period), "currency", GOAL_NAMES[period]);
  });

  // Sales needed at each price point.
  b.heading("A19", "Sales needed at each price point");
  const tableTop = 20;
  const per: Array<[string, Period]> = [
    ["Sales a year", "year"],
    ["Sales a month", "month"],
    ["Sales a week", "week"],
    ["Sales a workday", "workday"],
  ];
  const rows: TableCell[][] = pricePoints.map((p) => [
    p.product,
    p.price,
    p.commissionRate,
    ...per.map(([, period]) => ({
      formula: wholeUpFormula(`${GOAL_NAMES[period]}/([@Price]*[@[Commission rate]])`),
      value: salesNeeded(goal(period), p.price, p.commissionRate),
    })),
  ]);
  b.table(
    "PricePoints",
    cell("A", tableTop),
    [
      { header: "Product", format: "text", input: true },
      { header: "Price", format: "currency", input: true },
      { header: "Commission rate", format: "percent", input: true },
      ...per.map(([header]) => ({ header, format: "integer" as const })),
    ],
    rows
  );
  let row = tableTop + rows.length + 1;
  b.note(cell("A", row), "Type your own products, prices and the share of each price you keep; add rows at the bottom of the table.");
  b.note(cell("A", row + 1), WHOLE_UP_NOTE);

  // Active and passive income now.
  row += 3;
  b.heading(cell("A", row), "Your business income now");
  b.input("ActiveIncome", row + 1);
  b.input("PassiveIncome", row + 2);
  const active = num(values, "ActiveIncome");
  const passive = num(values, "PassiveIncome");
  const business = active + passive;
  b.labelled(cell("A", row + 3), "Business income a month", cell("B", row + 3), "ActiveIncome+PassiveIncome", business, "currency", "BusinessIncome");
  b.labelled(
    cell("A", row + 4),
    "Passive share",
    cell("B", row + 4),
    "IF(BusinessIncome=0,0,PassiveIncome/BusinessIncome)",
    shareOf(passive, business),
    "percent",
    "PassiveShare"
  );

  // Replacing the day job: core's monthsToGoal, with "Never" where it has no answer.
  row += 6;
  b.heading(cell("A", row), "Replacing your day job");
  b.input("JobIncome", row + 1);
  b.input("MonthlyGrowth", row + 2);
  const job = num(values, "JobIncome");
  const growth = num(values, "MonthlyGrowth");
  let months: number | string;
  try {
    months = monthsToGoal(business, job, growth);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    months = NEVER;
  }
  b.labelled(
    cell("A", row + 3),
    "Months until the business replaces the job",
    cell("B", row + 3),
    `IF(BusinessIncome>=JobIncome,0,IF(OR(BusinessIncome<=0,MonthlyGrowth<=0),"${NEVER}",${wholeUpFormula("LN(JobIncome/BusinessIncome)/LN(1+MonthlyGrowth)")}))`,
    months,
    "integer",
    "MonthsToReplace"
  );
  b.note(cell("C", row + 3), `As BIZ.MONTHSTOGOAL: 0 if the business already earns as much; "${NEVER}" without income or growth.`);
  return b.plan([34, 16, 18, 14, 14, 14, 16]);
}

export const incomeGoal: Template = {
  id: "income-goal",
  title: "Income Goal",
  summary:
    "Your income goal broken down from year to workday, the sales it takes at each price point, your active and passive income, and the months until the business replaces your job.",
  inputs,
  outputs: ["GoalYear", "GoalQuarter", "GoalMonth", "GoalWeek", "GoalDay", "GoalWorkday", "BusinessIncome", "PassiveShare", "MonthsToReplace"],
  build: (values) => incomeGoalPlan(values),
};
