import { AMOUNT, COUNT, RATE, RECRUITS, SEED, SHARE, SPREAD, WIDTH, interval } from "../core/domains";
import { levelPay, downline, matrix } from "../core/downline";
import { DomainError } from "../core/errors";
import { projectionMonths } from "../core/growth";
import { firstMonthAtLeast } from "../core/milestones";
import { binaryLegs, effectivePayoutRate, stairStepOnEqualLegs } from "../core/payout";
import { binary } from "../core/plans";
import {
  AllPlans,
  GOAL_LABEL,
  PlanKind,
  SIMULATION_KINDS,
  SIMULATION_LABELS,
  SimulationRun,
  reportRows,
  simulateAllPlanMembers,
  summarize,
  summaryRows,
} from "../core/simulate";
import { SheetBuilder, cell, num, range, text } from "./layout";
import { CellValue, Format, InputField, InputValues, SheetPlan, TableCell, Template } from "./model";

/**
 * The Downline Projection: a plan type and its parameters, a level table (the team as the plan
 * pictures it, with the level rates), what the plan pays on it as a share of the team's volume, a
 * month-by-month projection at that payout (PROJECTION's model written as native formulas, one row
 * a month, so it computes without the add-in), and a reality check from a member-by-member
 * simulation of the plan type chosen (BIZ.SIMULATE, SIMULATEMATRIX, SIMULATEBINARY or
 * SIMULATESTAIRSTEP): its summary, its income-disclosure brackets with a chart, the share at the
 * user's goal, and "the same people, four plans" beside what regulators and studies found.
 */

export const PLAN_TYPES = ["unilevel", "matrix", "binary", "stair-step"] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

/** Months the projection and the simulation run: three years, the usual horizon of a plan's promises. */
export const PROJECTION_MONTHS = 36;

/** The projection's columns: PROJECTION's seven, then the recruiting workings. */
export const PROJECTION_COLUMNS = ["Month", "Team", "Team volume", "Commission", "Costs", "Net", "Cumulative net", "New recruits", "Joined so far"] as const;

/** What BreakEvenMonth and PaybackMonth say when the projection never gets there. */
export const NOT_REACHED = `Not in ${PROJECTION_MONTHS} months`;

/** A unilevel plan's level rates, level 1 first (a user types their plan's own). */
export const DEFAULT_LEVEL_RATES: readonly number[] = [0.1, 0.05, 0.05, 0.03, 0.02];

/** The Amway-style stair-step schedule of issue 3: group volume thresholds and their rates. */
export const DEFAULT_STAIR_STEPS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [100, 0.03],
  [300, 0.06],
  [600, 0.09],
  [1000, 0.12],
  [1500, 0.15],
  [2500, 0.18],
  [4000, 0.21],
  [6000, 0.23],
  [7500, 0.25],
];

/**
 * The sourced figures of ../shared/reference/mlm-economics.md, copied here (the add-in must not
 * read files beside the project at run time): each with the source a reader can look up. Their
 * amounts are US dollars, as the sources give them, and say so (US$): whatever currency the plan
 * is written in.
 */
export const SOURCED_FIGURES: ReadonlyArray<{ readonly figure: string; readonly source: string }> = [
  {
    figure:
      "Of 70 income disclosure statements reviewed, the vast majority of participants received US$1,000 or less per year (under US$84 a month); many received nothing; most statements leave out expenses and zero earners.",
    source: "FTC staff report on MLM income disclosure statements, September 2024",
  },
  {
    figure:
      'Income claims must reflect what the typical participant earns; lifestyle or "career-level income" claims are likely deceptive if participants generally do not achieve them.',
    source: "FTC Business Guidance Concerning Multi-Level Marketing, 2018, updated 2024",
  },
  {
    figure:
      'Nearly half of all Herbalife distributors quit in any given year; half of "Sales Leaders" earned under US$5 a month on average from product sales; 57% of Nutrition Club owners (who spent about US$8,500) made no profit or lost money.',
    source: "FTC v. Herbalife, 2016",
  },
  {
    figure: "Nearly half of past MLM participants lost money and a quarter made none; of those who profited, 53% made under US$5,000.",
    source: "AARP Foundation survey, 2018 (601 past participants)",
  },
  {
    figure: "99% of participants received under US$10 a week in commissions before expenses; 60-90% of participants leave each year.",
    source: "Pyramid Scheme Alert study of 11 MLMs, 2008",
  },
  {
    figure:
      "If everyone is equally likely to recruit and the population is finite, only about the first 37% (1/e) of participants can expect to recruit anyone.",
    source: "Gastwirth, The American Statistician, 1977",
  },
  {
    figure:
      "A full six-wide downline passes the US population (335 million) at level 11 and the world (8.1 billion) at level 13; three-wide at levels 18 and 21; two-wide at 28 and 32.",
    source: "arithmetic: width^1 + ... + width^n",
  },
  {
    figure: "A full 3x7 forced matrix holds 3,279 positions, 2,187 of them (66.7%) on the bottom level.",
    source: "arithmetic",
  },
];

