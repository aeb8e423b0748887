import { breakEvenUnits, funnel, grossUp, leadsNeeded, listGrowth, monthsToGoal, salesNeeded } from "../../src/core/sales";
import { wholeDown, wholeUp } from "../../src/core/rounding";
import { DomainError } from "../../src/core/errors";

// Worked cases: inputs, expected figure, and where the figure comes from.
describe("wholeUp: counts round up, floating-point noise never adds one", () => {
  test.each([
    [1.1 / 0.1, 11, "1.1/0.1 is 11.000000000000002 in binary floating point (issue 2)"],
    [0.3 / 0.1, 3, "0.3/0.1 is 2.9999999999999996"],
    [10.2, 11, "a real fraction rounds up"],
    [10.000001, 11, "a millionth over is a real excess"],
    [0, 0, "nothing needed"],
    [7, 7, "already whole"],
  ])("wholeUp(%p) = %p (%s)", (x, expected) => expect(wholeUp(x)).toBe(expected));

  test("wholeDown keeps whole numbers whole despite noise", () => {
    expect(wholeDown(2.9999999999999996)).toBe(3);
    expect(wholeDown(2.5)).toBe(2);
  });
});

describe("sales math", () => {
  test.each([
    [100, 100, 1, 1, "issue 2: SALESNEEDED(100,100)"],
    [100, 50, 1, 2, "issue 2: SALESNEEDED(100,50)"],
    [3000, 100, 0.3, 100, "issue 2: 3000 / (100 x 30%)"],
    [1.1, 0.1, 1, 11, "noise: 1.1 / 0.1"],
    [1000, 47, 0.5, 43, "1000 / 23.5 = 42.55, up to 43"],
    [0, 10, 1, 0, "no goal, no sales"],
  ])("salesNeeded(%p, %p, %p) = %p (%s)", (goal, price, rate, expected) => expect(salesNeeded(goal, price, rate)).toBe(expected));

  test.each([
    [10, 0.25, 40, "issue 2: LEADSNEEDED(10, 0.25)"],
    [3, 0.3, 10, "3 / 0.3 = 10.000000000000002 is 10"],
    [7, 0.2, 35, "7 / 0.2 = 35"],
  ])("leadsNeeded(%p, %p) = %p (%s)", (sales, rate, expected) => expect(leadsNeeded(sales, rate)).toBe(expected));

  test.each([
    [14, [0.1, 0.35, 0.5, 0.4], [2000, 200, 70, 35, 14], "issue 2: FUNNEL(14, {0.1,0.35,0.5,0.4})"],
    [10, [0.02, 0.1], [5000, 100, 10], "10 sales at 10% of 100 leads at 2% of 5000 visitors"],
    [5, [1], [5, 5], "a stage that converts everyone"],
    [3, [0.1, 0.3], [100, 10, 3], "3 / 0.3 is 10 exactly, not 11; 10 / 0.1 = 100"],
  ])("funnel(%p, %j) = %j (%s)", (sales, rates, expected) => expect(funnel(sales, rates)).toEqual(expected));

  test.each([
    [1000, 50, 30, 50, "issue 2: BREAKEVEN(1000,50,30)"],
    [1000, 49.99, 30, 51, "1000 / 19.99 = 50.03, up to 51"],
    [0, 10, 5, 0, "no fixed costs"],
  ])("breakEvenUnits(%p, %p, %p) = %p (%s)", (fixed, price, cost, expected) => expect(breakEvenUnits(fixed, price, cost)).toBe(expected));

  test("break-even is never reached when the price does not exceed the unit cost", () => {
    expect(() => breakEvenUnits(1000, 30, 30)).toThrow(DomainError);
    expect(() => breakEvenUnits(1000, 20, 30)).toThrow(/does not exceed/);
  });

  test.each([
    [1000, 3000, 0.1, 12, "issue 2: 1.1^11 = 2.85 < 3 <= 1.1^12 = 3.14"],
    [3000, 3000, 0, 0, "already there"],
    [1000, 1100, 0.1, 1, "exactly one month of 10%: 1000 x 1.1 = 1100 (tolerance)"],
    [500, 4000, 1, 3, "doubling: 500, 1000, 2000, 4000"],
  ])("monthsToGoal(%p, %p, %p) = %p (%s)", (cur, goal, g, expected) => expect(monthsToGoal(cur, goal, g)).toBe(expected));

  test.each([
    [1000, 3000, 0, "no growth"],
    [0, 3000, 0.1, "from zero income"],
  ])("monthsToGoal(%p, %p, %p) never arrives (%s)", (cur, goal, g) => expect(() => monthsToGoal(cur, goal, g)).toThrow(DomainError));

  test.each([
    [70000, 0.25, 4800, 98133.333333, "issue 2: 70000 / 0.75 + 4800"],
    [50000, 0, 0, 50000, "no tax, no expenses"],
    [60000, 0.4, 0, 100000, "60000 / 0.6"],
  ])("grossUp(%p, %p, %p) = %p (%s)", (net, tax, exp, expected) => expect(grossUp(net, tax, exp)).toBeCloseTo(expected, 5));

  test.each([
    [
      100,
      3,
      0.1,
      0,
      [
        [1, 100],
        [2, 190],
        [3, 271],
      ],
      "issue 2: LISTGROWTH(100,3,0.1)",
    ],
    [
      50,
      2,
      0,
      1000,
      [
        [1, 1050],
        [2, 1100],
      ],
      "no churn, a list of 1000 to start",
    ],
    [
      0,
      2,
      0.5,
      800,
      [
        [1, 400],
        [2, 200],
      ],
      "half the list leaves each month",
    ],
  ])("listGrowth(%p, %p, %p, %p) = %j (%s)", (n, months, churn, start, expected) => {
    const rows = listGrowth(n, months, churn, start);
    rows.forEach((row, i) => {
      expect(row[0]).toBe(expected[i][0]);
      expect(row[1]).toBeCloseTo(expected[i][1], 9);
    });
  });
});
