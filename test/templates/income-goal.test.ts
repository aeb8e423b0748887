import { incomeGoal, incomeGoalPlan, NEVER } from "../../src/templates/income-goal";
import { bizDependents, readColumn, readName } from "../../src/workbook/memory";
import { monthsToGoal } from "../../src/core/sales";
import { monthsToGoalFn } from "../../src/functions/sales";
import { write } from "./helpers";

describe("Income Goal through the in-memory writer", () => {
  const sheet = write(incomeGoal);

  test.each([
    ["GoalYear", 36000, "the default goal: 36000 a year"],
    ["GoalQuarter", 9000, "36000 / 4"],
    ["GoalMonth", 3000, "issue 4: 36000 / 12"],
    ["GoalWeek", 36000 / 52, "36000 / 52 = 692.31"],
    ["GoalDay", 100, "issue 4: 36000 / 360 (basis 0: a 360-day year)"],
    ["GoalWorkday", 36000 / 260, "36000 / (5 x 52) = 138.46"],
    ["BusinessIncome", 1000, "600 active + 400 passive"],
    ["PassiveShare", 0.4, "400 / 1000"],
    ["MonthsToReplace", 12, "issue 2: MONTHSTOGOAL(1000, 3000, 10%) = 12 (1000 x 1.1^12 = 3138)"],
  ])("%s = %p (%s)", (name, expected) => expect(readName(sheet, name)).toBeCloseTo(expected as number, 9));

  test("GoalWorkday is 138.46 to the cent", () => expect((readName(sheet, "GoalWorkday") as number).toFixed(2)).toBe("138.46"));

  test("MonthsToReplace is what MONTHSTOGOAL and core's monthsToGoal give", () => {
    expect(readName(sheet, "MonthsToReplace")).toBe(monthsToGoal(1000, 3000, 0.1));
    expect(readName(sheet, "MonthsToReplace")).toBe(monthsToGoalFn(1000, 3000, 0.1));
  });

  test("the price-point table: whole sales per period at each price", () => {
    // Single product: 40 x 25% = 10 kept a sale; starter kit 250 x 20% = 50; coaching 1500 kept whole.
    expect(readColumn(sheet, "PricePoints", "Sales a year")).toEqual([3600, 720, 24]);
    expect(readColumn(sheet, "PricePoints", "Sales a month")).toEqual([300, 60, 2]);
    expect(readColumn(sheet, "PricePoints", "Sales a week")).toEqual([70, 14, 1]); // 69.2, 13.8, 0.46 rounded up
    expect(readColumn(sheet, "PricePoints", "Sales a workday")).toEqual([14, 3, 1]); // 13.8, 2.8, 0.09 rounded up
  });

  test("every figure is a live formula over the inputs, and none needs the add-in", () => {
    for (const name of incomeGoal.outputs) expect(sheet.cells.get(sheet.names.get(name) as string)?.formula).toBeDefined();
    expect(sheet.cells.get(sheet.names.get("GoalMonth") as string)?.formula).toContain("GoalYear");
    expect(bizDependents(sheet).size).toBe(0);
  });

  test("a worked set: 3000 a month, 365-day year, 4 days a week, 4 weeks off", () => {
    const s = write(incomeGoal, { GoalAmount: "$3,000", GoalPeriod: "Month", Basis: 1, WorkdaysPerWeek: 4, WeeksOff: 4, ActiveIncome: 500, PassiveIncome: 0, JobIncome: 4000, MonthlyGrowth: "5%" });
    expect(readName(s, "GoalYear")).toBe(36000);
    expect(readName(s, "GoalMonth")).toBe(3000);
    expect(readName(s, "GoalDay")).toBeCloseTo(36000 / 365, 9); // 98.63
    expect(readName(s, "GoalWorkday")).toBe(187.5); // 36000 / (4 x 48)
    expect(readName(s, "PassiveShare")).toBe(0);
    // 500 x 1.05^n >= 4000: n >= ln 8 / ln 1.05 = 42.6, so 43 months.
    expect(readName(s, "MonthsToReplace")).toBe(43);
  });

  test.each([
    [{ ActiveIncome: 0, PassiveIncome: 0 }, NEVER, "no business income never grows"],
    [{ MonthlyGrowth: 0 }, NEVER, "no growth never gets there"],
    [{ ActiveIncome: 2000, PassiveIncome: 1000 }, 0, "already earning the job's 3000"],
  ])("MonthsToReplace with %j is %p (%s)", (raw, expected, _why) => expect(readName(write(incomeGoal, raw), "MonthsToReplace")).toBe(expected));

  test("other price points", () => {
    const s = write({ ...incomeGoal, build: (v) => incomeGoalPlan(v, [{ product: "Widget", price: 0.1, commissionRate: 1 }]) }, { GoalAmount: 1.1, GoalPeriod: "month" });
    // 1.1 a month at 0.10 a sale: 11 sales, though 1.1 / 0.1 is 11.000000000000002 in floating point.
    expect(readColumn(s, "PricePoints", "Sales a month")).toEqual([11]);
  });
});
