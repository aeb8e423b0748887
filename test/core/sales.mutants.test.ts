// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing; each
// figure by hand in its comment.
import { funnel, listGrowth, monthsToGoal } from "../../src/core/sales";
import { kindOf } from "../support/rows";

describe("listGrowth: one row a month", () => {
  test.each([
    // new, months, churn, start: rows [month, subscribers]
    [100, 1, 0, 0, [[1, 100]]], // 0 x 1 + 100
    [
      100,
      4,
      0.5,
      0,
      [
        [1, 100],
        [2, 150],
        [3, 175],
        [4, 187.5],
      ],
    ], // 100; 100 x 0.5 + 100; 150 x 0.5 + 100; 175 x 0.5 + 100
    [
      10,
      3,
      0,
      5,
      [
        [1, 15],
        [2, 25],
        [3, 35],
      ],
    ], // 5 + 10, + 10, + 10
  ])("listGrowth(%p, %p, %p, %p) = %j", (n, months, churn, start, expected) => expect(listGrowth(n, months, churn, start)).toEqual(expected));

  test("churn and the starting list default to 0", () =>
    expect(listGrowth(7, 2)).toEqual([
      [1, 7],
      [2, 14],
    ]));
});

describe("funnel with no stages", () => {
  test("is the sales goal alone", () => expect(funnel(5, [])).toEqual([5]));
});

describe("monthsToGoal says why a goal is never reached", () => {
  test.each([
    [0, 3000, 0.1, /^income of 0 never grows to the goal$/],
    [-5, 3000, 0.1, /^income of 0 never grows/], // a loss does not compound into income
    [1000, 3000, 0, /^without growth the goal is never reached$/],
    [1000, 3000, -0.1, /^without growth/],
    // log(10) / log1p(1e-320) = 2.3 / 1e-320 overflows: the growth is too small to ever get there
    [1, 10, 1e-320, /^the goal is out of reach at this growth$/],
  ])("monthsToGoal(%p, %p, %p) is a range error", (current, goal, growth, message) => {
    expect(kindOf(() => monthsToGoal(current, goal, growth))).toBe("range");
    expect(() => monthsToGoal(current, goal, growth)).toThrow(message);
  });
});
