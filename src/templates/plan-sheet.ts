import { interval } from "../core/domains";
import { levelsNeeded, teamNeeded } from "../core/backward";
import { DomainError } from "../core/errors";
import { Calendar, convertGoal } from "../core/periods";
import { wholeUp } from "../core/rounding";
import { salesNeeded } from "../core/sales";
import { PROJECTION_MONTHS } from "./downline-projection";
import { SheetBuilder, WHOLE_UP_NOTE, cell, num, range, wholeUpFormula } from "./layout";
import { CellValue, InputField, InputValues, SheetPlan, Template } from "./model";

/**
 * The Plan sheet: the first sheet of the whole plan (plan.ts), which answers the product's three
 * questions on one screen. It holds no figures of its own: every figure is a formula over the
 * workbook-scoped names of the other sheets (GoalMonth, FunnelTop, EffectivePayoutRate, ...), so a
 * change of the goal on the Income Goal sheet moves it. Its one input is the horizon of the
 * recruiting question.
 *
 * Every formula here is native Excel except what reads the simulation (MedianMemberNet,
 * ShareWithProfit on the Downline Projection sheet), so without the add-in everything but the
 * simulation still computes. The recruiting question is answered natively by a bisection laid out
 * in cells (see recruitingSearch): the recruits per member a month with which the projection's team,
 * without market saturation, pays the goal in PlanMonths months.
 */

/** Up to ten years: far enough for any plan, and 11^120 (the search's top rate compounded) still fits a double. */
export const PLAN_MONTHS = interval("[1,120]", true);

const inputs: readonly InputField[] = [
  {
    name: "PlanMonths",
    label: "Months to build the team",
    kind: "number",
    domain: PLAN_MONTHS,
    format: "integer",
    default: 12,
    help: "By when the team should pay your monthly goal: the recruiting figure is worked out for this month.",
  },
];

/** Highest recruiting rate the search tries: ten recruits per member a month is already far past any real network. */
export const RECRUIT_SEARCH_TOP = 10;
/** Halvings of the search: 10 / 2^60 is below a double's resolution near any answer, so the search ends on the answer itself. */
export const RECRUIT_SEARCH_STEPS = 60;

/** What TeamNeeded and RecruitsNeeded say when the plan pays nothing on a team (no volume, or a payout of 0). */
export const NO_TEAM_PAYS = "No team pays it";
export const TOO_MANY_RECRUITS = `More than ${RECRUIT_SEARCH_TOP} a month`;

/** The figures the Plan sheet reads from the other sheets, by workbook name (their cached values). */
export type Sources = ReadonlyMap<string, CellValue>;

export interface PricePointRow {
  readonly product: string;
  readonly price: number;
  readonly commissionRate: number;
}

export interface PlanSources {
  /** Cached values of every named cell of the other sheets. */
  readonly named: Sources;
  /** The Income Goal's PricePoints table, top row first. */
  readonly pricePoints: readonly PricePointRow[];
  /** The Downline Projection's level rates (its DownlineLevels table), level 1 first; empty if it has none. */
  readonly levelRates: readonly number[];
}

/**
 * The team the projection grows to by month `months` without market saturation, starting from
 * nobody below you: team(t) = team(t-1) x (1 + r - a) + r (core's PROJECTION with no cap), so
 * team(n) = r x ((1 + r - a)^n - 1) / (r - a), and r x n when r = a. The same expression, in the
 * same order of operations, as the sheet's formula.
 */
export function teamWithoutSaturation(r: number, attrition: number, months: number): number {
  const d = r - attrition;
  const n = months;
  // Near r = a the closed form divides a rounding error by almost nothing: there the sum of
  // (1 + d)^k, k < n, to its d^2 term, whose next term is (n d)^3 / 24 relative (under 1e-13 here).
  if (Math.abs(d) < NEAR_ATTRITION) return r * (n + (d * n * (n - 1)) / 2 + (d ** 2 * n * (n - 1) * (n - 2)) / 6);
  return (r * (Math.pow(1 + r - attrition, n) - 1)) / (r - attrition);
}

const NEAR_ATTRITION = 1e-6;

