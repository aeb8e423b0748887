import { incomeGoal, incomeGoalPlan, NEVER } from "../../src/templates/income-goal";
import { bizDependents } from "../../src/workbook/memory";
import { onSheet, readColumn, readName } from "./engine";

// The figures are what the written sheet computes (LibreOffice recalculating every formula, see
// ./engine.ts), and every expected figure is worked by hand beside it.
describe("Income Goal: the sheet's own figures", () => {
  const sheet = onSheet(incomeGoal);
  const worked = onSheet(incomeGoal, {
    GoalAmount: "$3,000",
    GoalPeriod: "Month",
    Basis: 1,
    WorkdaysPerWeek: 4,
    WeeksOff: 4,
    ActiveIncome: 500,
    PassiveIncome: 0,
    JobIncome: 4000,
    MonthlyGrowth: "5%",
  });
  const weeksOff = onSheet(incomeGoal, { GoalAmount: 52000, GoalPeriod: "year", Basis: 0, WorkdaysPerWeek: 5, WeeksOff: 4 });
  const widget = onSheet(
    { ...incomeGoal, build: (v) => incomeGoalPlan(v, [{ product: "Widget", price: 0.1, commissionRate: 1 }]) },
    { GoalAmount: 1.1, GoalPeriod: "month" }
  );
  const replacing = [
    [{ ActiveIncome: 0, PassiveIncome: 0 }, NEVER, "no business income never grows"],
    [{ MonthlyGrowth: 0 }, NEVER, "no growth never gets there"],
    [{ ActiveIncome: 2000, PassiveIncome: 1000 }, 0, "already earning the job's 3000"],
  ].map(([raw, expected, why]) => [JSON.stringify(raw), expected, why, onSheet(incomeGoal, raw as Record<string, unknown>)] as const);

  test.each([
    ["GoalYear", 36000, "the default goal: 36000 a year"],
    ["GoalQuarter", 9000, "36000 / 4"],
    ["GoalMonth", 3000, "issue 4: 36000 / 12"],
    ["GoalWeek", 36000 / 52, "36000 / 52 = 692.31"],
    ["GoalDay", 100, "issue 4: 36000 / 360 (basis 0: a 360-day year)"],
    ["GoalWorkday", 36000 / 260, "36000 / (5 x 52) = 138.46"],
    ["BusinessIncome", 1000, "600 active + 400 passive"],
    ["PassiveShare", 0.4, "400 / 1000"],
    ["MonthsToReplace", 12, "issue 2: 1000 x 1.1^11 = 2853.12 < 3000 <= 1000 x 1.1^12 = 3138.43"],
  ])("%s = %p (%s)", (name, expected) => expect(readName(sheet, name)).toBeCloseTo(expected as number, 9));

  test("GoalWorkday is 138.46 to the cent", () => expect((readName(sheet, "GoalWorkday") as number).toFixed(2)).toBe("138.46"));

  test("the price-point table: whole sales per period at each price", () => {
    // Single product: 40 x 25% = 10 kept a sale; starter kit 250 x 20% = 50; coaching 1500 kept whole.
    expect(readColumn(sheet, "PricePoints", "Sales a year")).toEqual([3600, 720, 24]); // 36000 / 10, / 50, / 1500
    expect(readColumn(sheet, "PricePoints", "Sales a month")).toEqual([300, 60, 2]); // 3000 / 10, / 50, / 1500
    expect(readColumn(sheet, "PricePoints", "Sales a week")).toEqual([70, 14, 1]); // 692.31 / 10 = 69.2, / 50 = 13.8, / 1500 = 0.46, rounded up
    expect(readColumn(sheet, "PricePoints", "Sales a workday")).toEqual([14, 3, 1]); // 138.46 / 10 = 13.8, / 50 = 2.8, / 1500 = 0.09, rounded up
  });

  test("every figure is a live formula over the inputs, and none needs the add-in", () => {
    const formulas = Object.fromEntries(incomeGoal.outputs.map((name) => [name, sheet.memory.cells.get(sheet.memory.names.get(name) as string)?.formula]));
    expect(formulas).toEqual({
      GoalYear: "GoalAmount*INDEX($B$12:$B$17,MATCH(GoalPeriod,$A$12:$A$17,0))",
      GoalQuarter: "GoalYear/B13",
      GoalMonth: "GoalYear/B14",
      GoalWeek: "GoalYear/B15",
      GoalDay: "GoalYear/B16",
      GoalWorkday: "GoalYear/B17",
      BusinessIncome: "ActiveIncome+PassiveIncome",
      PassiveShare: "IF(BusinessIncome=0,0,PassiveIncome/BusinessIncome)",
      MonthsToReplace: expect.stringMatching(
        /^IF\(BusinessIncome>=JobIncome,0,IF\(OR\(BusinessIncome<=0,MonthlyGrowth<=0\),"Never",.*LN\(JobIncome\/BusinessIncome\)\/LN\(1\+MonthlyGrowth\)/
      ),
    });
    expect(bizDependents(sheet.memory).size).toBe(0);
  });

  test("a worked set: 3000 a month, 365-day year, 4 days a week, 4 weeks off", () => {
    expect(readName(worked, "GoalYear")).toBe(36000); // 3000 x 12
    expect(readName(worked, "GoalMonth")).toBe(3000);
    expect(readName(worked, "GoalWeek")).toBeCloseTo(36000 / 52, 9); // weeks off leave the week alone: 692.31
    expect(readName(worked, "GoalDay")).toBeCloseTo(36000 / 365, 9); // 98.63
    expect(readName(worked, "GoalWorkday")).toBe(187.5); // 36000 / (4 x 48)
    expect(readName(worked, "PassiveShare")).toBe(0);
    // 500 x 1.05^n >= 4000: n >= ln 8 / ln 1.05 = 42.6, so 43 months.
    expect(readName(worked, "MonthsToReplace")).toBe(43);
  });

  test("weeks off shorten only the workday: 52000 a year with 4 weeks off", () => {
    expect(readName(weeksOff, "GoalWeek")).toBe(1000); // 52000 / 52
    expect(readName(weeksOff, "GoalQuarter")).toBe(13000); // 52000 / 4
    expect(readName(weeksOff, "GoalDay")).toBeCloseTo(52000 / 360, 9); // 144.44
    expect(readName(weeksOff, "GoalWorkday")).toBeCloseTo(52000 / 240, 9); // 5 x 48 = 240 workdays: 216.67
  });

  test.each(replacing)("MonthsToReplace with %s is %p (%s)", (_raw, expected, _why, s) => expect(readName(s, "MonthsToReplace")).toBe(expected));

  test("other price points", () => {
    // 1.1 a month at 0.10 a sale: 11 sales, though 1.1 / 0.1 is 11.000000000000002 in floating point.
    expect(readColumn(widget, "PricePoints", "Sales a month")).toEqual([11]);
  });
});