/**
 * The reality check's recruiting spread unless the user sets one: 4, where most members recruit no
 * one and a few recruit most, as real networks show (Gastwirth 1977; the FTC's 2024 staff report).
 * 0 would be the old model, everyone equally likely to recruit, which flatters the typical member.
 */
export const DEFAULT_RECRUITING_SPREAD = 4;

/** The goal unless the user sets one: the Income Goal template's default, 36,000 a year, a month. */
export const DEFAULT_NET_GOAL = 3000;

/** The plan types in the order the "same people, four plans" table lists them, with the plan each pays. */
export const SIMULATED_PLANS: ReadonlyArray<{ readonly type: PlanType; readonly kind: PlanKind; readonly fn: string }> = [
  { type: "unilevel", kind: "unilevel", fn: "SIMULATE" },
  { type: "matrix", kind: "matrix", fn: "SIMULATEMATRIX" },
  { type: "binary", kind: "binary", fn: "SIMULATEBINARY" },
  { type: "stair-step", kind: "stairstep", fn: "SIMULATESTAIRSTEP" },
];

/** The income-disclosure rows as a user reads them: average net a month, from (included) up to (not included). */
export function bracketLabel(from: number | string, to: number | string): string {
  const n = (x: number) => x.toLocaleString("en-US");
  if (from === "") return `under ${n(to as number)}`;
  if (to === "") return `${n(from as number)} and up`;
  if (from === 0 && to === 0) return "0 (broke even)";
  if (from === 0) return `over 0 to ${n(to as number)}`;
  return `${n(from as number)} to ${n(to as number)}`;
}

/** The four plans' parameters as the template's inputs and tables give them (a binary cap of 0 is no cap). */
export function simulatedPlans(values: InputValues, levelRates: readonly number[]): AllPlans {
  const cap = num(values, "BinaryCap");
  return {
    unilevel: { levelRates },
    matrix: { width: num(values, "MatrixWidth"), levelRates },
    binary: { rate: num(values, "BinaryRate"), cap: cap > 0 ? cap : null, flush: false },
    stairstep: { thresholds: DEFAULT_STAIR_STEPS.map(([t]) => t), rates: DEFAULT_STAIR_STEPS.map(([, r]) => r) },
  };
}

/** The reality check's one simulated network, paid by all four plans (core pays them on one history). */
export function realityCheckRuns(values: InputValues, levelRates: readonly number[] = DEFAULT_LEVEL_RATES): Record<PlanKind, SimulationRun> {
  return simulateAllPlanMembers(
    {
      members: num(values, "MarketSize"),
      months: PROJECTION_MONTHS,
      recruitsPerMemberPerMonth: num(values, "RecruitsPerMonth"),
      monthlyAttrition: num(values, "MonthlyAttrition"),
      volumePerMember: num(values, "VolumePerMember"),
      monthlyCost: num(values, "MonthlyCost"),
      seed: num(values, "SimulationSeed"),
      recruitingSpread: num(values, "RecruitingSpread"),
      goal: num(values, "NetGoal"),
    },
    simulatedPlans(values, levelRates)
  );
}

/**
 * The market this template simulates: at most 100,000 people. The sheet's cached figures are
 * computed when it is built (in the task pane or the CLI), four plans member by member: a full
 * market of 100,000 takes about 0.3 s of CPU, a million about 5 s (measured, docs/templates.md).
 * BIZ.SIMULATE itself takes up to 1,000,000 in a formula of the user's own.
 */
export const TEMPLATE_MARKET = interval("[1,100000]", true);

