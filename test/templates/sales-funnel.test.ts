import { salesFunnel, salesFunnelPlan } from "../../src/templates/sales-funnel";
import { bizDependents } from "../../src/workbook/memory";
import { onSheet, readColumn, readName } from "./engine";

// Figures the written sheet computes (LibreOffice recalculating it, ./engine.ts), against hand arithmetic.
describe("Sales Funnel: the sheet's own figures", () => {
  const defaults = onSheet(salesFunnel);
  const fromIncome = onSheet(salesFunnel, { FunnelGoalFrom: "INCOME" });
  const own = onSheet(
    { ...salesFunnel, build: (v) => salesFunnelPlan(v, [{ stage: "Visitors", conversion: 0.02 }, { stage: "Leads", conversion: 0.1 }, { stage: "Sales" }]) },
    { FunnelSales: 10 }
  );
  const noise = onSheet({ ...salesFunnel, build: (v) => salesFunnelPlan(v, [{ stage: "Leads", conversion: 0.3 }, { stage: "Sales" }]) }, { FunnelSales: 3 });
  const thirtySeven = onSheet(salesFunnel, { FunnelSales: 37 });
  const none = onSheet(salesFunnel, { FunnelSales: 0 });

  test("defaults: 14 sales through 10%, 35%, 50%, 40% need 2000 visitors", () => {
    expect(readName(defaults, "SalesGoal")).toBe(14);
    // issue 4: FUNNEL(14, {0.1, 0.35, 0.5, 0.4}): 14 / 0.4 = 35; 35 / 0.5 = 70; 70 / 0.35 = 200; 200 / 0.1 = 2000.
    expect(readName(defaults, "FunnelTop")).toBe(2000);
    expect(readColumn(defaults, "FunnelStages", "Needed")).toEqual([2000, 200, 70, 35, 14]);
    expect(readName(defaults, "FunnelConversion")).toBeCloseTo(14 / 2000, 12);
    expect(bizDependents(defaults.memory).size).toBe(0);
  });

  test("the goal from an income: 3000 at 100 keeping 30% is 100 sales", () => {
    expect(readName(fromIncome, "SalesGoal")).toBe(100); // issue 2: SALESNEEDED(3000, 100, 0.3) = 3000 / 30
    // 100 / 0.4 = 250; 250 / 0.5 = 500; 500 / 0.35 = 1428.6 -> 1429; 1429 / 0.1 = 14290.
    expect(readColumn(fromIncome, "FunnelStages", "Needed")).toEqual([14290, 1429, 500, 250, 100]);
    expect(readName(fromIncome, "FunnelTop")).toBe(14290);
  });

  test("a user's own stages: 10 sales at 10% of leads at 2% of visitors need 5000", () => {
    expect(readColumn(own, "FunnelStages", "Needed")).toEqual([5000, 100, 10]); // 10 / 0.1 = 100; 100 / 0.02 = 5000
    expect(readName(own, "FunnelTop")).toBe(5000);
  });

  test("noise never adds one: 3 sales at 30% need 10", () => {
    expect(readName(noise, "FunnelTop")).toBe(10); // 3 / 0.3 = 10.000000000000002
  });

  test("37 sales: each stage rounded up from the one below, and the chart draws them", () => {
    // 37 / 0.4 = 92.5 -> 93; 93 / 0.5 = 186; 186 / 0.35 = 531.4 -> 532; 532 / 0.1 = 5320.
    expect(readColumn(thirtySeven, "FunnelStages", "Needed")).toEqual([5320, 532, 186, 93, 37]);
    const [chart] = thirtySeven.memory.plan.charts;
    expect(chart.type).toBe("bar");
    const t = thirtySeven.memory.tables.get("FUNNELSTAGES")!;
    expect(chart.dataRef).toBe(`A${t.top}:B${t.bottom}`); // stage names and counts, header first
  });

  test("no sales wanted: nobody needed", () => {
    expect(readName(none, "FunnelTop")).toBe(0);
    expect(readName(none, "FunnelConversion")).toBe(0);
  });
});