function teamFormula(r: string): string {
  const d = `(${r}-MonthlyAttrition)`;
  const n = "PlanMonths";
  return `IF(ABS(${d})<1E-6,${r}*(${n}+${d}*${n}*(${n}-1)/2+${d}^2*${n}*(${n}-1)*(${n}-2)/6),${r}*(POWER(1+${r}-MonthlyAttrition,${n})-1)/(${r}-MonthlyAttrition))`;
}

/** The search's rows, exactly as the sheet computes them: [low, high, midpoint, team at the midpoint]. */
export function recruitingSearch(target: number, attrition: number, months: number): Array<[number, number, number, number]> {
  const rows: Array<[number, number, number, number]> = [];
  let low = 0;
  let high = RECRUIT_SEARCH_TOP;
  for (let k = 0; k <= RECRUIT_SEARCH_STEPS; k++) {
    if (k > 0) {
      const [, , mid, team] = rows[k - 1];
      if (team >= target) high = mid;
      else low = mid;
    }
    const mid = (low + high) / 2;
    rows.push([low, high, mid, teamWithoutSaturation(mid, attrition, months)]);
  }
  return rows;
}

function source(sources: PlanSources, name: string): CellValue {
  const v = sources.named.get(name);
  if (v === undefined) throw new Error(`the Plan sheet reads ${name}, which no sheet of the plan names`);
  return v;
}

function number(sources: PlanSources, name: string): number {
  const v = source(sources, name);
  if (typeof v !== "number") throw new Error(`the Plan sheet reads ${name} as a number, but it is ${String(v)}`);
  return v;
}

