import { workVsDeals, workVsDealsPlan, DEFAULT_ACTIVITIES, ON_TARGET, BELOW_TARGET } from "../../src/templates/work-vs-deals";
import { bizDependents } from "../../src/workbook/memory";
import { onSheet, readCell, readName } from "./engine";

const withActuals = (actual: (number | null)[]) => ({
  ...workVsDeals,
  build: (v: any) =>
    workVsDealsPlan(
      v,
      DEFAULT_ACTIVITIES.map((a, i) => ({ ...a, actual: actual[i] ?? null }))
    ),
});

// Figures the written sheet computes (LibreOffice recalculating it, ./engine.ts), against hand arithmetic.
describe("Work vs Deals: the sheet's own figures", () => {
  const defaults = onSheet(workVsDeals);
  const actuals = onSheet(withActuals([5, 1, 0, 4, 3, 2]));
  const sixty = onSheet(workVsDeals, { DealShareTarget: "60%" });

  test("defaults: 8 of 15 planned hours on deal-making, against a 50% target", () => {
    const s = defaults;
    // Prospecting 4 + follow-ups 2 + partners 2 = 8 deal-making hours; orders 3 + admin 2 + posts 2 = 7 work.
    expect(readName(s, "DealHoursPlanned")).toBe(8);
    expect(readName(s, "TotalHoursPlanned")).toBe(15);
    expect(readName(s, "DealShare")).toBeCloseTo(8 / 15, 12); // 53.3%, from the plan: no actual hours yet
    expect(readName(s, "DealShareStatus")).toBe(ON_TARGET);
    expect(readName(s, "DealShareGap")).toBeCloseTo(8 / 15 - 0.5, 12);
    expect(bizDependents(s.memory).size).toBe(0);
  });

  test("once actual hours are logged, the share is of actual hours: 6 of 15 is below 50%", () => {
    const s = actuals; // deal-making 5 + 1 + 0 = 6, work 4 + 3 + 2 = 9: 6 of 15
    expect(readName(s, "DealHoursActual")).toBe(6);
    expect(readName(s, "TotalHoursActual")).toBe(15);
    expect(readName(s, "DealShare")).toBeCloseTo(0.4, 12);
    expect(readName(s, "DealShareStatus")).toBe(BELOW_TARGET);
    expect(readName(s, "DealShareGap")).toBeCloseTo(-0.1, 12);
  });

  test("a 60% target puts the default plan below target", () => {
    const s = sixty;
    expect(readName(s, "DealShareStatus")).toBe(BELOW_TARGET);
    expect(readName(s, "DealShareGap")).toBeCloseTo(8 / 15 - 0.6, 12);
  });

  test("the category column offers Work and Deal-making, and a chart draws the hours", () => {
    const s = defaults;
    const t = s.memory.tables.get("WEEKLYACTIVITIES")!;
    expect(s.memory.plan.validations).toContainEqual({ ref: `B${t.top + 1}:B${t.bottom}`, list: ["Work", "Deal-making"] });
    const [chart] = s.memory.plan.charts;
    expect(chart.type).toBe("column");
    const [from] = chart.dataRef.split(":");
    expect(readCell(s, from)).toBe("Category");
  });
});
