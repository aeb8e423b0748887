import { downlineProjection, downlineProjectionPlan, NOT_REACHED, PROJECTION_COLUMNS, PROJECTION_MONTHS, SOURCED_FIGURES } from "../../src/templates/downline-projection";
import { MemorySheet, bizDependents, readCell, readColumn, readName } from "../../src/workbook/memory";
import { projection } from "../../src/core/growth";
import { GOAL_LABEL, SIMULATION_LABELS, simulate } from "../../src/core/simulate";
import { projectionTable } from "../../src/functions/downline";
import { simulateFn } from "../../src/functions/simulate";
import { write } from "./helpers";

/** The spill of the BIZ formula whose text starts with `call`: its anchor cell and the array. */
function spillOf(sheet: MemorySheet, call: string) {
  const spec = sheet.plan.cells.find((c) => c.formula?.startsWith(call));
  if (!spec?.spill) throw new Error(`no spill of ${call}`);
  return spec;
}

/** The projection as the sheet shows it: for each month row, its figures in columns A to I. */
function projectionRows(sheet: MemorySheet): number[][] {
  const header = [...sheet.cells].find(([at, c]) => /^A\d+$/.test(at) && c.value === "Month" && sheet.cells.get(at.replace("A", "I"))?.value === "Joined so far");
  if (!header) throw new Error("no projection header row");
  const first = Number(header[0].slice(1)) + 2; // the header, then month 0
  return Array.from({ length: PROJECTION_MONTHS }, (_, i) => PROJECTION_COLUMNS.map((_c, j) => readCell(sheet, `${String.fromCharCode(65 + j)}${first + i}`) as number));
}

/** The projection cells' formulas, by address. */
function projectionFormulas(sheet: MemorySheet): Map<string, string> {
  const rows = projectionRows(sheet);
  const start = [...sheet.cells].find(([, c]) => c.formula?.startsWith("IF(I") && c.formula.includes("RecruitsPerMonth"))![0];
  const first = Number(start.slice(1));
  const out = new Map<string, string>();
  rows.forEach((_r, i) => "BCDEFGHI".split("").forEach((c) => out.set(`${c}${first + i}`, sheet.cells.get(`${c}${first + i}`)?.formula as string)));
  return out;
}

/**
 * Calls a BIZ formula's own function the way Excel would, with the sheet's figures for its
 * arguments (names, numbers and table columns), so the argument order is checked against the real
 * wrappers and not only against core.
 */
function evaluate(sheet: MemorySheet, formula: string, fn: (...args: any[]) => any): any {
  const inner = /^(?:INDEX\()?BIZ\.[A-Z]+\((.*?)\)(?:,0,\d\))?$/.exec(formula)![1];
  const args = inner.split(",").map((a) => {
    if (/^[\d.]+$/.test(a)) return Number(a);
    const col = /^(\w+)\[(.+)\]$/.exec(a);
    if (col) return readColumn(sheet, col[1], col[2]).map((v) => [v]);
    return readName(sheet, a);
  });
  return fn(...args);
}

const TEAM = 1.5 + 2.25 + 3.375 + 5.0625 + 7.59375; // 19.78125: recruits 3 x retention 50% = 1.5 per level, five levels

