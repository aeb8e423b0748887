import { businessModel } from "./business-model";
import { dayJobTracker } from "./day-job-tracker";
import { downlineProjection } from "./downline-projection";
import { incomeGoal } from "./income-goal";
import { validateInputs } from "./inputs";
import { CellSpec, CellValue, InputField, InputValues, SheetPlan, Template } from "./model";
import { PricePointRow, planSheet, planSheetPlan } from "./plan-sheet";
import { salesFunnel } from "./sales-funnel";
import { workVsDeals } from "./work-vs-deals";

/**
 * The whole plan: the Plan sheet and the six templates in ONE workbook whose sheets feed each
 * other. The templates stay as they are (each inserted on its own keeps its own inputs); the links
 * are data here. A link turns one input cell of a template into a formula of another sheet's
 * workbook-scoped name, and the template is built with the linked figure, so every cached value is
 * what the formulas compute:
 *
 *   Sales Funnel    FunnelIncome  = GoalMonth  (and the goal is in income)
 *   Day-Job Tracker MonthlyTarget = JobIncome  (replace the job first)
 *
 * The Downline Projection has no goal input: the Plan sheet asks its backward questions (the team
 * and the recruiting that pay GoalMonth) of its volume, payout rate, attrition and costs.
 */

export interface PlanLink {
  /** The id of the template whose input is linked. */
  readonly template: string;
  /** The linked input: in the whole plan it is a formula, no longer typed in. */
  readonly input: string;
  /** The workbook-scoped name it takes its figure from (a cell of a sheet built before it). */
  readonly source: string;
  /** The note beside the linked cell, in place of the input's help. */
  readonly note: string;
  /** Other inputs of that template and the value they take in the whole plan unless the user sets them. */
  readonly settings?: Readonly<Record<string, string | number>>;
}

export const PLAN_LINKS: readonly PlanLink[] = [
  {
    template: "sales-funnel",
    input: "FunnelIncome",
    source: "GoalMonth",
    note: "Linked: your goal a month (GoalMonth on the Income Goal sheet). Change the goal there.",
    settings: { FunnelGoalFrom: "income" },
  },
  {
    template: "downline-projection",
    input: "NetGoal",
    source: "GoalMonth",
    note: "Linked: your goal a month (GoalMonth on the Income Goal sheet): the reality check's share at goal counts the members who reach it.",
  },
  {
    template: "day-job-tracker",
    input: "MonthlyTarget",
    source: "JobIncome",
    note: "Linked: your day-job income (JobIncome on the Income Goal sheet): replace the job first.",
  },
];

/** The sheets of the whole plan, in their order; the Plan sheet is built last, from all the others. */
const SHEETS: readonly Template[] = [incomeGoal, salesFunnel, downlineProjection, businessModel, workVsDeals, dayJobTracker];

const linksOf = (template: Template) => PLAN_LINKS.filter((l) => l.template === template.id);

/** A template as it is in the whole plan: without its linked inputs, with the plan's defaults. */
function inPlan(template: Template): Template {
  const links = linksOf(template);
  if (links.length === 0) return template;
  const linked = new Set(links.map((l) => l.input));
  const settings = Object.assign({}, ...links.map((l) => l.settings ?? {})) as Record<string, string | number>;
  const inputs: InputField[] = template.inputs.filter((i) => !linked.has(i.name)).map((i) => (i.name in settings ? { ...i, default: settings[i.name] } : i));
  return { ...template, inputs };
}

/** The Plan sheet's template, for listing and validation (its build needs the other sheets: composePlan). */
const planTemplate: Template = {
  ...planSheet,
  build: () => {
    throw new Error("the Plan sheet is built only in the whole plan (composePlan), from the other sheets");
  },
};

/** What a user may set in the whole plan, sheet by sheet in workbook order (the CLI routes --set by these). */
export const WHOLE_PLAN: readonly Template[] = [planTemplate, ...SHEETS.map(inPlan)];

/** One sheet of the composed plan: its template (whose build gives the composed sheet) and its values. */
export interface PlanEntry {
  readonly template: Template;
  readonly values: InputValues;
}

