import { WEIGHT } from "../core/domains";
import { bestIndex, weightedScore } from "../core/scoring";
import { SheetBuilder, cell, num } from "./layout";
import { InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/** One model a home business starts from, scored 1 (poor) to 5 (best for you) on each criterion. */
export interface ModelScore {
  readonly model: string;
  /** Strengths, interest, start-up cost (5: cheapest to start), time to first income (5: fastest). */
  readonly scores: readonly [number, number, number, number];
}

/** Starting scores a user rates over; they reflect the usual trade-offs, not any one person. */
export const DEFAULT_MODELS: readonly ModelScore[] = [
  { model: "Affiliate marketing", scores: [3, 3, 5, 2] },
  { model: "Service delivery", scores: [4, 3, 4, 5] },
  { model: "Lead generation", scores: [2, 2, 3, 3] },
  { model: "Training and teaching", scores: [4, 4, 4, 3] },
  { model: "Information marketing", scores: [3, 4, 4, 2] },
];

export interface PlanStep {
  readonly days: string;
  readonly milestone: string;
  readonly actions: string;
}

export const DEFAULT_PLAN: readonly PlanStep[] = [
  {
    days: "Days 1-30",
    milestone: "Set up and a first offer",
    actions: "Choose the core model; write one offer for your target market; set up a way to take payment.",
  },
  {
    days: "Days 31-60",
    milestone: "First paying customers",
    actions: "Reach 20 people a week where your market gathers; follow up within two days; ask each buyer for a referral.",
  },
  {
    days: "Days 61-90",
    milestone: "Repeatable income",
    actions: "Keep what brought sales and drop the rest; raise the price or add a second offer; review this sheet.",
  },
];

/** The criteria in table order, with the weight input and the table column of each. */
const CRITERIA = [
  { weight: "WeightStrengths", column: "Strengths", label: "Weight of your strengths", help: "How much using what you are good at counts (0 to 100)." },
  { weight: "WeightInterest", column: "Interest", label: "Weight of your interest", help: "How much doing what you enjoy counts." },
  { weight: "WeightStartupCost", column: "Start-up cost", label: "Weight of start-up cost", help: "How much a cheap start counts." },
  { weight: "WeightTimeToIncome", column: "Time to first income", label: "Weight of time to first income", help: "How much a quick first income counts." },
] as const;

const DEFAULT_WEIGHTS = [3, 3, 2, 2];

const MARKET = [
  { name: "MarketWho", label: "Who they are", help: "The people you serve, e.g. parents of toddlers who work from home." },
  { name: "MarketProblem", label: "The problem you solve", help: "What they want fixed, in their words." },
  { name: "MarketWhere", label: "Where they gather", help: "Groups, sites, events and places where you can reach them." },
  { name: "MarketPays", label: "What they pay", help: "What they spend on this problem now, e.g. 50 to 100 a month." },
] as const;

const inputs: readonly InputField[] = [
  ...CRITERIA.map((c, i): InputField => ({
    name: c.weight,
    label: c.label,
    kind: "number",
    domain: WEIGHT,
    format: "number",
    default: DEFAULT_WEIGHTS[i],
    help: c.help,
  })),
  ...MARKET.map((m): InputField => ({ name: m.name, label: m.label, kind: "text", format: "text", default: "", help: m.help })),
];

const bracket = (column: string) => (column.includes(" ") || column.includes("-") ? `[@[${column}]]` : `[@${column}]`);
const SCORE_FORMULA = `(${CRITERIA.map((c) => `${bracket(c.column)}*${c.weight}`).join("+")})/(${CRITERIA.map((c) => c.weight).join("+")})`;

/** The Business Model sheet with the given scores and plan (the template's build uses the defaults). */
export function businessModelPlan(values: InputValues, models: readonly ModelScore[] = DEFAULT_MODELS, steps: readonly PlanStep[] = DEFAULT_PLAN): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  const weights = CRITERIA.map((c) => num(values, c.weight));
  b.title("A1", "Business Model");
  b.note(
    "A2",
    "Score the five models home businesses start from, weigh what matters to you, and the sheet picks your core model. Yellow cells are yours to change."
  );
  b.heading("A4", "How much each criterion counts");
  CRITERIA.forEach((c, i) => b.input(c.weight, 5 + i));

  b.heading("A10", "The five models, scored 1 (poor) to 5 (best for you)");
  const top = 11;
  const scores = models.map((m) => weightedScore(m.scores, weights));
  const rows: TableCell[][] = models.map((m, i) => [m.model, ...m.scores, { formula: SCORE_FORMULA, value: scores[i] }]);
  b.table(
    "ModelScores",
    cell("A", top),
    [
      { header: "Model", format: "text", input: true },
      ...CRITERIA.map((c) => ({ header: c.column, format: "integer" as const, input: true })),
      { header: "Weighted score", format: "number" },
    ],
    rows
  );
  let row = top + rows.length + 2;
  const best = bestIndex(scores);
  b.labelled(
    cell("A", row),
    "Core model",
    cell("B", row),
    "INDEX(ModelScores[Model],MATCH(MAX(ModelScores[Weighted score]),ModelScores[Weighted score],0))",
    models[best].model,
    "text",
    "CoreModel"
  );
  b.labelled(cell("A", row + 1), "Its weighted score", cell("B", row + 1), "MAX(ModelScores[Weighted score])", scores[best], "number", "CoreModelScore");
  b.note(
    cell("A", row + 2),
    "5 is best on every criterion: for start-up cost 5 is the cheapest start, for time to first income the quickest. The weighted score is the average of the scores weighted as above; a tie goes to the model listed first."
  );

  row += 4;
  b.heading(cell("A", row), "Your target market");
  MARKET.forEach((m, i) => b.input(m.name, row + 1 + i));

  row += MARKET.length + 2;
  b.heading(cell("A", row), "Your 90-day plan");
  const planTop = row + 1;
  b.table(
    "NinetyDayPlan",
    cell("A", planTop),
    [
      { header: "Days", format: "text", input: true },
      { header: "Milestone", format: "text", input: true },
      { header: "Actions", format: "text", input: true },
      { header: "Done", format: "text", input: true },
    ],
    steps.map((s) => [s.days, s.milestone, s.actions, ""])
  );
  b.validation(`${cell("D", planTop + 1)}:${cell("D", planTop + steps.length)}`, ["Yes", "No"]);
  return b.plan([30, 24, 40, 14, 22, 16]);
}

export const businessModel: Template = {
  id: "business-model",
  title: "Business Model",
  summary:
    "The five models home businesses start from, scored on your weighted criteria, the core model picked by score, a target-market profile and a 90-day plan.",
  inputs,
  outputs: ["CoreModel", "CoreModelScore"],
  build: (values) => businessModelPlan(values),
  check: (values): Record<string, string> =>
    CRITERIA.every((c) => values[c.weight] === 0) ? { [CRITERIA[0].weight]: "At least one weight must be above 0, or no model can be scored." } : {},
};
