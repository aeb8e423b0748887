import { downlineProjection, downlineProjectionPlan, NOT_REACHED, PROJECTION_MONTHS, SOURCED_FIGURES } from "../../src/templates/downline-projection";
import { GOAL_LABEL, SIMULATION_LABELS } from "../../src/core/simulate";
import { MemorySheet, bizDependents } from "../../src/workbook/memory";
import { SheetFigures, onSheet, readCell, readColumn, readName } from "./engine";

/**
 * The figures the written sheet computes: native formulas recomputed by LibreOffice, BIZ cells by
 * the built bundle on the arguments their formulas pass (./engine.ts). Expected figures are worked
 * by hand, or (the 36-month default projection) by the recurrence carried in 50-digit decimals
 * outside this code base; none comes from src/core.
 */

/** The month-by-month block (month, team, team volume, commission, costs, net, cumulative net), found from its chart. */
function projectionRows(s: SheetFigures): number[][] {
  const chart = s.memory.plan.charts.find((c) => c.type === "line")!;
  const top = Number(/\d+/.exec(chart.dataRef.split(":")[0])![0]); // the heading row, then month 0
  return s.readBlock(`A${top + 2}`, PROJECTION_MONTHS, 7) as number[][];
}

/** The reality check's summary of your plan (its first block): SIMULATE's nine rows of label and figure and Share at goal, found by their first label. */
const SUMMARY_LABELS = [...SIMULATION_LABELS, GOAL_LABEL];
function simulationRows(s: SheetFigures): Array<[string, number]> {
  const at = [...s.memory.cells].find(([, c]) => c.value === SIMULATION_LABELS[0])![0];
  return s.readBlock(at, SUMMARY_LABELS.length, 2) as Array<[string, number]>;
}

const TEAM = 1.5 + 2.25 + 3.375 + 5.0625 + 7.59375; // 19.78125: recruits 3 x retention 50% = 1.5 per level, five levels

