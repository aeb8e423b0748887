import { breakdownTable, goal } from "../../src/functions/goal";

// The wrappers called directly, as Excel would call them: omitted optionals as null.
describe("GOAL and BREAKDOWN through the runner", () => {
  test.each([
    // amount, from, to, basis, workdays, weeks off, expected, where the figure comes from
    [3000, "month", "day", null, null, null, 100, "issue 2: 3000 x 12 / 360"],
    [36000, "year", "week", null, null, null, 36000 / 52, "issue 2: 692.31"],
    [36000, "year", "workday", null, null, null, 36000 / 260, "issue 2: 5 x 52 workdays, 138.46"],
    [3000, "Monthly", "DAILY", 1, null, null, (3000 * 12) / 365, "basis 1: 365 days"],
    [36000, "annual", "workday", null, 4, 4, 36000 / (4 * 48), "4 days a week, 4 weeks off"],
    [100, "day", "quarter", null, null, null, 9000, "360 / 4 = 90 days a quarter"],
    [52000, "year", "week", 0, 5, 4, 1000, "issue 12: weeks off leave the week alone, 52000 / 52"],
    [52000, "year", "quarter", 0, 5, 4, 13000, "weeks off leave the quarter alone, 52000 / 4"],
    [36000, "year", "day", 0, 5, 4, 100, "weeks off leave the day alone, 36000 / 360"],
  ])("GOAL(%p, %p, %p, %p, %p, %p) = %p (%s)", (amount, from, to, basis, wd, wo, expected, _where) => {
    expect(goal(amount as number, from as string, to as string, basis as any, wd as any, wo as any)).toBeCloseTo(expected as number, 9);
  });

  test("BREAKDOWN(36000) spills the six periods", () => {
    const rows = breakdownTable(36000, null as any, null as any, null as any, null as any);
    expect(rows.map((r) => r[0])).toEqual(["Year", "Quarter", "Month", "Week", "Day", "Workday"]);
    const amounts = rows.map((r) => r[1] as number);
    [36000, 9000, 3000, 692.3077, 100, 138.4615].forEach((v, i) => expect(amounts[i]).toBeCloseTo(v, 3));
  });

  test.each([
    [[-1, "month", "day"], "#NUM!", "negative amount"],
    [[1, "fortnight", "day"], "#VALUE!", "unknown period"],
    [[1, "month", "day", 2], "#NUM!", "basis 2"],
    [[1, "month", "day", null, 0], "#NUM!", "0 workdays"],
    [[1, "month", "day", null, 8], "#NUM!", "8 workdays"],
    [[1, "month", "day", null, null, 52], "#NUM!", "52 weeks off"],
    [[null, "month", "day"], "#VALUE!", "missing amount"],
  ])("GOAL%j is %s (%s)", (args, code) => {
    expect(() => (goal as any)(...args)).toThrow(expect.objectContaining({ code }));
  });
});
