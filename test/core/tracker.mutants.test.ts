// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing.
import { monthsAtTarget } from "../../src/core/tracker";

describe("monthsAtTarget reads the latest month with a figure, the first month included", () => {
  test.each([
    [[3100, null, null], 1], // only month 1 recorded, at target: a run of 1
    [[2900, null], 0], // only month 1 recorded, below target
    [[3100], 1],
  ])("actuals %j against 3000: %p", (actuals, at) =>
    expect(
      monthsAtTarget(
        actuals.map(() => 3000),
        actuals
      )
    ).toBe(at)
  );
});