describe("Downline Projection: the sheet's own figures", () => {
  const sheet = onSheet(downlineProjection);
  const issue3 = onSheet(downlineProjection, {
    PlanType: "matrix",
    MatrixMembers: 3,
    RecruitsPerMonth: 0.5,
    MonthlyCost: 50,
    MonthlyAttrition: 0,
    MarketSize: 100000,
  });
  // A market of 11 that fills in month 1: everything is certain, so every figure is worked by hand.
  const filled = onSheet(downlineProjection, {
    PlanType: "matrix",
    MatrixMembers: 3,
    RecruitsPerMonth: 1e9,
    MonthlyAttrition: 0,
    MarketSize: 11,
    MonthlyCost: 50,
  });
  // The same market of 11 filled in month 1, unilevel (the reality check simulates the plan type chosen), with a goal of 50 a month.
  const filledUnilevel = onSheet(downlineProjection, { RecruitsPerMonth: 1e300, MonthlyAttrition: 0, MarketSize: 11, MonthlyCost: 50, NetGoal: 50 });
  const noTeam = onSheet(downlineProjection, { RecruitsPerMonth: 0 });
  const nothing = onSheet(downlineProjection, { RecruitsPerMonth: 0, MonthlyCost: 0 });
  const plans = [
    [{ PlanType: "matrix" }, 115, 115 / 2000, "MATRIX(3, 5, 20) fills 3, 9, 8: 100 x (3 x 10% + 9 x 5% + 8 x 5%)"],
    [{ PlanType: "binary" }, 70, 70 / 2000, "MATRIX(2, 5, 20) fills 2, 4, 8, 6: legs 13 and 7; 10% of the weaker leg's 700"],
    [{ PlanType: "Binary", BinaryCap: "$50" }, 50, 50 / 2000, "the same, capped at 50 a month"],
    [{ PlanType: "stair-step" }, 59.34375, 0.03, "group 2078 earns 15%, each of 1.5 legs of 1318.75 earns 12%: 1.5 x 3% x 1318.75"],
  ].map(([raw, commission, rate, why]) => [JSON.stringify(raw), commission, rate, why, onSheet(downlineProjection, raw as Record<string, unknown>)] as const);
  const sevenLevels = onSheet(
    { ...downlineProjection, build: (v) => downlineProjectionPlan(v, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) },
    { RecruitsPerMember: 2, Retention: 1 }
  );
  const small = onSheet(downlineProjection, { RecruitsPerMember: 4, Retention: 1, MarketSize: 30 });

  test("the level table pictures a unilevel team of 1.5 per member per level", () => {
    expect(readColumn(sheet, "DownlineLevels", "Members")).toEqual([1.5, 2.25, 3.375, 5.0625, 7.59375]);
    expect(readColumn(sheet, "DownlineLevels", "Total so far")[4]).toBeCloseTo(TEAM, 12);
    // LEVELPAY: 100 x (1.5 x 10% + 2.25 x 5% + 3.375 x 5% + 5.0625 x 3% + 7.59375 x 2%) = 15 + 11.25 + 16.875 + 15.1875 + 15.1875.
    expect(readName(sheet, "PlanCommission")).toBeCloseTo(73.5, 10);
    expect(readName(sheet, "EffectivePayoutRate")).toBeCloseTo(73.5 / (TEAM * 100), 14); // 3.72%
  });

  // The default projection: recruits 0.2, attrition 5%, market 10,000, volume 100, costs 100, at
  // the payout 73.5 / 1978.125 = 3.7156%. Each month new = 0.2 x (1 + team) x (1 - joined / 10000),
  // dropped = 0.05 x team, joined starts at 1 (you).
  // Month 1: new = 0.2 x 1 x 0.9999 = 0.19998; team 0.19998; volume 19.998; commission
  //          19.998 x 0.037156398 = 0.74305; net -99.25695.
  // Month 2: new = 0.2 x 1.19998 x (1 - 1.19998/10000) = 0.23996720; dropped 0.05 x 0.19998 = 0.009999;
  //          team = 0.19998 + 0.2399672 - 0.009999 = 0.4299482; net 0.4299482 x 100 x 0.037156398 - 100 = -98.40247.
  // The same recurrence in 50-digit decimals (Python's decimal module) for 36 months gives the
  // cumulative net -1094.268762 at month 12 and 1911.703972 at month 36; the first month with a
  // net of 0 or more is 22 (net 1.897762), the cumulative net first turns positive in month 33 (285.687435).
  test("the projection, month by month", () => {
    const rows = projectionRows(sheet);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: PROJECTION_MONTHS }, (_, i) => i + 1));
    expect(rows[0][1]).toBeCloseTo(0.19998, 12);
    expect(rows[0][2]).toBeCloseTo(19.998, 10);
    expect(rows[0][3]).toBeCloseTo(0.7430536493, 9);
    expect(rows[0][4]).toBe(100);
    expect(rows[0][5]).toBeCloseTo(-99.25694635, 7);
    expect(rows[1][1]).toBeCloseTo(0.429948201, 8);
    expect(rows[1][5]).toBeCloseTo(-98.40246735, 7);
    expect(rows[11][6]).toBeCloseTo(-1094.268762, 5);
    expect(rows[21][5]).toBeCloseTo(1.897762042, 6);
    expect(rows[35][6]).toBeCloseTo(1911.703972, 5);
  });

  test("ProjectedNet12, BreakEvenMonth and PaybackMonth read the projection", () => {
    expect(readName(sheet, "ProjectedNet12")).toBeCloseTo(-1094.268762, 5);
    expect(readName(sheet, "BreakEvenMonth")).toBe(22);
    expect(readName(sheet, "PaybackMonth")).toBe(33);
  });

  test("issue 3's PROJECTION example: 0.5 recruits, payout 10%, costs 50 a month", () => {
    // A matrix of 3 members all on level 1 at 10% pays exactly 10% of the team's volume.
    expect(readName(issue3, "EffectivePayoutRate")).toBeCloseTo(0.1, 14);
    const rows = projectionRows(issue3);
    // Team 0.5 then 1.25, net -45 then -37.5, cumulative -82.5 (a market of 100,000 shaves a hair off:
    // month 1 is 0.5 x (1 - 1/100000) = 0.499995).
    expect(rows[0][1]).toBeCloseTo(0.499995, 9);
    expect(rows[1][1]).toBeCloseTo(1.25, 4);
    expect(rows[0][5]).toBeCloseTo(-45, 3);
    expect(rows[1][5]).toBeCloseTo(-37.5, 3);
    expect(rows[1][6]).toBeCloseTo(-82.5, 3);
  });

  // A matrix of 3 on level 1 at 10%: payout 30 / 300 = 10%. Month 1: min(1e9 x 1 x (1 - 1/11), 11 - 1)
  // = 10 join, then the market is full. Team 10 every month: volume 1000, commission 100, costs 50, net 50.
  test("a market of 11 filled in month 1: the projection by hand", () => {
    expect(readName(filled, "EffectivePayoutRate")).toBeCloseTo(0.1, 14);
    const rows = projectionRows(filled);
    rows.forEach((r, i) => expect(r).toEqual([i + 1, 10, 1000, 100, 50, 50, 50 * (i + 1)]));
    expect(readName(filled, "ProjectedNet12")).toBe(600); // 12 x 50
    expect(readName(filled, "BreakEvenMonth")).toBe(1);
    expect(readName(filled, "PaybackMonth")).toBe(1);
  });

  // SIMULATE(11, 36, 1e300, 0, 100, {10%, 5%, 5%, 3%, 2%}, 50, 1, 4, 50): you are the only member
  // active at the start of month 1, so the 10 others all join under you then (level 1) whatever the
  // recruiting spread, and nobody leaves. You earn 10 x 36 months x 100 x 10% = 3600 and pay 36 x 50
  // = 1800: net 1800; each of the others earns nothing and nets -1800. Sorted nets: ten -1800, then
  // 1800: median -1800, 10th and 90th percentile -1800 (rank 0.9 x 10 = 9 is the tenth -1800),
  // mean (1800 - 10 x 1800) / 11 = -16200 / 11; 1 of 11 in profit; the top 1% (1 member) has all
  // the commissions; 10 of 11 recruited no one; at the goal of 50 in the last month only you
  // (100 - 50 = 50; the others -50).
  test("a market of 11 filled in month 1: the reality check by hand", () => {
    expect(simulationRows(filledUnilevel)).toEqual([
      ["Members joined", 11],
      ["Active at end", 11],
      ["Median net per member", -1800],
      ["Mean net per member", expect.closeTo(-16200 / 11, 9)],
      ["10th percentile net", -1800],
      ["90th percentile net", -1800],
      ["Share with profit", expect.closeTo(1 / 11, 12)],
      ["Top 1% share of commissions", 1],
      ["Share who recruited no one", expect.closeTo(10 / 11, 12)],
      ["Share at goal", expect.closeTo(1 / 11, 12)],
    ]);
    expect(readName(filledUnilevel, "ShareWithProfit")).toBeCloseTo(1 / 11, 12);
    expect(readName(filledUnilevel, "MedianMemberNet")).toBe(-1800);
    expect(readName(filledUnilevel, "ShareAtGoal")).toBeCloseTo(1 / 11, 12);
  });

  test("nobody joins: you alone, paying 100 a month", () => {
    // The projection: 12 months of 100 in costs, and never a month in profit.
    expect(readName(noTeam, "ProjectedNet12")).toBe(-1200);
    expect(readName(noTeam, "BreakEvenMonth")).toBe(NOT_REACHED);
    expect(readName(noTeam, "PaybackMonth")).toBe(NOT_REACHED);
    // The simulation: only you, 36 x 100 = 3600 in costs, no commissions, no recruit, a net of
    // -100 in the last month, short of the default goal of 3,000.
    expect(simulationRows(noTeam)).toEqual([
      ["Members joined", 1],
      ["Active at end", 1],
      ["Median net per member", -3600],
      ["Mean net per member", -3600],
      ["10th percentile net", -3600],
      ["90th percentile net", -3600],
      ["Share with profit", 0],
      ["Top 1% share of commissions", 0],
      ["Share who recruited no one", 1],
      ["Share at goal", 0],
    ]);
    expect(readName(noTeam, "ShareWithProfit")).toBe(0);
    expect(readName(noTeam, "ShareAtGoal")).toBe(0);
    expect(readName(noTeam, "MedianMemberNet")).toBe(-3600);
  });

  test("no costs and no team: a net of 0 from month 1", () => {
    expect(readName(nothing, "ProjectedNet12")).toBe(0);
    expect(readName(nothing, "BreakEvenMonth")).toBe(1);
  });

  test.each(plans)("%s pays %p a month on the level table, %p of its volume (%s)", (_raw, commission, rate, _why, s) => {
    expect(readName(s, "PlanCommission")).toBeCloseTo(commission as number, 10);
    expect(readName(s, "EffectivePayoutRate")).toBeCloseTo(rate as number, 12);
  });

  test("the reality check: the named figures read SIMULATE's own rows, which are plausible", () => {
    const rows = simulationRows(sheet);
    expect(rows.map((r) => r[0])).toEqual(SUMMARY_LABELS);
    const byLabel = new Map(rows);
    // LibreOffice saves 15 significant digits: equal to the last of those.
    expect(readName(sheet, "ShareWithProfit")).toBeCloseTo(byLabel.get("Share with profit")!, 14);
    expect(readName(sheet, "MedianMemberNet")).toBeCloseTo(byLabel.get("Median net per member")!, 9);
    expect(readName(sheet, "ShareAtGoal")).toBeCloseTo(byLabel.get(GOAL_LABEL)!, 14);
    // Bounds any run must keep: 1 to 10,000 members (the market), shares from 0 to 1, and no member
    // can lose more than 36 months of 100 in costs.
    expect(byLabel.get("Members joined")).toBeGreaterThanOrEqual(1);
    expect(byLabel.get("Members joined")).toBeLessThanOrEqual(10000);
    for (const label of ["Share with profit", "Top 1% share of commissions", "Share who recruited no one", GOAL_LABEL]) {
      expect(byLabel.get(label)).toBeGreaterThanOrEqual(0);
      expect(byLabel.get(label)).toBeLessThanOrEqual(1);
    }
    expect(byLabel.get("10th percentile net")).toBeGreaterThanOrEqual(-3600);
    expect(byLabel.get("10th percentile net")).toBeLessThanOrEqual(byLabel.get("Median net per member")!);
    expect(byLabel.get("Median net per member")).toBeLessThanOrEqual(byLabel.get("90th percentile net")!);
  });

  test("the sourced figures sit beside the simulation, each with its source", () => {
    const notes = sheet.memory.plan.cells.filter((c) => c.role === "note").map((c) => String(c.value));
    for (const { source } of SOURCED_FIGURES) expect(notes.some((n) => n.includes(source))).toBe(true);
    expect(notes.some((n) => n.includes("$1,000 or less per year") && n.includes("FTC staff report"))).toBe(true);
  });

  test("a line chart draws the cumulative net month by month", () => {
    const chart = sheet.memory.plan.charts.find((c) => c.type === "line")!;
    const [from, to] = chart.dataRef.split(":");
    expect(readCell(sheet, from)).toBe("Month");
    expect(readCell(sheet, to)).toBeCloseTo(1911.703972, 5); // the cumulative net at month 36, worked above
  });

  test("no projection cell calls BIZ: each month's row refers to the row above and the named inputs", () => {
    const m: MemorySheet = sheet.memory;
    const start = [...m.cells].find(([, c]) => c.formula?.startsWith("IF(I") && c.formula.includes("RecruitsPerMonth"))![0];
    const first = Number(start.slice(1));
    const formulas = Array.from({ length: PROJECTION_MONTHS }, (_, i) =>
      "BCDEFGHI".split("").map((c) => m.cells.get(`${c}${first + i}`)?.formula ?? "")
    ).flat();
    expect(formulas.filter((f) => f === "")).toEqual([]);
    expect(formulas.filter((f) => /BIZ\./i.test(f))).toEqual([]);
    const r = first + 5;
    // New recruits: none once the market is full, else recruits x (you + team) x the room left, never past the market.
    expect(m.cells.get(`H${r}`)?.formula).toBe(`IF(I${r - 1}>=MarketSize,0,MIN(RecruitsPerMonth*(1+B${r - 1})*(1-I${r - 1}/MarketSize),MarketSize-I${r - 1}))`);
    expect(m.cells.get(`B${r}`)?.formula).toBe(`MAX(0,B${r - 1}+H${r}-MonthlyAttrition*B${r - 1})`);
    expect(m.cells.get(`G${r}`)?.formula).toBe(`G${r - 1}+F${r}`);
    // Month 0 is plain figures: no team, no net yet, you the one member who ever joined.
    expect(["A", "B", "G", "I"].map((c) => readCell(sheet, `${c}${first - 1}`))).toEqual([0, 0, 0, 1]);
    expect(m.cells.get(`B${first - 1}`)?.formula).toBeUndefined();
  });

  test("only the simulation and what reads it need the add-in", () => {
    const biz = bizDependents(sheet.memory);
    for (const name of ["ShareWithProfit", "MedianMemberNet", "ShareAtGoal"]) expect(biz.has(sheet.memory.names.get(name)!)).toBe(true);
    for (const name of [
      "ProjectedNet12",
      "BreakEvenMonth",
      "PaybackMonth",
      "PlanCommission",
      "EffectivePayoutRate",
      "LevelCommission",
      "BinaryCommission",
      "StairStepOnLegs",
    ])
      expect(biz.has(sheet.memory.names.get(name)!)).toBe(false);
    // The BIZ cells: the four plans' summaries (4 x 10 rows), your plan's (10) and the three named
    // figures that read it, the 12 brackets' members and shares, and the comparison (4 + 1).
    expect(biz.size).toBe(4 * 10 + 10 + 3 + 12 * 2 + 5);
  });

  test("more level rates make more levels", () => {
    expect(readColumn(sevenLevels, "DownlineLevels", "Members")).toEqual([2, 4, 8, 16, 32, 64, 128]);
    expect(readName(sevenLevels, "EffectivePayoutRate")).toBeCloseTo(0.1, 14);
  });

  test("a market smaller than the table caps the levels, as DOWNLINE does", () => {
    // 4, then 16 (20 in all), then only the 10 left of the 30, then nobody.
    expect(readColumn(small, "DownlineLevels", "Members")).toEqual([4, 16, 10, 0, 0]);
    expect(readColumn(small, "DownlineLevels", "Total so far")).toEqual([4, 20, 30, 30, 30]);
  });
});
