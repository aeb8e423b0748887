import { AMOUNT, MONTHS } from "../core/domains";
import { NOT_YET, READY, monthsAtTarget, readiness, runsAtTarget } from "../core/tracker";
import { SheetBuilder, cell, num } from "./layout";
import { InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/** Months the tracker lays out; a user adds rows at the bottom of the table for more. */
export const TRACKER_MONTHS = 24;

const inputs: readonly InputField[] = [
  {
    name: "MonthlyTarget",
    label: "Monthly income target",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 3000,
    help: "What the business must bring in a month to replace your job.",
  },
  {
    name: "ReadyMonths",
    label: "Months in a row to be ready",
    kind: "number",
    domain: MONTHS,
    format: "integer",
    default: 3,
    help: "How many months running the business must meet the target before you call it ready.",
  },
];

const RUN = "Months in a row";

/**
 * The tracker with the actual incomes recorded so far, month 1 first (the template's build starts
 * empty: the actuals are the user's to type in, month by month).
 */
export function dayJobTrackerPlan(values: InputValues, actuals: readonly (number | null)[] = []): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  const target = num(values, "MonthlyTarget");
  const needed = num(values, "ReadyMonths");
  const months = Math.max(TRACKER_MONTHS, actuals.length);
  const recorded = Array.from({ length: months }, (_, i) => actuals[i] ?? null);
  const targets = recorded.map(() => target);
  const runs = runsAtTarget(targets, recorded);
  const at = monthsAtTarget(targets, recorded);

  b.title("A1", "Day-Job Tracker");
  b.note("A2", "Type what the business actually brought in each month. Once it meets your target enough months in a row, the sheet says READY.");
  b.heading("A4", "Your target");
  b.input("MonthlyTarget", 5);
  b.input("ReadyMonths", 6);

  b.heading("A8", "Where you stand");
  b.labelled("A9", "Months in a row at target", "B9", `IFERROR(LOOKUP(9.99E+307,IncomeByMonth[${RUN}]),0)`, at, "integer", "MonthsAtTarget");
  b.note("C9", "Counted back from the latest month with an actual figure; a month left blank between figures breaks the run.");
  b.labelled("A10", "Ready to replace your job?", "B10", `IF(MonthsAtTarget>=ReadyMonths,"${READY}","${NOT_YET}")`, readiness(at, needed), "text", "Ready");
  b.note("C10", `${READY} once the months in a row reach the number above; ${NOT_YET} until then.`);

  b.heading("A12", "Income by month");
  const top = 13;
  const rows: TableCell[][] = recorded.map((actual, i) => [
    `Month ${i + 1}`,
    { formula: "MonthlyTarget", value: target },
    actual ?? "",
    // The run carries from the row above (the header counts 0); blank actuals show blank.
    { formula: `IF(ISNUMBER([@Actual]),IF([@Actual]>=[@Target],N(OFFSET([@Month],-1,3))+1,0),"")`, value: runs[i] ?? "" },
  ]);
  b.table(
    "IncomeByMonth",
    cell("A", top),
    [
      { header: "Month", format: "text", input: true },
      { header: "Target", format: "currency" },
      { header: "Actual", format: "currency", input: true },
      { header: RUN, format: "integer" },
    ],
    rows
  );
  b.note(
    cell("A", top + months + 1),
    "Rename the months as you like (Jan 2027, ...). Each month's target is the monthly target above; type over it where a month differs."
  );
  b.chart({
    type: "column",
    title: "Target and actual income",
    dataRef: `${cell("A", top)}:${cell("C", top + months)}`,
    anchor: "F4",
    widthCells: 9,
    heightCells: 16,
  });
  return b.plan([30, 16, 16, 16]);
}

export const dayJobTracker: Template = {
  id: "day-job-tracker",
  title: "Day-Job Tracker",
  summary:
    "Day-job replacement tracker: your monthly target and actual income by month, the months in a row at target, and a READY flag once the business has met the target N months running.",
  inputs,
  outputs: ["MonthsAtTarget", "Ready"],
  build: (values) => dayJobTrackerPlan(values),
};
