import { AMOUNT, COUNT, PRICE, RATE } from "../core/domains";
import { shareOf } from "../core/hours";
import { funnel, salesNeeded } from "../core/sales";
import { SheetBuilder, WHOLE_UP_NOTE, cell, num, text, wholeUpFormula } from "./layout";
import { InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/** A stage of the funnel and the share of it that reaches the next stage (none for the last: the sales). */
export interface Stage {
  readonly stage: string;
  readonly conversion?: number;
}

/** The issue's worked funnel: 14 sales at 10%, 35%, 50% and 40% take 2000 visitors. */
export const DEFAULT_STAGES: readonly Stage[] = [
  { stage: "Visitors", conversion: 0.1 },
  { stage: "Leads", conversion: 0.35 },
  { stage: "Conversations", conversion: 0.5 },
  { stage: "Presentations", conversion: 0.4 },
  { stage: "Sales" },
];

const inputs: readonly InputField[] = [
  {
    name: "FunnelGoalFrom",
    label: "Goal in",
    kind: "choice",
    choices: ["sales", "income"],
    format: "text",
    default: "sales",
    help: "sales: the sales wanted below; income: the sales it takes to earn the income below.",
  },
  {
    name: "FunnelSales",
    label: "Sales wanted",
    kind: "number",
    domain: COUNT,
    format: "integer",
    default: 14,
    help: "Whole sales at the bottom of the funnel (when the goal is in sales).",
  },
  {
    name: "FunnelIncome",
    label: "Income wanted",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 3000,
    help: "Income from these sales, e.g. a month of your income goal (when the goal is in income).",
  },
  {
    name: "FunnelPrice",
    label: "Price of a sale",
    kind: "number",
    domain: PRICE,
    format: "currency",
    default: 100,
    help: "What one sale brings in (when the goal is in income).",
  },
  {
    name: "FunnelCommission",
    label: "Share of the price you keep",
    kind: "number",
    domain: RATE,
    format: "percent",
    default: 0.3,
    help: "Your commission, or 100% if the sale is all yours (when the goal is in income).",
  },
];

const CONVERSION = "Conversion to next";

/** The Sales Funnel sheet with the given stages, top first (the template's build uses the defaults). */
export function salesFunnelPlan(values: InputValues, stages: readonly Stage[] = DEFAULT_STAGES): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  b.title("A1", "Sales Funnel");
  b.note("A2", "How many people each stage of your funnel needs so that enough of them end as sales. Yellow cells are yours to change.");
  b.heading("A4", "Your sales goal");
  inputs.forEach((f, i) => b.input(f.name, 5 + i));

  const fromIncome = text(values, "FunnelGoalFrom") === "income";
  const salesGoal = fromIncome
    ? salesNeeded(num(values, "FunnelIncome"), num(values, "FunnelPrice"), num(values, "FunnelCommission"))
    : num(values, "FunnelSales");
  b.labelled(
    "A10",
    "Sales goal",
    "B10",
    `IF(FunnelGoalFrom="income",${wholeUpFormula("FunnelIncome/(FunnelPrice*FunnelCommission)")},FunnelSales)`,
    salesGoal,
    "integer",
    "SalesGoal"
  );

  // Each stage needs the next stage's count divided by its conversion, rounded up (core's funnel);
  // OFFSET reaches the next row whatever rows the user inserts, and the last stage (no conversion) is the goal.
  b.heading("A12", "People needed at each stage");
  const top = 13;
  const rates = stages.filter((s) => s.conversion !== undefined).map((s) => s.conversion as number);
  const counts = funnel(salesGoal, rates);
  const rows: TableCell[][] = stages.map((s, i) => [
    s.stage,
    {
      formula: `IF(ISNUMBER([@[${CONVERSION}]]),${wholeUpFormula(`OFFSET([@Stage],1,1)/[@[${CONVERSION}]]`)},SalesGoal)`,
      value: counts[i],
    },
    s.conversion ?? "",
  ]);
  b.table(
    "FunnelStages",
    cell("A", top),
    [
      { header: "Stage", format: "text", input: true },
      { header: "Needed", format: "integer" },
      { header: CONVERSION, format: "percent", input: true },
    ],
    rows
  );
  const last = top + rows.length;
  b.labelled(cell("A", last + 2), "Top of the funnel", cell("B", last + 2), "INDEX(FunnelStages[Needed],1)", counts[0], "integer", "FunnelTop");
  b.labelled(
    cell("A", last + 3),
    "Overall conversion",
    cell("B", last + 3),
    "IF(FunnelTop=0,0,SalesGoal/FunnelTop)",
    shareOf(salesGoal, counts[0]),
    "percent",
    "FunnelConversion"
  );
  b.note(cell("A", last + 4), "Insert rows inside the table for more stages; leave the conversion blank only on the last stage, the sales.");
  b.note(cell("A", last + 5), WHOLE_UP_NOTE);
  b.chart({
    type: "bar",
    title: "People needed at each stage",
    dataRef: `${cell("A", top)}:${cell("B", last)}`,
    anchor: cell("E", top - 1),
    widthCells: 7,
    heightCells: 16,
  });
  return b.plan([30, 16, 20, 12]);
}

export const salesFunnel: Template = {
  id: "sales-funnel",
  title: "Sales Funnel",
  summary: "Your goal in sales (or in income at a price), a stage table you can extend, the people needed at each stage and a funnel chart.",
  inputs,
  outputs: ["SalesGoal", "FunnelTop", "FunnelConversion"],
  build: (values) => salesFunnelPlan(values),
};