export interface ComposedPlan {
  /** The sheets in workbook order, Plan first; empty when there are errors. */
  readonly entries: readonly PlanEntry[];
  /** Template title -> input name -> a sentence for the user. */
  readonly errors: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** Says what a linked input is linked to, when a user tries to set it in the whole plan. */
export function linkedInputMessage(inputName: string): string | undefined {
  const link = PLAN_LINKS.find((l) => l.input.toLowerCase() === inputName.trim().toLowerCase());
  if (!link) return undefined;
  return `${link.input} is linked in the whole plan: it is ${link.source}, so change that instead (or write the ${SHEETS.find((t) => t.id === link.template)?.title} template on its own)`;
}

/** The cached value of every named cell of a sheet. */
function namedValues(plan: SheetPlan, into: Map<string, CellValue>): void {
  for (const c of plan.cells) if (c.name && c.value !== undefined) into.set(c.name, c.value);
}

/**
 * Turns a built sheet's linked input cells into formulas of their sources: the cell keeps its
 * name, address and number format, reads as computed (output), loses its drop-down list if it had
 * one, and the input's help beside it becomes the link's note.
 */
export function linkSheet(plan: SheetPlan, links: readonly PlanLink[], named: ReadonlyMap<string, CellValue>): SheetPlan {
  if (links.length === 0) return plan;
  const byInput = new Map(links.map((l) => [l.input, l]));
  const linkedRefs = new Map<string, PlanLink>();
  const cells: CellSpec[] = plan.cells.map((c) => {
    const link = c.name ? byInput.get(c.name) : undefined;
    if (!link) return c;
    const value = named.get(link.source);
    if (value === undefined) throw new Error(`${link.input} is linked to ${link.source}, which no earlier sheet names`);
    if (c.value !== value) throw new Error(`${link.input} was built with ${String(c.value)}, not its source ${link.source} = ${String(value)}`);
    linkedRefs.set(c.ref, link);
    return { ref: c.ref, formula: link.source, value, role: "output", ...(c.format ? { format: c.format } : {}), name: c.name };
  });
  const noteRefs = new Map([...linkedRefs].map(([ref, link]) => [besideRef(ref), link]));
  return {
    ...plan,
    cells: cells.map((c) => {
      const link = noteRefs.get(c.ref);
      return link && c.role === "note" ? { ...c, value: link.note } : c;
    }),
    validations: plan.validations.filter((v) => !linkedRefs.has(v.ref)),
  };
}

/** The cell to the right of an A1 address (where SheetBuilder.input puts the help). */
function besideRef(ref: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(ref) as RegExpExecArray;
  let n = 0;
  for (const ch of m[1]) n = n * 26 + (ch.charCodeAt(0) - 64);
  n++;
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${m[2]}`;
}

/** A template whose build returns an already composed sheet (what the writers call). */
function composed(template: Template, plan: SheetPlan): Template {
  return { ...template, build: () => plan };
}

/**
 * The whole plan for what the user typed, sheet by sheet (raw by template id, as validateInputs
 * reads it). Every sheet is checked first and nothing is built while any input is wrong; then the
 * sheets are built in order, each linked input taking its source's figure, and the Plan sheet last.
 */
export function composePlan(raw: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {}): ComposedPlan {
  const errors: Record<string, Record<string, string>> = {};
  const values = new Map<Template, InputValues>();
  for (const template of WHOLE_PLAN) {
    const given = { ...(raw[template.id] ?? {}) };
    const bad: Record<string, string> = {};
    for (const key of Object.keys(given)) {
      const message = linksOf(template).some((l) => l.input.toLowerCase() === key.trim().toLowerCase()) ? linkedInputMessage(key) : undefined;
      if (message) {
        bad[key] = `${message}.`;
        delete given[key];
      }
    }
    const checked = validateInputs(template, given);
    Object.assign(bad, checked.errors);
    if (Object.keys(bad).length > 0) errors[template.title] = bad;
    values.set(template, checked.values);
  }
  if (Object.keys(errors).length > 0) return { entries: [], errors };

  const named = new Map<string, CellValue>();
  const built: PlanEntry[] = [];
  let pricePoints: PricePointRow[] = [];
  let levelRates: number[] = [];
  for (const template of WHOLE_PLAN.slice(1)) {
    const own = values.get(template) as InputValues;
    const links = linksOf(template);
    const withLinks: Record<string, number | string> = { ...own };
    for (const l of links) {
      const v = named.get(l.source);
      if (typeof v !== "number" && typeof v !== "string") throw new Error(`${l.input} is linked to ${l.source}, which no earlier sheet names`);
      withLinks[l.input] = v;
    }
    // The original template validates the linked figure too: a goal is always a fine income.
    const original = SHEETS.find((t) => t.id === template.id) as Template;
    const check = validateInputs(original, withLinks);
    if (Object.keys(check.errors).length > 0) throw new Error(`${template.title}: a linked input is out of range: ${JSON.stringify(check.errors)}`);
    const plan = linkSheet(original.build(check.values), links, named);
    namedValues(plan, named);
    if (template.id === incomeGoal.id) pricePoints = readPricePoints(plan);
    if (template.id === downlineProjection.id) levelRates = readColumn(plan, "DownlineLevels", "Level rate").map(Number);
    built.push({ template: composed(template, plan), values: own });
  }
  const planValues = values.get(planTemplate) as InputValues;
  const plan = planSheetPlan(planValues, { named, pricePoints, levelRates });
  return { entries: [{ template: composed(planTemplate, plan), values: planValues }, ...built], errors: {} };
}

function readPricePoints(plan: SheetPlan): PricePointRow[] {
  const table = plan.tables.find((t) => t.name === "PricePoints");
  if (!table) return [];
  const col = (header: string) => table.columns.findIndex((c) => c.header === header);
  const [product, price, rate] = [col("Product"), col("Price"), col("Commission rate")];
  return table.rows.map((r) => ({ product: String(r[product]), price: Number(r[price]), commissionRate: Number(r[rate]) }));
}

function readColumn(plan: SheetPlan, tableName: string, header: string): CellValue[] {
  const table = plan.tables.find((t) => t.name === tableName);
  const j = table ? table.columns.findIndex((c) => c.header === header) : -1;
  if (!table || j < 0) return [];
  return table.rows.map((r) => {
    const c = r[j];
    return typeof c === "object" ? c.value : c;
  });
}