const inputs: readonly InputField[] = [
  {
    name: "PlanType",
    label: "Plan type",
    kind: "choice",
    choices: PLAN_TYPES,
    format: "text",
    default: "unilevel",
    help: "unilevel, matrix, binary or stair-step: how the plan pays on your team.",
  },
  {
    name: "RecruitsPerMember",
    label: "People each member sponsors",
    kind: "number",
    domain: RECRUITS,
    format: "number",
    default: 3,
    help: "Unilevel and stair-step: recruits per member in all, for the level table (an average, fractions are fine).",
  },
  {
    name: "Retention",
    label: "Share of recruits who stay",
    kind: "number",
    domain: SHARE,
    format: "percent",
    default: 0.5,
    help: "Unilevel and stair-step: the share of each member's recruits still active.",
  },
  {
    name: "MatrixWidth",
    label: "Matrix width",
    kind: "number",
    domain: WIDTH,
    format: "integer",
    default: 3,
    help: "Matrix: positions under each member (a binary is 2 wide).",
  },
  {
    name: "MatrixMembers",
    label: "Members placed in the matrix",
    kind: "number",
    domain: COUNT,
    format: "integer",
    default: 20,
    help: "Matrix and binary: people filling the positions, level by level, left to right.",
  },
  {
    name: "BinaryRate",
    label: "Binary rate",
    kind: "number",
    domain: RATE,
    format: "percent",
    default: 0.1,
    help: "Binary: the share of the weaker leg's volume paid to you.",
  },
  {
    name: "BinaryCap",
    label: "Binary cap a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 0,
    help: "Binary: most it pays a month; 0 for no cap.",
  },
  {
    name: "PersonalVolume",
    label: "Your own volume a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 100,
    help: "Stair-step: your personal sales, which count toward your group volume.",
  },
  {
    name: "VolumePerMember",
    label: "Volume per member a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 100,
    help: "What each active member sells (or buys) a month.",
  },
  {
    name: "MonthlyCost",
    label: "Your costs a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: 100,
    help: "Kit, autoship, fees and tools a member pays a month.",
  },
  {
    name: "RecruitsPerMonth",
    label: "New recruits per member a month",
    kind: "number",
    domain: RECRUITS,
    format: "number",
    default: 0.2,
    help: "Projection and reality check: recruits each active member brings a month in an empty market.",
  },
  {
    name: "MonthlyAttrition",
    label: "Members who quit a month",
    kind: "number",
    domain: SHARE,
    format: "percent",
    default: 0.05,
    help: "The share of your team that leaves each month (60-90% a year is typical: 7-17% a month).",
  },
  {
    name: "MarketSize",
    label: "People who could ever join",
    kind: "number",
    domain: TEMPLATE_MARKET,
    format: "integer",
    default: 10000,
    help: "The market: recruiting slows as it fills (1 to 100,000 here).",
  },
  {
    name: "RecruitingSpread",
    label: "How unequal recruiting is",
    kind: "number",
    domain: SPREAD,
    format: "number",
    default: DEFAULT_RECRUITING_SPREAD,
    help: "Reality check: 0 if everyone is equally likely to recruit; at 4 (as real networks show) most recruit no one and a few recruit most.",
  },
  {
    name: "SimulationSeed",
    label: "Simulation seed",
    kind: "number",
    domain: SEED,
    format: "integer",
    default: 1,
    help: "Fixes the simulation's random draws: the same seed gives the same figures.",
  },
  {
    name: "NetGoal",
    label: "Your goal: net income a month",
    kind: "number",
    domain: AMOUNT,
    format: "currency",
    default: DEFAULT_NET_GOAL,
    help: "Reality check: the share of members whose net in the last month reaches it.",
  },
];

const MEMBERS = "Members";
const TOTAL = "Total so far";

/** One level of the level table. */
interface LevelRow {
  members: number;
  total: number;
}

/** The team per level as the chosen plan pictures it, with core's DOWNLINE or MATRIX. */
export function levelTable(values: InputValues, levels: number): LevelRow[] {
  const type = text(values, "PlanType") as PlanType;
  if (type === "matrix" || type === "binary") {
    const width = type === "binary" ? 2 : num(values, "MatrixWidth");
    let total = 0;
    return matrix(width, levels, num(values, "MatrixMembers")).map(([, , filled]) => ({ members: filled, total: (total += filled) }));
  }
  return downline(num(values, "RecruitsPerMember"), levels, num(values, "Retention"), num(values, "MarketSize")).map(([, members, cumulative]) => ({
    members,
    total: cumulative,
  }));
}

