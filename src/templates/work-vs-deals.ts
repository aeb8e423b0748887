import { SHARE } from "../core/domains";
import { Activity, CATEGORIES, DEAL_MAKING, WORK, dealShare, hoursIn, totalHours } from "../core/hours";
import { SheetBuilder, cell, num } from "./layout";
import { InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/** A typical week of a home business, planned; the actual hours are filled in as the week goes. */
export const DEFAULT_ACTIVITIES: readonly Activity[] = [
  { name: "Prospecting calls and messages", category: DEAL_MAKING, planned: 4, actual: null },
  { name: "Follow-ups with prospects", category: DEAL_MAKING, planned: 2, actual: null },
  { name: "Meetings with partners", category: DEAL_MAKING, planned: 2, actual: null },
  { name: "Filling orders and delivery", category: WORK, planned: 3, actual: null },
  { name: "Admin and email", category: WORK, planned: 2, actual: null },
  { name: "Social media posts", category: WORK, planned: 2, actual: null },
];

/** What DealShareStatus says. */
export const ON_TARGET = "On target";
export const BELOW_TARGET = "Below target";

const inputs: readonly InputField[] = [
  {
    name: "DealShareTarget",
    label: "Target share of time on deal-making",
    kind: "number",
    domain: SHARE,
    format: "percent",
    default: 0.5,
    help: "The share of your business hours you want on the activities that bring in income (50% is 0.5).",
  },
];

/** The Work vs Deals sheet with the given activities (the template's build uses the defaults). */
export function workVsDealsPlan(values: InputValues, activities: readonly Activity[] = DEFAULT_ACTIVITIES): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  b.title("A1", "Work vs Deals");
  b.note("A2", "Where your business hours go: work (delivering, admin) or deal-making (prospecting, selling, partnering, the hours that bring in income).");
  b.heading("A4", "Your target");
  b.input("DealShareTarget", 5);

  b.heading("A7", "This week's activities");
  const top = 8;
  const rows: TableCell[][] = activities.map((a) => [a.name, a.category, a.planned ?? "", a.actual ?? ""]);
  b.table(
    "WeeklyActivities",
    cell("A", top),
    [
      { header: "Activity", format: "text", input: true },
      { header: "Category", format: "text", input: true },
      { header: "Planned hours", format: "number", input: true },
      { header: "Actual hours", format: "number", input: true },
    ],
    rows
  );
  const last = top + rows.length;
  b.validation(`${cell("B", top + 1)}:${cell("B", last)}`, CATEGORIES);
  b.note(cell("A", last + 1), `Pick ${WORK} or ${DEAL_MAKING} for each activity; add rows at the bottom of the table for more.`);

  // Hours by category: the block the chart draws.
  const head = last + 3;
  b.heading(cell("A", head - 1), "Hours by category");
  b.heading(cell("A", head), "Category").heading(cell("B", head), "Planned hours").heading(cell("C", head), "Actual hours");
  const sums: Array<[string, string, string]> = [
    [WORK, "", ""],
    [DEAL_MAKING, "DealHoursPlanned", "DealHoursActual"],
  ];
  sums.forEach(([category, plannedName, actualName], i) => {
    const row = head + 1 + i;
    b.label(cell("A", row), category);
    b.output(
      cell("B", row),
      `SUMIF(WeeklyActivities[Category],${cell("A", row)},WeeklyActivities[Planned hours])`,
      hoursIn(activities, category, "planned"),
      "number",
      plannedName || undefined
    );
    b.output(
      cell("C", row),
      `SUMIF(WeeklyActivities[Category],${cell("A", row)},WeeklyActivities[Actual hours])`,
      hoursIn(activities, category, "actual"),
      "number",
      actualName || undefined
    );
  });
  const totalRow = head + 3;
  b.label(cell("A", totalRow), "All activities");
  b.output(cell("B", totalRow), "SUM(WeeklyActivities[Planned hours])", totalHours(activities, "planned"), "number", "TotalHoursPlanned");
  b.output(cell("C", totalRow), "SUM(WeeklyActivities[Actual hours])", totalHours(activities, "actual"), "number", "TotalHoursActual");

  // The share: of actual hours once any are logged, else of the plan (core's dealShare).
  const share = dealShare(activities);
  const target = num(values, "DealShareTarget");
  const row = totalRow + 2;
  b.labelled(
    cell("A", row),
    "Share of time on deal-making",
    cell("B", row),
    "IF(TotalHoursActual>0,DealHoursActual/TotalHoursActual,IF(TotalHoursPlanned>0,DealHoursPlanned/TotalHoursPlanned,0))",
    share.share,
    "percent",
    "DealShare"
  );
  b.output(
    cell("C", row),
    `IF(TotalHoursActual>0,"of actual hours","of planned hours")`,
    share.basis === "actual" ? "of actual hours" : "of planned hours",
    "text"
  );
  b.labelled(
    cell("A", row + 1),
    "Against the target",
    cell("B", row + 1),
    `IF(DealShare>=DealShareTarget,"${ON_TARGET}","${BELOW_TARGET}")`,
    share.share >= target ? ON_TARGET : BELOW_TARGET,
    "text",
    "DealShareStatus"
  );
  b.labelled(cell("A", row + 2), "Gap to the target", cell("B", row + 2), "DealShare-DealShareTarget", share.share - target, "percent", "DealShareGap");
  b.chart({
    type: "column",
    title: "Hours: work and deal-making",
    dataRef: `${cell("A", head)}:${cell("C", head + 2)}`,
    anchor: "F4",
    widthCells: 7,
    heightCells: 15,
  });
  return b.plan([34, 16, 16, 16]);
}

export const workVsDeals: Template = {
  id: "work-vs-deals",
  title: "Work vs Deals",
  summary: "A weekly activity table sorted into work and deal-making, the share of your time on deal-making against a target, and a chart.",
  inputs,
  outputs: ["DealShare", "DealShareStatus", "DealShareGap"],
  build: (values) => workVsDealsPlan(values),
};