/** The Plan sheet for its own input values and the other sheets' figures. */
export function planSheetPlan(values: InputValues, sources: PlanSources): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  const months = num(values, "PlanMonths");
  const calendar: Calendar = {
    basis: number(sources, "Basis") as 0 | 1,
    workdaysPerWeek: number(sources, "WorkdaysPerWeek"),
    weeksOff: number(sources, "WeeksOff"),
  };
  const out = (ref: string, name: string, format: "currency" | "integer" | "percent" | "number", label: string, labelRef: string) =>
    b.labelled(labelRef, label, ref, name, source(sources, name), format);

  b.title("A1", "Your plan on one page");
  b.note(
    "A2",
    "Every figure on this sheet is a live formula of the other sheets. Change your goal on the Income Goal sheet (GoalAmount) and the whole plan follows: the funnel, the team, the tracker."
  );

  // 1. The goal in every period.
  b.heading("A4", "1. How much must I make?");
  out("B5", "GoalYear", "currency", "Your goal a year", "A5");
  out("B6", "GoalMonth", "currency", "A month", "A6");
  out("B7", "GoalWeek", "currency", "A week", "A7");
  out("B8", "GoalDay", "currency", "A day", "A8");
  out("B9", "GoalWorkday", "currency", "A workday", "A9");
  b.note("C5", "From the Income Goal sheet.");
  b.note("C9", "Days you work the business.");

  // 2. The sales and the visitors.
  b.heading("A11", "2. How many sales and visitors does it take?").heading("B11", "Sales a day").heading("C11", "Price").heading("D11", "You keep");
  const goalDay = number(sources, "GoalDay");
  let row = 12;
  sources.pricePoints.forEach((p, i) => {
    const at = (column: string) => `INDEX(PricePoints[${column}],${i + 1})`;
    b.output(cell("A", row), at("Product"), p.product, "text");
    b.output(cell("B", row), wholeUpFormula(`GoalDay/(${at("Price")}*${at("[Commission rate]")})`), salesNeeded(goalDay, p.price, p.commissionRate), "integer");
    b.output(cell("C", row), at("Price"), p.price, "currency");
    b.output(cell("D", row), at("[Commission rate]"), p.commissionRate, "percent");
    row++;
  });
  b.note(cell("A", row), "At each price of the Income Goal sheet, if all your income came from it.");
  row += 1;
  const funnelTop = number(sources, "FunnelTop");
  b.labelled(
    cell("A", row),
    "Visitors a day at the top of your funnel",
    cell("B", row),
    wholeUpFormula("FunnelTop*12/IF(Basis=1,365,360)"),
    wholeUp(convertGoal(funnelTop, "month", "day", calendar)),
    "integer",
    "VisitorsPerDay"
  );
  b.note(cell("C", row), "The funnel's top stage, spread over the month.");
  out(cell("B", row + 1), "SalesGoal", "integer", "Sales a month through the funnel", cell("A", row + 1));
  out(cell("B", row + 2), "FunnelTop", "integer", "Visitors a month", cell("A", row + 2));
  b.note(cell("A", row + 3), WHOLE_UP_NOTE);

  // 3. The team and the recruiting.
  row += 5;
  b.heading(cell("A", row), "3. What team and what recruiting would it take?");
  const goalMonth = number(sources, "GoalMonth");
  const cost = number(sources, "MonthlyCost");
  const volume = number(sources, "VolumePerMember");
  const payout = number(sources, "EffectivePayoutRate");
  const attrition = number(sources, "MonthlyAttrition");
  const toPay = goalMonth + cost;
  const perMember = volume * payout;
  const target = perMember > 0 ? toPay / perMember : 0;
  // As BIZ.TEAMNEEDED: the goal plus your costs over what one member's volume pays you, rounded up.
  let team: CellValue;
  try {
    team = teamNeeded(goalMonth, volume, payout, cost);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    team = NO_TEAM_PAYS;
  }
  b.labelled(
    cell("A", row + 1),
    "Team needed to pay your goal a month",
    cell("B", row + 1),
    `IF(GoalMonth+MonthlyCost=0,0,IF(VolumePerMember*EffectivePayoutRate=0,"${NO_TEAM_PAYS}",${wholeUpFormula("(GoalMonth+MonthlyCost)/(VolumePerMember*EffectivePayoutRate)")}))`,
    team,
    "integer",
    "TeamNeeded"
  );
  b.note(
    cell("C", row + 1),
    "As BIZ.TEAMNEEDED: (goal + your costs) / (volume per member x the plan's effective payout rate), from the Downline Projection sheet."
  );
  b.input("PlanMonths", row + 2);
  const search = recruitingSearch(target, attrition, months);
  // Where the later sections go: the simulation's rows are there only if its sheet names them.
  const simNames = ["MedianMemberNet", "ShareWithProfit", "ShareAtGoal"].filter((n) => sources.named.has(n));
  const simulationRow = row + (sources.levelRates.length > 0 ? 8 : 6);
  const jobRow = simulationRow + simNames.length + 3;
  const searchTop = jobRow + 9; // the working block, below the rest of the sheet's answers
  const first = searchTop + 3; // step 0
  const lastRow = first + RECRUIT_SEARCH_STEPS;
  const teamAtTop = teamWithoutSaturation(RECRUIT_SEARCH_TOP, attrition, months);
  const recruits: CellValue = toPay === 0 ? 0 : perMember === 0 ? NO_TEAM_PAYS : teamAtTop < target ? TOO_MANY_RECRUITS : search[RECRUIT_SEARCH_STEPS][1];
  b.labelled(
    cell("A", row + 3),
    "Recruits each member must bring in a month",
    cell("B", row + 3),
    `IF(GoalMonth+MonthlyCost=0,0,IF(VolumePerMember*EffectivePayoutRate=0,"${NO_TEAM_PAYS}",IF(${cell("B", searchTop + 1)}<${cell("B", searchTop)},"${TOO_MANY_RECRUITS}",${cell("C", lastRow)})))`,
    recruits,
    "number",
    "RecruitsNeeded"
  );
  b.note(cell("C", row + 3), "For the team to pay the goal by that month, as BIZ.RECRUITSNEEDED with no market cap: a filling market only makes it harder.");
  out(cell("B", row + 4), "RecruitsPerMonth", "number", "Your recruiting now (Downline Projection)", cell("A", row + 4));

  // The levels of a full downline (as BIZ.LEVELSNEEDED), worked in a small table below.
  const rates = sources.levelRates;
  if (rates.length > 0) {
    const levelsTop = lastRow + 3; // header row of the levels' working, below the search
    const bodyTop = levelsTop + 1;
    const bodyEnd = levelsTop + rates.length;
    const growth = number(sources, "RecruitsPerMember") * number(sources, "Retention");
    const tolerance = `MIN(1E-9*(GoalMonth+MonthlyCost),1E-3)`;
    const short = `Over ${rates.length} levels`;
    let levels: CellValue;
    let members: CellValue;
    try {
      const [l, m] = levelsNeeded(goalMonth, number(sources, "RecruitsPerMember"), volume, rates, number(sources, "Retention"), cost);
      levels = l;
      members = m;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      levels = short;
      members = `Not in ${rates.length} levels`;
    }
    b.labelled(
      cell("A", row + 5),
      "Levels of a full downline that pay it",
      cell("B", row + 5),
      `IF(GoalMonth+MonthlyCost=0,0,IF(${cell("E", bodyEnd)}<GoalMonth+MonthlyCost-${tolerance},"${short}",SUMPRODUCT(--(${range("E", bodyTop, "E", bodyEnd)}<GoalMonth+MonthlyCost-${tolerance}))+1))`,
      levels,
      "integer",
      "LevelsNeeded"
    );
    b.note(cell("C", row + 5), "As BIZ.LEVELSNEEDED: each member sponsors as many as on the Downline sheet, paid at its level rates (unilevel).");
    b.labelled(
      cell("A", row + 6),
      "People in those levels",
      cell("B", row + 6),
      `IF(ISNUMBER(LevelsNeeded),IF(LevelsNeeded=0,0,INDEX(${range("D", bodyTop, "D", bodyEnd)},LevelsNeeded)),"Not in ${rates.length} levels")`,
      members,
      "number",
      "LevelMembersNeeded"
    );

    b.heading(cell("A", levelsTop - 1), "Working: what a full downline pays, level by level");
    ["Level", "Level rate", "Members", "Members so far", "Pay so far"].forEach((h, j) => b.heading(cell(String.fromCharCode(65 + j), levelsTop), h));
    let levelMembers = 1;
    let soFar = 0;
    let paid = 0;
    rates.forEach((rate, i) => {
      const r = bodyTop + i;
      levelMembers *= growth;
      soFar += levelMembers;
      paid += levelMembers * (volume * rate);
      b.add({ ref: cell("A", r), value: i + 1, role: "label", format: "integer" });
      b.output(cell("B", r), `INDEX(DownlineLevels[Level rate],${i + 1})`, rate, "percent");
      b.output(cell("C", r), `${i === 0 ? "1" : cell("C", r - 1)}*(RecruitsPerMember*Retention)`, levelMembers, "number");
      b.output(cell("D", r), i === 0 ? cell("C", r) : `${cell("D", r - 1)}+${cell("C", r)}`, soFar, "number");
      b.output(
        cell("E", r),
        i === 0 ? `${cell("C", r)}*(VolumePerMember*${cell("B", r)})` : `${cell("E", r - 1)}+${cell("C", r)}*(VolumePerMember*${cell("B", r)})`,
        paid,
        "currency"
      );
    });
    b.note(cell("A", bodyEnd + 1), "The level rates are the Downline Projection's, as written; for deeper levels, extend this table too.");
  }

  // 4. The simulation: what the typical member of this plan nets.
  // The Downline Projection's reality check simulates the plan type chosen there, with its NetGoal
  // linked to GoalMonth in the whole plan, so ShareAtGoal is the share who reach this plan's goal.
  row = simulationRow;
  b.heading(cell("A", row), "4. What does the typical member really net?");
  const simLabels: Record<string, [string, "currency" | "percent"]> = {
    MedianMemberNet: [`Median net per member over ${PROJECTION_MONTHS} months`, "currency"],
    ShareWithProfit: ["Share of members with any profit", "percent"],
    ShareAtGoal: ["Share of members who reach your goal a month", "percent"],
  };
  simNames.forEach((name, i) => out(cell("B", row + 1 + i), name, simLabels[name][1], simLabels[name][0], cell("A", row + 1 + i)));
  b.note(
    cell("A", row + 1 + simNames.length),
    "The Downline Projection's reality check (BIZ.SIMULATE and its plan siblings) plays the whole network member by member, paid by the plan type chosen there, with its recruiting, attrition, volume and costs. It needs the add-in: without it these figures stay as last computed."
  );

  // 5. Replacing the job, and the chart of a month.
  row = jobRow;
  b.heading(cell("A", row), "5. When can the business replace my job?").heading(cell("B", row), "A month");
  const monthRows: Array<[string, string, CellValue]> = [
    ["Your goal", "GoalMonth", goalMonth],
    ["Your day job", "JobIncome", source(sources, "JobIncome")],
    ["Your business now", "BusinessIncome", source(sources, "BusinessIncome")],
  ];
  monthRows.forEach(([label, formula, value], i) => {
    b.label(cell("A", row + 1 + i), label);
    b.output(cell("B", row + 1 + i), formula, value, "currency");
  });
  const chartEnd = row + monthRows.length;
  out(cell("B", chartEnd + 1), "MonthsToReplace", "integer", "Months until the business replaces the job", cell("A", chartEnd + 1));
  out(cell("B", chartEnd + 2), "ReadyMonths", "integer", "Then months in a row at the job's income", cell("A", chartEnd + 2));
  b.note(cell("C", chartEnd + 1), "At your business income now and its growth (Income Goal sheet).");
  b.note(cell("C", chartEnd + 2), "The Day-Job Tracker's target is your day-job income: it says READY once you have held it that long.");
  b.chart({
    type: "column",
    title: "A month: your goal, your day job, your business now",
    dataRef: `${cell("A", row)}:${cell("B", chartEnd)}`,
    anchor: "G4",
    widthCells: 7,
    heightCells: 15,
  });

  // The working of the recruiting figure, a bisection anyone can follow.
  b.heading(cell("A", searchTop - 1), "Working: how the recruiting figure is found");
  b.label(cell("A", searchTop), "Team that pays the goal (before rounding)");
  b.output(cell("B", searchTop), "IF(VolumePerMember*EffectivePayoutRate>0,(GoalMonth+MonthlyCost)/(VolumePerMember*EffectivePayoutRate),0)", target, "number");
  b.label(cell("A", searchTop + 1), `Team at ${RECRUIT_SEARCH_TOP} recruits a month, the most the search tries`);
  b.output(cell("B", searchTop + 1), teamFormula(String(RECRUIT_SEARCH_TOP)), teamAtTop, "number");
  b.note(
    cell("C", searchTop),
    `Each step halves the range of recruiting rates: the rate in the middle grows a team by month ${"PlanMonths"} of team x (1 + rate - attrition) + rate a month; if that team is big enough, the answer is at most it, else above it.`
  );
  ["Step", "Lowest rate", "Rate that is enough", "Middle rate", "Team at the middle rate"].forEach((h, j) =>
    b.heading(cell(String.fromCharCode(65 + j), first - 1), h)
  );
  search.forEach(([low, high, mid, team], k) => {
    const r = first + k;
    b.add({ ref: cell("A", r), value: k, role: "label", format: "integer" });
    if (k === 0) {
      b.add({ ref: cell("B", r), value: low, role: "label", format: "number" });
      b.add({ ref: cell("C", r), value: high, role: "label", format: "number" });
    } else {
      const reached = `${cell("E", r - 1)}>=${cell("B", searchTop)}`;
      b.output(cell("B", r), `IF(${reached},${cell("B", r - 1)},${cell("D", r - 1)})`, low, "number");
      b.output(cell("C", r), `IF(${reached},${cell("D", r - 1)},${cell("C", r - 1)})`, high, "number");
    }
    b.output(cell("D", r), `(${cell("B", r)}+${cell("C", r)})/2`, mid, "number");
    b.output(cell("E", r), teamFormula(cell("D", r)), team, "number");
  });
  return b.plan([44, 16, 16, 14, 16]);
}

/**
 * The Plan sheet as a template: what `bizplan list` and the routing of `--set` read. It is built
 * only inside the whole plan (composePlan in plan.ts), which gives it the other sheets' figures.
 */
export const planSheet = {
  id: "plan",
  title: "Plan",
  summary:
    "The whole plan on one page: your goal a month, week, day and workday; the sales a day at each price and the visitors a day; the team and the recruiting it would take; what the typical member nets; the months until the business replaces your job; and a chart.",
  inputs,
  outputs: ["VisitorsPerDay", "TeamNeeded", "RecruitsNeeded", "LevelsNeeded", "LevelMembersNeeded"],
} as const satisfies Omit<Template, "build">;
