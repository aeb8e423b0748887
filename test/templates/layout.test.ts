import fc from "fast-check";
import { wholeUp } from "../../src/core/rounding";
import { wholeUpFormula } from "../../src/templates/layout";

/** What Excel computes for wholeUpFormula(x), x >= 0: MAX(0, ROUNDUP(x - MIN(1E-3, 1E-9*MAX(1,x)), 0)). */
const roundUpAwayFromZero = (v: number) => (v >= 0 ? Math.ceil(v) : -Math.ceil(-v));
const excelWholeUp = (x: number) => Math.max(0, roundUpAwayFromZero(x - Math.min(1e-3, 1e-9 * Math.max(1, x))));

describe("wholeUpFormula: Excel's form of core's wholeUp", () => {
  test("the formula text", () => expect(wholeUpFormula("A1/B1")).toBe("MAX(0,ROUNDUP((A1/B1)-MIN(1E-3,1E-9*MAX(1,(A1/B1))),0))"));

  test.each([
    [1.1 / 0.1, 11, "11.000000000000002 is 11"],
    [3 / 0.3, 10, "10.000000000000002 is 10"],
    [0.3 / 0.1, 3, "2.9999999999999996 is 3"],
    [1428.5714285714287, 1429, "a real fraction rounds up"],
    [2000, 2000, "whole stays whole"],
    [0, 0, "nothing"],
    [1e-10, 0, "noise above 0 is 0"],
    [600000000.5, 600000001, "half a unit over on a big count is a real excess (the tolerance is capped at 0.001)"],
    [5e9 + 0.002, 5e9 + 1, "two thousandths over five billion"],
  ])("%p -> %p (%s)", (x, expected) => {
    expect(excelWholeUp(x)).toBe(expected);
    expect(wholeUp(x)).toBe(expected);
  });

  test("agrees with wholeUp on counts divided by rates, and on any figure up to a trillion", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10000 }), (count, basisPoints) => {
        const x = count / (basisPoints / 10000);
        return excelWholeUp(x) === wholeUp(x);
      }),
      { numRuns: 5000 }
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => excelWholeUp(x) === wholeUp(x)),
      { numRuns: 5000 }
    );
  });
});
