import { salesFunnel, salesFunnelPlan } from "../../src/templates/sales-funnel";
import { bizDependents, readColumn, readName } from "../../src/workbook/memory";
import { funnel } from "../../src/core/sales";
import { write } from "./helpers";

describe("Sales Funnel through the in-memory writer", () => {
  test("defaults: 14 sales through 10%, 35%, 50%, 40% need 2000 visitors", () => {
    const s = write(salesFunnel);
    expect(readName(s, "SalesGoal")).toBe(14);
    expect(readName(s, "FunnelTop")).toBe(2000); // issue 4: FUNNEL(14, {0.1, 0.35, 0.5, 0.4})
    expect(readColumn(s, "FunnelStages", "Needed")).toEqual([2000, 200, 70, 35, 14]); // issue 2's stages
    expect(readName(s, "FunnelConversion")).toBeCloseTo(14 / 2000, 12);
    expect(bizDependents(s).size).toBe(0);
  });

  test("the goal from an income: 3000 at 100 keeping 30% is 100 sales", () => {
    const s = write(salesFunnel, { FunnelGoalFrom: "INCOME" });
    expect(readName(s, "SalesGoal")).toBe(100); // issue 2: SALESNEEDED(3000, 100, 0.3)
    // 100 / 0.4 = 250; 250 / 0.5 = 500; 500 / 0.35 = 1428.6 -> 1429; 1429 / 0.1 = 14290.
    expect(readColumn(s, "FunnelStages", "Needed")).toEqual([14290, 1429, 500, 250, 100]);
    expect(readName(s, "FunnelTop")).toBe(14290);
  });

  test("a user's own stages: 10 sales at 10% of leads at 2% of visitors need 5000", () => {
    const stages = [{ stage: "Visitors", conversion: 0.02 }, { stage: "Leads", conversion: 0.1 }, { stage: "Sales" }];
    const s = write({ ...salesFunnel, build: (v) => salesFunnelPlan(v, stages) }, { FunnelSales: 10 });
    expect(readColumn(s, "FunnelStages", "Needed")).toEqual([5000, 100, 10]);
    expect(readName(s, "FunnelTop")).toBe(5000);
  });

  test("noise never adds one: 3 sales at 30% need 10", () => {
    const s = write({ ...salesFunnel, build: (v) => salesFunnelPlan(v, [{ stage: "Leads", conversion: 0.3 }, { stage: "Sales" }]) }, { FunnelSales: 3 });
    expect(readName(s, "FunnelTop")).toBe(10); // 3 / 0.3 = 10.000000000000002
  });

  test("the stage counts are core's funnel and the chart draws them", () => {
    const s = write(salesFunnel, { FunnelSales: 37 });
    expect(readColumn(s, "FunnelStages", "Needed")).toEqual(funnel(37, [0.1, 0.35, 0.5, 0.4]));
    const [chart] = s.plan.charts;
    expect(chart.type).toBe("bar");
    const t = s.tables.get("FUNNELSTAGES")!;
    expect(chart.dataRef).toBe(`A${t.top}:B${t.bottom}`); // stage names and counts, header first
  });

  test("no sales wanted: nobody needed", () => {
    const s = write(salesFunnel, { FunnelSales: 0 });
    expect(readName(s, "FunnelTop")).toBe(0);
    expect(readName(s, "FunnelConversion")).toBe(0);
  });
});
