import fc from "fast-check";
import { NOT_YET, READY, monthsAtTarget, readiness, runsAtTarget } from "../../src/core/tracker";

const T = 3000;
const targets = (n: number) => Array.from({ length: n }, () => T);

describe("months in a row at target (Day-Job Tracker)", () => {
  test.each([
    [[3100, 2900, 3200], [1, 0, 1], 1, "a month below target resets the run"],
    [[3000, 3000, 3000], [1, 2, 3], 3, "meeting the target exactly counts (actual >= target)"],
    [[900, 3100, null, 3000, 3200], [0, 1, null, 1, 2], 2, "a blank month between figures breaks the run"],
    [[3100, 3200, 3300, null, null], [1, 2, 3, null, null], 3, "trailing blank months (the future) are ignored"],
    [[null, null], [null, null], 0, "nothing recorded yet: 0"],
    [[2999.99], [0], 0, "a cent short is short"],
  ])("actuals %j: runs %j, months at target %p (%s)", (actuals, runs, at) => {
    const a = actuals as (number | null)[];
    expect(runsAtTarget(targets(a.length), a)).toEqual(runs);
    expect(monthsAtTarget(targets(a.length), a)).toBe(at);
  });

  test("targets may differ by month", () => {
    expect(monthsAtTarget([1000, 2000, 3000], [1500, 2500, 3500])).toBe(3);
    expect(monthsAtTarget([1000, 2000, 3000], [1500, 1500, 3500])).toBe(1);
  });

  test.each([
    [3, 3, READY, "N months running: ready"],
    [4, 3, READY, "more than N"],
    [2, 3, NOT_YET, "one short"],
    [0, 1, NOT_YET, "nothing yet"],
  ])("readiness(%p, %p) = %p (%s)", (at, n, expected) => expect(readiness(at, n)).toBe(expected));

  test("the months at target never exceed the months recorded, nor the run of the latest month", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 6000 }), { nil: null }), { maxLength: 30 }), (actuals) => {
        const at = monthsAtTarget(targets(actuals.length), actuals);
        const recorded = actuals.filter((a) => a !== null).length;
        return at >= 0 && at <= recorded && Number.isInteger(at);
      })
    );
  });
});