/** The Downline Projection sheet with the given level rates (the template's build uses the defaults). */
export function downlineProjectionPlan(values: InputValues, levelRates: readonly number[] = DEFAULT_LEVEL_RATES): SheetPlan {
  const b = new SheetBuilder(inputs, values);
  const type = text(values, "PlanType") as PlanType;
  const volume = num(values, "VolumePerMember");
  const cost = num(values, "MonthlyCost");
  const recruits = num(values, "RecruitsPerMonth");
  const attrition = num(values, "MonthlyAttrition");
  const market = num(values, "MarketSize");

  b.title("A1", "Downline Projection");
  b.note(
    "A2",
    "What a network-marketing plan pays on a team, month by month, and what a simulation of the whole network says the typical member nets. Yellow cells are yours to change."
  );
  b.heading("A4", "Your plan");
  ["PlanType", "RecruitsPerMember", "Retention", "MatrixWidth", "MatrixMembers", "BinaryRate", "BinaryCap", "PersonalVolume"].forEach((name, i) =>
    b.input(name, 5 + i)
  );
  b.heading("A14", "Your team's month");
  const teamInputs = ["VolumePerMember", "MonthlyCost", "RecruitsPerMonth", "MonthlyAttrition", "MarketSize", "RecruitingSpread", "SimulationSeed", "NetGoal"];
  teamInputs.forEach((name, i) => b.input(name, 15 + i));

  // The level table: members per level grow from you (1) by LevelGrowth, never past LevelLimit in
  // all, as core's DOWNLINE (unilevel, stair-step) and MATRIX (matrix, binary) fill them.
  const matrixLike = `OR(PlanType="matrix",PlanType="binary")`;
  const levelHeading = 15 + teamInputs.length + 1;
  b.heading(cell("A", levelHeading), "Level table: your team as the plan pictures it");
  const top = levelHeading + 1;
  const rows = levelTable(values, levelRates.length);
  const members = rows.map((r) => r.members);
  // The row above by plain relative reference, not OFFSET: a volatile function here would make Excel
  // recompute BIZ.SIMULATE (which reads the level rates) on every open: #NAME? without the add-in.
  const previous = (column: "C" | "D", row: number, first: number) => `IF([@Level]=1,${first},${column}${row - 1})`;
  const tableRows: TableCell[][] = rows.map((r, i) => [
    i + 1,
    levelRates[i],
    { formula: `MIN(${previous("C", top + 1 + i, 1)}*LevelGrowth,LevelLimit-${previous("D", top + 1 + i, 0)})`, value: r.members },
    { formula: `IF([@${MEMBERS}]>=LevelLimit-${previous("D", top + 1 + i, 0)},LevelLimit,${previous("D", top + 1 + i, 0)}+[@${MEMBERS}])`, value: r.total },
    { formula: `[@${MEMBERS}]*(VolumePerMember*[@[Level rate]])`, value: levelPay([r.members], volume, [levelRates[i]]) },
  ]);
  b.table(
    "DownlineLevels",
    cell("A", top),
    [
      { header: "Level", format: "integer", input: true },
      { header: "Level rate", format: "percent", input: true },
      { header: MEMBERS, format: "number" },
      { header: TOTAL, format: "number" },
      { header: "Commission", format: "currency" },
    ],
    tableRows
  );
  const last = top + tableRows.length;
  b.note(
    cell("A", last + 1),
    "Type your plan's level rates; for deeper levels add rows at the bottom of the table, numbering the level. Members are averages, so they need not be whole."
  );

  // The stair-step schedule, beside the level table.
  b.heading(cell("G", levelHeading), "Stair-step schedule");
  b.table(
    "StairSteps",
    cell("G", top),
    [
      { header: "Group volume", format: "currency", input: true },
      { header: "Rate", format: "percent", input: true },
    ],
    DEFAULT_STAIR_STEPS.map(([threshold, rate]) => [threshold, rate])
  );
  const thresholds = DEFAULT_STAIR_STEPS.map(([t]) => t);
  const stairRates = DEFAULT_STAIR_STEPS.map(([, r]) => r);

  // What the plan pays on this team.
  const isMatrixLike = type === "matrix" || type === "binary";
  const growth = isMatrixLike ? (type === "binary" ? 2 : num(values, "MatrixWidth")) : num(values, "RecruitsPerMember") * num(values, "Retention");
  const limit = isMatrixLike ? num(values, "MatrixMembers") : market;
  const team = rows.length > 0 ? rows[rows.length - 1].total : 0;
  const tableVolume = team * volume;
  const levelCommission = levelPay(members, volume, levelRates);
  // A binary's two legs exist only in a binary tree: for the other plans these figures are 0.
  const legs = type === "binary" ? binaryLegs(members) : { left: 0, right: 0 };
  const binaryCap = num(values, "BinaryCap");
  const binaryCommission = binary([legs.left * volume], [legs.right * volume], {
    rate: num(values, "BinaryRate"),
    ...(binaryCap > 0 ? { cap: binaryCap } : {}),
  })[0][2];
  const stair = stairStepOnEqualLegs(num(values, "PersonalVolume"), members[0] ?? 0, tableVolume, thresholds, stairRates);
  const planCommission = type === "binary" ? binaryCommission : type === "stair-step" ? stair.onLegs : levelCommission;
  const payout = effectivePayoutRate(planCommission, tableVolume);

  let row = last + 3;
  b.heading(cell("A", row), "What the plan pays on this team");
  const payRows: Array<[string, string, CellValue, "number" | "currency" | "percent", string, string?]> = [
    [
      "Growth from one level to the next",
      `IF(${matrixLike},IF(PlanType="binary",2,MatrixWidth),RecruitsPerMember*Retention)`,
      growth,
      "number",
      "LevelGrowth",
      "Recruits x retention; for a matrix its width.",
    ],
    [
      "Most members in the table",
      `IF(${matrixLike},MatrixMembers,MarketSize)`,
      limit,
      "number",
      "LevelLimit",
      "The market; for a matrix the members placed in it.",
    ],
    ["Team in the table", `MAX(DownlineLevels[${TOTAL}])`, team, "number", "TableTeam"],
    ["Team volume a month", "TableTeam*VolumePerMember", tableVolume, "currency", "TableVolume"],
    [
      "Level commission (unilevel, matrix)",
      "SUM(DownlineLevels[Commission])",
      levelCommission,
      "currency",
      "LevelCommission",
      "As BIZ.LEVELPAY: members x volume x level rate.",
    ],
    [
      "Binary: members in the weaker leg",
      `IF(PlanType="binary",SUMPRODUCT((DownlineLevels[Members]>2^(DownlineLevels[Level]-1))*(DownlineLevels[Members]-2^(DownlineLevels[Level]-1))),0)`,
      legs.right,
      "number",
      "BinaryWeakLeg",
      "The right leg (the left half of each level fills first); 0 for other plans.",
    ],
    [
      "Binary commission",
      "IF(AND(BinaryCap>0,BinaryWeakLeg*VolumePerMember*BinaryRate>BinaryCap),BinaryCap,BinaryWeakLeg*VolumePerMember*BinaryRate)",
      binaryCommission,
      "currency",
      "BinaryCommission",
      "As BIZ.BINARY: the weaker leg's volume x the rate, up to the cap.",
    ],
    ["Stair-step: frontline legs", "INDEX(DownlineLevels[Members],1)", members[0] ?? 0, "number", "LegCount"],
    ["Stair-step: volume of each leg", "IF(LegCount>0,TableVolume/LegCount,0)", stair.legVolume, "currency", "LegVolume"],
    [
      "Stair-step: your rate",
      "IFERROR(LOOKUP(PersonalVolume+TableVolume,StairSteps[Group volume],StairSteps[Rate]),0)",
      stair.groupRate,
      "percent",
      "GroupRate",
      "From your group volume: personal + team.",
    ],
    ["Stair-step: each leg's own rate", "IFERROR(LOOKUP(LegVolume,StairSteps[Group volume],StairSteps[Rate]),0)", stair.legRate, "percent", "LegRate"],
    [
      "Stair-step bonus on your legs",
      "LegCount*MAX(0,GroupRate*LegVolume-LegRate*LegVolume)",
      stair.onLegs,
      "currency",
      "StairStepOnLegs",
      "As BIZ.STAIRSTEP: your rate less each leg's, on its volume.",
    ],
    [
      "Commission a month on this team",
      `IF(PlanType="binary",BinaryCommission,IF(PlanType="stair-step",StairStepOnLegs,LevelCommission))`,
      planCommission,
      "currency",
      "PlanCommission",
    ],
    [
      "Effective payout rate",
      "IF(TableVolume>0,MIN(1,PlanCommission/TableVolume),0)",
      payout,
      "percent",
      "EffectivePayoutRate",
      "The share of the team's volume paid to you: the projection pays this rate.",
    ],
  ];
  payRows.forEach(([label, formula, value, format, name, help], i) => {
    b.labelled(cell("A", row + 1 + i), label, cell("B", row + 1 + i), formula, value, format, name);
    if (help) b.note(cell("C", row + 1 + i), help);
  });
  row += payRows.length + 2;

  // The month-by-month projection (core's projectionMonths, the model of BIZ.PROJECTION) and what it says.
  const projected = projectionMonths(recruits, PROJECTION_MONTHS, volume, payout, cost, attrition, market);
  const months = projected.map((m) => m.month);
  const breakEven = firstMonthAtLeast(
    months,
    projected.map((m) => m.net)
  );
  const payback = firstMonthAtLeast(
    months,
    projected.map((m) => m.cumulativeNet)
  );
  // Rows: results (4), a gap, the reality check (heading, note, your plan's summary, three named
  // figures), a gap, the income disclosure (heading, header, 12 brackets), a gap, the same people
  // under four plans (heading, note, header, the summary, two comparison rows), a gap, the projection.
  const runs = realityCheckRuns(values, levelRates);
  const chosen = SIMULATED_PLANS.find((p) => p.type === type) ?? SIMULATED_PLANS[0];
  const summaries = SIMULATED_PLANS.map((p) => summaryRows(summarize(runs[p.kind])));
  const brackets = reportRows(runs[chosen.kind], "brackets") as Array<[number | string, number | string, number, number]>;
  const summaryLength = summaries[0].length; // SIMULATE's nine rows and, with the goal, Share at goal
  const realityRow = row + 5;
  const simTop = realityRow + 2;
  const namedTop = simTop + summaryLength;
  const bracketRow = namedTop + 4;
  const bracketTop = bracketRow + 2;
  const plansRow = bracketTop + brackets.length + 2;
  const plansHeader = plansRow + 2;
  const plansTop = plansHeader + 1;
  const comparisonRow = plansTop + summaryLength;
  const projectionTop = comparisonRow + 2 + 3;
  const start = projectionTop + 1; // month 0: you alone
  const first = start + 1;
  const lastMonth = first + PROJECTION_MONTHS - 1;
  const col = (c: string) => range(c, first, c, lastMonth);

  b.heading(cell("A", row), "Results");
  // The first month whose figure in column c (net, cumulative net) is 0 or more, or NOT_REACHED.
  const firstMonthAtLeastZero = (c: string) => `IF(COUNTIF(${col(c)},">=0")=0,"${NOT_REACHED}",MINIFS(${col("A")},${col(c)},">=0"))`;
  b.labelled(
    cell("A", row + 1),
    "Cumulative net at month 12",
    cell("B", row + 1),
    `INDEX(${col("G")},12)`,
    projected[11].cumulativeNet,
    "currency",
    "ProjectedNet12"
  );
  b.labelled(
    cell("A", row + 2),
    "First month with a net of 0 or more",
    cell("B", row + 2),
    firstMonthAtLeastZero("F"),
    breakEven ?? NOT_REACHED,
    "integer",
    "BreakEvenMonth"
  );
  b.labelled(
    cell("A", row + 3),
    "First month the cumulative net is 0 or more",
    cell("B", row + 3),
    firstMonthAtLeastZero("G"),
    payback ?? NOT_REACHED,
    "integer",
    "PaybackMonth"
  );
  b.note(cell("C", row + 2), "The month your commission first covers your costs.");
  b.note(cell("C", row + 3), "The month the business has paid back everything it cost.");

  // The BIZ calls of one recalculation: the four plans' summaries (one call each, its figures
  // column spilled whole) and the chosen plan's brackets (one call: IF evaluates only the branch
  // PlanType picks). Everything else reads those spills with native formulas.
  const network = `MarketSize,${PROJECTION_MONTHS},RecruitsPerMonth,MonthlyAttrition,VolumePerMember`;
  const options = "SimulationSeed,RecruitingSpread,NetGoal";
  const callOf: Record<PlanKind, (report: string) => string> = {
    unilevel: (r) => `BIZ.SIMULATE(${network},DownlineLevels[Level rate],MonthlyCost,${options}${r})`,
    matrix: (r) => `BIZ.SIMULATEMATRIX(${network},MatrixWidth,DownlineLevels[Level rate],MonthlyCost,${options}${r})`,
    binary: (r) => `BIZ.SIMULATEBINARY(${network},BinaryRate,MonthlyCost,IF(BinaryCap>0,BinaryCap,""),FALSE,${options}${r})`,
    stairstep: (r) => `BIZ.SIMULATESTAIRSTEP(${network},StairSteps[Group volume],StairSteps[Rate],MonthlyCost,${options}${r})`,
  };
  const kindFormat: Record<(typeof SIMULATION_KINDS)[number], Format> = { count: "integer", money: "currency", share: "percent" };
  const summaryFormats: Format[] = [...SIMULATION_KINDS.map((k): Format => kindFormat[k]), "percent" as Format].slice(0, summaryLength);
  const planColumns = SIMULATED_PLANS.map((_p, j) => String.fromCharCode(66 + j)); // B to E
  const planHeaders = range("B", plansHeader, planColumns[3], plansHeader);
  const plansBlock = range("B", plansTop, planColumns[3], plansTop + summaryLength - 1);
  const pickPlan = `MATCH(PlanType,${planHeaders},0)`;
  const chosenIndex = SIMULATED_PLANS.indexOf(chosen);

  // The reality check: the chosen plan's summary, picked from the four plans' table below.
  row = realityRow;
  b.heading(cell("A", row), "Reality check: what the typical member of your plan nets");
  b.note(
    cell("A", row + 1),
    `The whole network simulated member by member over ${PROJECTION_MONTHS} months with the inputs above, paid by your plan type (the ${chosen.type} column of "the same people, four plans" below: BIZ.${chosen.fn}).`
  );
  const simRange = range("A", simTop, "B", simTop + summaryLength - 1);
  summaries[chosenIndex].forEach(([label], i) => b.label(cell("A", simTop + i), label));
  const mine = summaries[chosenIndex].map(([, v]) => [v]);
  b.output(
    cell("B", simTop),
    `INDEX(${plansBlock},0,${pickPlan})`,
    mine[0][0],
    summaryFormats[0],
    undefined,
    mine,
    summaryFormats.map((f) => [f])
  );
  const figure = (label: string) => summaries[chosenIndex].find(([l]) => l === label)![1];
  b.labelled(
    cell("A", namedTop),
    "Share of members with a profit",
    cell("B", namedTop),
    `VLOOKUP("Share with profit",${simRange},2,FALSE)`,
    figure("Share with profit"),
    "percent",
    "ShareWithProfit"
  );
  b.labelled(
    cell("A", namedTop + 1),
    "Median net per member",
    cell("B", namedTop + 1),
    `VLOOKUP("Median net per member",${simRange},2,FALSE)`,
    figure("Median net per member"),
    "currency",
    "MedianMemberNet"
  );
  b.labelled(
    cell("A", namedTop + 2),
    "Share at your goal",
    cell("B", namedTop + 2),
    `VLOOKUP("${GOAL_LABEL}",${simRange},2,FALSE)`,
    figure(GOAL_LABEL),
    "percent",
    "ShareAtGoal"
  );
  b.note(cell("C", namedTop + 2), "Members whose net in the last month was at least your goal, of everyone who joined (a member who quit is not at goal).");

  // What regulators and studies found, quoted with their sources, beside the simulation.
  b.heading(cell("D", row), "What regulators and studies found");
  SOURCED_FIGURES.forEach(({ figure: f, source }, i) => b.note(cell("D", simTop + i), `${f} (${source})`));

  // The income disclosure of the chosen plan: members by average net a month, and a column chart.
  b.heading(cell("A", bracketRow), "Income disclosure: your plan's members by average net a month");
  b.note(
    cell("A", bracketRow + 1),
    `Each member's net over their months in, a month; everyone who ever joined, quitters included. A bracket runs from its first figure up to, not including, its second (BIZ.${chosen.fn}, report "brackets").`
  );
  b.heading(cell("A", bracketTop), "Average net a month").heading(cell("B", bracketTop), "Members").heading(cell("C", bracketTop), "Share of members");
  const bracketFirst = bracketTop + 1;
  const bracketLast = bracketTop + brackets.length;
  brackets.forEach(([from, to], i) => b.label(cell("A", bracketFirst + i), bracketLabel(from, to)));
  const brackets_ = (kind: PlanKind) => callOf[kind](',"brackets"');
  const bracketFormula = `INDEX(IF(PlanType="matrix",${brackets_("matrix")},IF(PlanType="binary",${brackets_("binary")},IF(PlanType="stair-step",${brackets_("stairstep")},${brackets_("unilevel")}))),0,3)`;
  b.output(
    cell("B", bracketFirst),
    bracketFormula,
    brackets[0][2],
    "integer",
    undefined,
    brackets.map((r) => [r[2]])
  );
  const bracketMembers = range("B", bracketFirst, "B", bracketLast);
  brackets.forEach((r, i) =>
    b.output(cell("C", bracketFirst + i), `IF(SUM(${bracketMembers})>0,B${bracketFirst + i}/SUM(${bracketMembers}),0)`, r[3], "percent")
  );
  b.chart({
    type: "column",
    title: "Members by average net a month",
    dataRef: range("A", bracketTop, "B", bracketLast, false),
    anchor: cell("E", bracketRow),
    widthCells: 8,
    heightCells: brackets.length + 3,
  });

  // The same people, four plans: one simulated network (the same people join, recruit and quit in
  // the same months whatever the plan), paid by each plan with its own parameters.
  b.heading(cell("A", plansRow), "The same people, four plans");
  b.note(
    cell("A", plansRow + 1),
    "One simulated network, the same people joining, recruiting and quitting in the same months, paid by each plan with its parameters above: which plan pays the typical member more, and by how much."
  );
  b.heading(cell("A", plansHeader), "Plan type");
  SIMULATED_PLANS.forEach((p, j) => b.heading(cell(planColumns[j], plansHeader), p.type));
  summaries[0].forEach(([label], i) => b.label(cell("A", plansTop + i), label));
  SIMULATED_PLANS.forEach((p, j) => {
    const column = summaries[j].map(([, v]) => [v]);
    b.output(
      cell(planColumns[j], plansTop),
      `INDEX(${callOf[p.kind]("")},0,2)`,
      column[0][0],
      summaryFormats[0],
      undefined,
      column,
      summaryFormats.map((f) => [f])
    );
  });
  const medianAt = plansTop + SIMULATION_LABELS.indexOf("Median net per member");
  const medians = range("B", medianAt, planColumns[3], medianAt);
  const medianValues = summaries.map((rows) => rows[SIMULATION_LABELS.indexOf("Median net per member")][1]);
  b.label(cell("A", comparisonRow), "Median net, less your plan's");
  SIMULATED_PLANS.forEach((_p, j) =>
    b.output(
      cell(planColumns[j], comparisonRow),
      `${planColumns[j]}${medianAt}-INDEX(${medians},${pickPlan})`,
      medianValues[j] - medianValues[chosenIndex],
      "currency"
    )
  );
  const best = medianValues.indexOf(Math.max(...medianValues));
  b.labelled(
    cell("A", comparisonRow + 1),
    "Pays the typical member most",
    cell("B", comparisonRow + 1),
    `INDEX(${planHeaders},MATCH(MAX(${medians}),${medians},0))`,
    SIMULATED_PLANS[best].type,
    "text",
    "BestPlanForMember"
  );

  // The projection itself: the recurrence as Excel's own formulas, one row a month, so it computes
  // without the add-in and in any spreadsheet. Columns A to G are PROJECTION's (month, team, team
  // volume, commission, costs, net, cumulative net); H and I are the recruiting workings: the new
  // recruits, and everyone who ever joined, which the market factor counts against the market.
  b.heading(cell("A", projectionTop - 1), `Month by month (${PROJECTION_MONTHS} months, at the effective payout rate)`);
  PROJECTION_COLUMNS.forEach((h, j) => b.heading(cell(String.fromCharCode(65 + j), projectionTop), h));
  b.add({ ref: cell("A", start), value: 0, role: "output", format: "integer" });
  b.add({ ref: cell("B", start), value: 0, role: "output", format: "number" });
  b.add({ ref: cell("G", start), value: 0, role: "output", format: "currency" });
  b.add({ ref: cell("I", start), value: 1, role: "output", format: "number" });
  b.note(cell("C", start), "Month 0: you alone, before anyone joins.");
  projected.forEach((m, i) => {
    const r = first + i;
    const p = r - 1;
    const out = (c: string, formula: string, value: number, format: Format) => b.output(cell(c, r), formula, value, format);
    b.add({ ref: cell("A", r), value: m.month, role: "output", format: "integer" });
    // As core's recruited(): recruits x recruiters x (1 - joined / cap), never past the cap, none once it is full.
    out("H", `IF(I${p}>=MarketSize,0,MIN(RecruitsPerMonth*(1+B${p})*(1-I${p}/MarketSize),MarketSize-I${p}))`, m.added, "number");
    out("B", `MAX(0,B${p}+H${r}-MonthlyAttrition*B${p})`, m.team, "number");
    out("I", `IF(H${r}=MarketSize-I${p},MarketSize,I${p}+H${r})`, m.joined, "number");
    out("C", `B${r}*VolumePerMember`, m.teamVolume, "currency");
    out("D", `C${r}*EffectivePayoutRate`, m.commission, "currency");
    out("E", "MonthlyCost", m.cost, "currency");
    out("F", `D${r}-E${r}`, m.net, "currency");
    out("G", `G${p}+F${r}`, m.cumulativeNet, "currency");
  });
  // The two columns the chart draws, side by side, from month 0.
  b.heading(cell("K", projectionTop), "Month").heading(cell("L", projectionTop), "Cumulative net");
  b.output(cell("K", start), cell("A", start), 0, "integer");
  b.output(cell("L", start), cell("G", start), 0, "currency");
  projected.forEach((m, i) => {
    b.output(cell("K", first + i), cell("A", first + i), m.month, "integer");
    b.output(cell("L", first + i), cell("G", first + i), m.cumulativeNet, "currency");
  });
  b.chart({
    type: "line",
    title: "Cumulative net, month by month",
    dataRef: range("K", projectionTop, "L", lastMonth, false),
    anchor: cell("N", projectionTop),
    widthCells: 8,
    heightCells: 18,
  });
  return b.plan([36, 16, 16, 16, 16, 16, 16, 16, 16, 4, 10, 16]);
}

export const downlineProjection: Template = {
  id: "downline-projection",
  title: "Downline Projection",
  summary:
    "A network-marketing plan (unilevel, matrix, binary or stair-step) and its level table, a month-by-month projection of team, commission, costs and cumulative net with a chart, and a reality check from a simulation of the whole network in your plan: what the typical member nets, an income disclosure with a chart, the share at your goal, and the same people under all four plans, beside sourced figures.",
  inputs,
  outputs: ["EffectivePayoutRate", "PlanCommission", "ProjectedNet12", "BreakEvenMonth", "PaybackMonth", "ShareWithProfit", "MedianMemberNet", "ShareAtGoal"],
  build: (values) => downlineProjectionPlan(values),
  // A matrix too large for exact counts cannot be pictured: say so next to its width.
  check: (values) => {
    try {
      levelTable(values, DEFAULT_LEVEL_RATES.length);
      return {};
    } catch (e) {
      if (e instanceof DomainError)
        return { [values.PlanType === "matrix" ? "MatrixWidth" : "RecruitsPerMember"]: `${e.message[0].toUpperCase()}${e.message.slice(1)}.` };
      throw e;
    }
  },
};