describe("Downline Projection through the in-memory writer", () => {
  const sheet = write(downlineProjection);

  test("the level table pictures a unilevel team of 1.5 per member per level", () => {
    expect(readColumn(sheet, "DownlineLevels", "Members")).toEqual([1.5, 2.25, 3.375, 5.0625, 7.59375]);
    expect(readColumn(sheet, "DownlineLevels", "Total so far")[4]).toBeCloseTo(TEAM, 12);
    // LEVELPAY: 100 x (1.5 x 10% + 2.25 x 5% + 3.375 x 5% + 5.0625 x 3% + 7.59375 x 2%) = 15 + 11.25 + 16.875 + 15.1875 + 15.1875.
    expect(readName(sheet, "PlanCommission")).toBeCloseTo(73.5, 10);
    expect(readName(sheet, "EffectivePayoutRate")).toBeCloseTo(73.5 / (TEAM * 100), 14); // 3.72%
  });

  test("the projection is Excel's own formulas, one row a month, with core's PROJECTION figures", () => {
    const rows = projectionRows(sheet);
    const expected = projection(0.2, PROJECTION_MONTHS, 100, 73.5 / (TEAM * 100), 100, 0.05, 10000);
    rows.forEach((row, i) => row.slice(0, 7).forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 9)));
    // Month 1 by hand: you recruit 0.2 x (1 + 0) x (1 - 1/10000) = 0.19998; commission 19.998 x 3.72%; costs 100.
    const [month, team, volume, commission, cost, net, cumulative, added, joined] = rows[0];
    expect([month, cost]).toEqual([1, 100]);
    expect(team).toBeCloseTo(0.19998, 12);
    expect(added).toBeCloseTo(0.19998, 12);
    expect(joined).toBeCloseTo(1.19998, 12); // you and the new recruit
    expect(volume).toBeCloseTo(19.998, 10);
    expect(net).toBeCloseTo(commission - 100, 12);
    expect(cumulative).toBe(net);
    // Month 2 by hand: 0.2 x 1.19998 x (1 - 1.19998/10000) new, 5% of 0.19998 quit.
    const added2 = 0.2 * 1.19998 * (1 - 1.19998 / 10000);
    expect(rows[1][7]).toBeCloseTo(added2, 12);
    expect(rows[1][1]).toBeCloseTo(0.19998 + added2 - 0.05 * 0.19998, 12);
    // And the real BIZ.PROJECTION, called as Excel would call it with the sheet's figures, gives the same table.
    const viaExcel = projectionTable(0.2, PROJECTION_MONTHS, 100, readName(sheet, "EffectivePayoutRate") as number, 100, 0.05, 10000);
    viaExcel.forEach((row, i) => row.forEach((v, j) => expect(rows[i][j]).toBeCloseTo(v, 9)));
  });

  test("no projection cell calls BIZ: each refers to the row above and the named inputs", () => {
    const formulas = projectionFormulas(sheet);
    expect(formulas.size).toBe(PROJECTION_MONTHS * 8);
    expect([...formulas.values()].filter((f) => /BIZ\./i.test(f))).toEqual([]);
    const first = Math.min(...[...formulas.keys()].map((k) => Number(k.slice(1))));
    const r = first + 5;
    expect(formulas.get(`H${r}`)).toBe(`IF(I${r - 1}>=MarketSize,0,MIN(RecruitsPerMonth*(1+B${r - 1})*(1-I${r - 1}/MarketSize),MarketSize-I${r - 1}))`);
    expect(formulas.get(`B${r}`)).toBe(`MAX(0,B${r - 1}+H${r}-MonthlyAttrition*B${r - 1})`);
    expect(formulas.get(`G${r}`)).toBe(`G${r - 1}+F${r}`);
    // Month 0 is plain figures: no team, no net yet, and you the one member who ever joined.
    expect([readCell(sheet, `A${first - 1}`), readCell(sheet, `B${first - 1}`), readCell(sheet, `G${first - 1}`), readCell(sheet, `I${first - 1}`)]).toEqual([0, 0, 0, 1]);
    expect(sheet.cells.get(`B${first - 1}`)?.formula).toBeUndefined();
  });

  test("the market fills: joined reaches the market size and recruiting stops", () => {
    // A market of 30 and 1 recruit a member a month with nobody quitting: 1 + 1 x 29/30 ... fills within 36 months.
    const s = write(downlineProjection, { RecruitsPerMonth: 1, MonthlyAttrition: 0, MarketSize: 30 });
    const rows = projectionRows(s);
    expect(rows[PROJECTION_MONTHS - 1][8]).toBe(30);
    expect(rows[PROJECTION_MONTHS - 1][7]).toBe(0);
    expect(rows.every((r) => r[8] <= 30)).toBe(true);
    // Month 1 by hand: 1 x (1 + 0) x (1 - 1/30) = 29/30 joins.
    expect(rows[0][7]).toBeCloseTo(29 / 30, 14);
    const expected = projection(1, PROJECTION_MONTHS, 100, readName(s, "EffectivePayoutRate") as number, 100, 0, 30);
    rows.forEach((row, i) => row.slice(0, 7).forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 9)));
  });

  test("ProjectedNet12, BreakEvenMonth and PaybackMonth read the projection", () => {
    const rows = projectionRows(sheet);
    expect(readName(sheet, "ProjectedNet12")).toBe(rows[11][6]); // cumulative net at month 12
    expect(readName(sheet, "ProjectedNet12")).toBeLessThan(0); // a year in, still behind
    const breakEven = readName(sheet, "BreakEvenMonth") as number;
    // The first month whose commission covers the 100 of costs: net >= 0 there, and not the month before.
    expect(rows[breakEven - 1][5]).toBeGreaterThanOrEqual(0);
    expect(rows[breakEven - 2][5]).toBeLessThan(0);
    expect(rows[breakEven - 1][3]).toBeGreaterThanOrEqual(100);
    const payback = readName(sheet, "PaybackMonth") as number;
    expect(payback).toBeGreaterThan(breakEven);
    expect(rows[payback - 1][6]).toBeGreaterThanOrEqual(0);
    expect(rows[payback - 2][6]).toBeLessThan(0);
  });

  test("issue 3's PROJECTION example: 0.5 recruits, payout 10%, costs 50 a month", () => {
    // A matrix of 3 members all on level 1 at 10% pays exactly 10% of the team's volume.
    const s = write(downlineProjection, { PlanType: "matrix", MatrixMembers: 3, RecruitsPerMonth: 0.5, MonthlyCost: 50, MonthlyAttrition: 0, MarketSize: 100000 });
    expect(readName(s, "EffectivePayoutRate")).toBeCloseTo(0.1, 14);
    const rows = projectionRows(s);
    // Team 0.5 then 1.25, net -45 then -37.5, cumulative -82.5 (a market of 100,000 shaves a hair off).
    expect(rows[0][1]).toBeCloseTo(0.5, 4);
    expect(rows[1][1]).toBeCloseTo(1.25, 4);
    expect(rows[0][5]).toBeCloseTo(-45, 3);
    expect(rows[1][5]).toBeCloseTo(-37.5, 3);
    expect(rows[1][6]).toBeCloseTo(-82.5, 3);
  });

  test.each([
    [{ RecruitsPerMonth: 0 }, -1200, NOT_REACHED, "nobody joins: 12 months of 100 in costs, and never a month in profit"],
    [{ RecruitsPerMonth: 0, MonthlyCost: 0 }, 0, 1, "no costs and no team: a net of 0 from month 1"],
  ])("with %j ProjectedNet12 = %p and BreakEvenMonth = %p (%s)", (raw, net12, breakEven, _why) => {
    const s = write(downlineProjection, raw);
    expect(readName(s, "ProjectedNet12")).toBe(net12);
    expect(readName(s, "BreakEvenMonth")).toBe(breakEven);
  });

  test.each([
    [{ PlanType: "matrix" }, 115, 115 / 2000, "MATRIX(3, 5, 20) fills 3, 9, 8: 100 x (3 x 10% + 9 x 5% + 8 x 5%)"],
    [{ PlanType: "binary" }, 70, 70 / 2000, "MATRIX(2, 5, 20) fills 2, 4, 8, 6: legs 13 and 7; 10% of the weaker leg's 700"],
    [{ PlanType: "Binary", BinaryCap: "$50" }, 50, 50 / 2000, "the same, capped at 50 a month"],
    [{ PlanType: "stair-step" }, 59.34375, 0.03, "group 2078 earns 15%, each of 1.5 legs of 1318.75 earns 12%: 1.5 x 3% x 1318.75"],
  ])("%j pays %p a month on the level table, %p of its volume (%s)", (raw, commission, rate, _why) => {
    const s = write(downlineProjection, raw);
    expect(readName(s, "PlanCommission")).toBeCloseTo(commission as number, 10);
    expect(readName(s, "EffectivePayoutRate")).toBeCloseTo(rate as number, 12);
  });

  test("the reality check: SIMULATE over the same inputs, with ShareWithProfit from it", () => {
    const spec = spillOf(sheet, "INDEX(BIZ.SIMULATE(");
    // The template's defaults: a recruiting spread of 4 and a goal of 3,000 a month (test/templates/downline-reality.test.ts checks the plans through the bundle).
    const summary = simulate({ members: 10000, months: PROJECTION_MONTHS, recruitsPerMemberPerMonth: 0.2, monthlyAttrition: 0.05, volumePerMember: 100, levelRates: [0.1, 0.05, 0.05, 0.03, 0.02], monthlyCost: 100, seed: 1, recruitingSpread: 4, goal: 3000 });
    const labels = [...SIMULATION_LABELS, GOAL_LABEL];
    // The labels are plain text beside the figures, which are SIMULATE's second column.
    const top = Number(spec.ref.slice(1));
    expect(spec.ref.startsWith("B")).toBe(true);
    expect(labels.map((_l, i) => sheet.cells.get(`A${top + i}`))).toEqual(labels.map((l) => expect.objectContaining({ value: l })));
    expect(labels.every((_l, i) => sheet.cells.get(`A${top + i}`)?.formula === undefined)).toBe(true);
    expect(spec.spill!.map((r) => r.length)).toEqual(labels.map(() => 1));
    expect(readName(sheet, "ShareWithProfit")).toBe(summary.shareWithProfit);
    expect(readName(sheet, "MedianMemberNet")).toBe(summary.medianNet);
    expect(readName(sheet, "ShareAtGoal")).toBe(summary.shareAtGoal);
    expect(summary.shareWithProfit).toBeGreaterThanOrEqual(0);
    expect(summary.shareWithProfit).toBeLessThanOrEqual(1);
    expect(spec.spill![SIMULATION_LABELS.indexOf("Share with profit")][0]).toBe(summary.shareWithProfit);
  });

  test("SIMULATE's arguments are in the function's own order, and the sheet shows its second column", async () => {
    const spec = spillOf(sheet, "INDEX(BIZ.SIMULATE(");
    expect(spec.formula).toMatch(/^INDEX\(BIZ\.SIMULATE\([^()]*\),0,2\)$/);
    const viaExcel = (await evaluate(sheet, spec.formula!, simulateFn)) as unknown[][];
    expect(viaExcel.map((r) => [r[1]])).toEqual(spec.spill);
    expect(viaExcel.map((r) => r[0])).toEqual([...SIMULATION_LABELS, GOAL_LABEL]);
  });

  test("the sourced figures sit beside the simulation, each with its source", () => {
    const notes = sheet.plan.cells.filter((c) => c.role === "note").map((c) => String(c.value));
    for (const { source } of SOURCED_FIGURES) expect(notes.some((n) => n.includes(source))).toBe(true);
    expect(notes.some((n) => n.includes("$1,000 or less per year") && n.includes("FTC staff report"))).toBe(true);
  });

  test("a line chart draws the cumulative net month by month", () => {
    const chart = sheet.plan.charts.find((c) => c.type === "line")!;
    const [from, to] = chart.dataRef.split(":");
    expect(readCell(sheet, from)).toBe("Month");
    const rows = projectionRows(sheet);
    expect(readCell(sheet, to)).toBe(rows[PROJECTION_MONTHS - 1][6]);
  });

  test("only the simulation and what reads it need the add-in", () => {
    const biz = bizDependents(sheet);
    for (const name of ["ShareWithProfit", "MedianMemberNet", "ShareAtGoal"]) expect(biz.has(sheet.names.get(name)!)).toBe(true);
    for (const name of ["ProjectedNet12", "BreakEvenMonth", "PaybackMonth", "PlanCommission", "EffectivePayoutRate", "LevelCommission", "BinaryCommission", "StairStepOnLegs"]) expect(biz.has(sheet.names.get(name)!)).toBe(false);
    // The BIZ cells: the four plans' summaries (4 x 10 rows), your plan's (10) and the three named
    // figures that read it, the 12 brackets' members and shares, and the comparison (4 + 1).
    expect(biz.size).toBe(4 * 10 + 10 + 3 + 12 * 2 + 5);
  });

  test("more level rates make more levels", () => {
    const s = write({ ...downlineProjection, build: (v) => downlineProjectionPlan(v, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]) }, { RecruitsPerMember: 2, Retention: 1 });
    expect(readColumn(s, "DownlineLevels", "Members")).toEqual([2, 4, 8, 16, 32, 64, 128]);
    expect(readName(s, "EffectivePayoutRate")).toBeCloseTo(0.1, 14);
  });

  test("a market smaller than the table caps the levels, as DOWNLINE does", () => {
    const s = write(downlineProjection, { RecruitsPerMember: 4, Retention: 1, MarketSize: 30 });
    expect(readColumn(s, "DownlineLevels", "Members")).toEqual([4, 16, 10, 0, 0]);
    expect(readColumn(s, "DownlineLevels", "Total so far")).toEqual([4, 20, 30, 30, 30]);
  });
});
