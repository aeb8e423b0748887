import { CellValue, Format, InputValues, Template } from "./model";

/**
 * A template's key figures for values typed so far, before anything is written: the task pane
 * shows them under the form as you type. They are read from the very SheetPlan the writers would
 * write (template.build), from the named output cells, so the preview and the sheet can never
 * disagree: there is no second computation to drift.
 */
export interface PreviewFigure {
  /** The workbook-scoped name of the output cell ("GoalMonth"). */
  readonly name: string;
  /** What the figure is, in the user's words ("Goal a month"). */
  readonly label: string;
  readonly value: CellValue;
  /** The cell's number format, so the pane shows the figure as the sheet will. */
  readonly format?: Format;
}

/**
 * The figures each template's preview shows, in order, with their words. A template not listed here
 * (a new one) previews every named output, labelled by the label cell to its left on the sheet.
 */
export const PREVIEW_FIGURES: Readonly<Record<string, ReadonlyArray<readonly [name: string, label: string]>>> = {
  "income-goal": [
    ["GoalYear", "Goal a year"],
    ["GoalMonth", "Goal a month"],
    ["GoalWeek", "Goal a week"],
    ["GoalDay", "Goal a day"],
    ["GoalWorkday", "Goal a workday"],
    ["MonthsToReplace", "Months until the business replaces your job"],
  ],
  "sales-funnel": [
    ["SalesGoal", "Sales needed"],
    ["FunnelTop", "People at the top of the funnel"],
    ["FunnelConversion", "Top to sale"],
  ],
  "downline-projection": [
    ["PlanCommission", "Commission a month on the level table's team"],
    ["ProjectedNet12", "Cumulative net at month 12"],
    ["BreakEvenMonth", "First month with a net of 0 or more"],
    ["ShareWithProfit", "Share of members with a profit (simulation)"],
    ["MedianMemberNet", "Median net per member (simulation)"],
  ],
  "business-model": [
    ["CoreModel", "Best-scoring model"],
    ["CoreModelScore", "Its score"],
  ],
  "work-vs-deals": [
    ["DealShare", "Deal-making share of your hours"],
    ["DealShareStatus", "Against your target"],
  ],
  "day-job-tracker": [
    ["MonthsAtTarget", "Months in a row at target"],
    ["Ready", "Ready to replace the job"],
  ],
};

/** Columns as letters and rows as numbers of an A1 address ("C14" -> ["C", 14]). */
function splitRef(ref: string): [string, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? [m[1], Number(m[2])] : ["", 0];
}

/** The key figures of `template` for validated `values`: a build of the plan, read at its named outputs. */
export function previewFigures(template: Template, values: InputValues): PreviewFigure[] {
  const plan = template.build(values);
  const byName = new Map(plan.cells.filter((c) => c.name).map((c) => [c.name as string, c]));
  const wanted = PREVIEW_FIGURES[template.id] ?? template.outputs.map((name) => [name, ""] as const);
  const figures: PreviewFigure[] = [];
  for (const [name, words] of wanted) {
    const cell = byName.get(name);
    if (!cell || cell.value === undefined) continue;
    let label = words;
    if (!label) {
      // The sheet's own label for it: the nearest label cell to its left on the same row.
      const [col, row] = splitRef(cell.ref);
      const before = (c: string) => c.length < col.length || (c.length === col.length && c < col);
      const left = plan.cells.filter((c) => c.role === "label" && typeof c.value === "string" && splitRef(c.ref)[1] === row && before(splitRef(c.ref)[0]));
      label = String(left[left.length - 1]?.value ?? name);
    }
    figures.push({ name, label, value: cell.value, format: cell.format });
  }
  return figures;
}
