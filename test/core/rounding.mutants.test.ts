// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing.
// The rule (src/core/rounding.ts): a value within tolerance(x) = min(1e-9 x max(1, |x|), 1e-3) of a
// whole number is that whole number; otherwise wholeUp rounds up and wholeDown rounds down.
import { WHOLE_TOLERANCE, WHOLE_TOLERANCE_CAP, wholeDown, wholeTolerance, wholeUp } from "../../src/core/rounding";

describe("wholeTolerance: relative, at least 1e-9, at most 1e-3", () => {
  test("the published constants", () => {
    expect(WHOLE_TOLERANCE).toBe(1e-9);
    expect(WHOLE_TOLERANCE_CAP).toBe(1e-3);
  });
  test.each([
    [0, 1e-9], // max(1, 0) = 1: 1e-9 x 1
    [0.5, 1e-9], // max(1, 0.5) = 1
    [-5, 5e-9], // |-5| = 5: 1e-9 x 5
    [1000, 1e-6], // 1e-9 x 1000
    [1e5, 1e-4], // 1e-9 x 1e5
    [1e6, 1e-3], // 1e-9 x 1e6 = 1e-3, at the cap
    [3e6, 1e-3], // 3e-3 capped to 1e-3
    [-6e8, 1e-3], // 0.6 capped to 1e-3
  ])("tolerance(%p) = %p", (x, expected) => expect(wholeTolerance(x)).toBeCloseTo(expected, 18));
});

describe("wholeUp and wholeDown at the edge of the tolerance", () => {
  test.each([
    // x, wholeUp, wholeDown, why
    [1e-9, 0, 0, "1e-9 from 0 is exactly the tolerance, and within it counts as 0"],
    [2e-9, 1, 0, "2e-9 from 0 is beyond the tolerance 1e-9: a real excess"],
    [5 + 4e-9, 5, 5, "tolerance(5) = 5e-9; 4e-9 over is noise"],
    [5 + 6e-9, 6, 5, "6e-9 over 5 is beyond 5e-9: up to 6, down to 5"],
    [5 - 6e-9, 5, 4, "6e-9 under 5 is beyond 5e-9: up to 5, down to 4"],
    [5 - 4e-9, 5, 5, "4e-9 under 5 is noise: 5 both ways"],
    [3e6 + 0.0015, 3000001, 3000000, "0.0015 over is beyond the 1e-3 cap (uncapped it would be 3e-3)"],
    [3e6 + 0.0005, 3000000, 3000000, "0.0005 over is within the cap"],
    [600000000.5, 600000001, 600000000, "the doc's case: half a sale is never noise"],
    [-2.7, -2, -3, "negative: up is toward 0, down away from it"],
    [-2.0000000001, -2, -2, "1e-10 from -2 is within tolerance(-2) = 2e-9"],
  ])("%p: up %p, down %p (%s)", (x, up, down) => {
    expect(wholeUp(x)).toBe(up);
    expect(wholeDown(x)).toBe(down);
  });

  test("-1e-9 is exactly the tolerance from 0: wholeDown gives 0, not -1", () => {
    // round(-1e-9) is -0, and |-1e-9 - 0| = 1e-9 = tolerance(-1e-9): within it.
    expect(wholeDown(-1e-9) === 0).toBe(true);
    expect(wholeUp(-1e-9) === 0).toBe(true);
  });
});
