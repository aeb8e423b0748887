import fc from "fast-check";
import { binaryTable, differentialFn, stairStepFn } from "../../src/functions/plans";
import { excelOutcome, hostileArg } from "../support/hostile";

// The wrappers called directly, as Excel calls them: omitted optionals as null, ranges as [[...]]
// with "" for blank cells, rows ([[a, b]]) and columns ([[a], [b]]), errors as CustomFunctions.Error.
const call = (fn: (...a: any[]) => unknown, args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);
const column = (...v: unknown[]) => v.map((x) => [x]);
const AMWAY_THRESHOLDS = [[0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500]];
const AMWAY_RATES = [[0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25]];

describe("BINARY through the runner", () => {
  test.each([
    [[[[500]], [[1000]], 0.1, null, null, null], [[1, 500, 50, 0, 500]], "issue 3: single cells arrive as [[x]]; cap, flush and pair size omitted"],
    [
      [column(30, 0), column(40, 10), 25, 250, null, null],
      [
        [1, 30, 250, 20, 30],
        [2, 20, 250, 10, 30],
      ],
      "issue 3: 25 a unit (a rate above 1 is allowed), cap 250",
    ],
    [
      [column(30, 0), [[40, 10]], 25, 250, false, null],
      [
        [1, 30, 250, 20, 30],
        [2, 20, 250, 10, 30],
      ],
      "a column of left volumes with a row of right volumes",
    ],
    [
      [column(30, 0), column(40, 10), 25, 250, true, null],
      [
        [1, 30, 250, 0, 10],
        [2, 0, 0, 0, 20],
      ],
      "flush TRUE",
    ],
    [
      [column(30, 0), column(40, 10), 25, 250, "TRUE", null],
      [
        [1, 30, 250, 0, 10],
        [2, 0, 0, 0, 20],
      ],
      "flush as the text TRUE",
    ],
    [
      [column(30, 0), column(40, 10), 25, 250, 1, null],
      [
        [1, 30, 250, 0, 10],
        [2, 0, 0, 0, 20],
      ],
      "flush as 1",
    ],
    [[[[250]], [[120]], 10, null, null, 100], [[1, 100, 10, 150, 20]], "issue 3: pairs of 100 at 10 each"],
    [[[[10.1]], [[7.6]], 1, null, null, 2.5], [[1, 7.5, 3, 2.6, 0.1]], "issue 3: pairs of 2.5 carry 2.6 and 0.1 exactly"],
    [
      [column(100, "", 0), column(0, "", 100), 0.1, null, null, null],
      [
        [1, 0, 0, 100, 0],
        [2, 100, 10, 0, 0],
      ],
      "blank cells are skipped in both legs alike",
    ],
  ])("BINARY%j (%#: %s)", (args, expected, _where) => {
    expect(call(binaryTable, args)).toEqual(expected);
  });

  test("1200 periods spill 1200 rows of 5 finite cells", () => {
    const left = column(...Array.from({ length: 1200 }, (_, i) => (i * 37) % 500));
    const right = column(...Array.from({ length: 1200 }, (_, i) => (i * 53) % 700));
    const rows = binaryTable(left, right, 10, 300, true, 2.5);
    expect(rows).toHaveLength(1200);
    expect(rows.every((r) => r.length === 5 && r.every(Number.isFinite))).toBe(true);
  });

  test.each([
    [[column(1, 2), column(1), 0.1], "#VALUE!", "legs of different lengths"],
    [[column(1, 2, ""), column(1, "", 3, 4), 0.1], "#VALUE!", "blank cells leave the legs at different lengths"],
    [[column(1, "two"), column(1, 2), 0.1], "#VALUE!", "text in a leg"],
    [[column(-1), column(1), 0.1], "#NUM!", "a negative volume"],
    [[column(1), column(1), -0.1], "#NUM!", "a negative rate"],
    [[column(1), column(1), 0.1, 0], "#NUM!", "a cap of 0"],
    [[column(1), column(1), 0.1, -5], "#NUM!", "a negative cap"],
    [[column(1), column(1), 0.1, null, null, 0], "#NUM!", "a pair size of 0"],
    [[column(1), column(1), 0.1, null, "maybe"], "#VALUE!", "flush is neither TRUE nor FALSE"],
    [[column(1e308, 1e308), column(0, 0), 0.1], "#NUM!", "carries past the largest number"],
    [[null, column(1), 0.1], "#VALUE!", "the left leg missing"],
  ])("BINARY%j is %s (%s)", (args, code) => {
    expect(() => call(binaryTable, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("STAIRSTEP through the runner", () => {
  test.each<[unknown[], number, string]>([
    [[100, [[200]], AMWAY_THRESHOLDS, AMWAY_RATES], 12, "issue 3: Amway-style schedule, one leg of 200"],
    [[100, [[200]], column(...AMWAY_THRESHOLDS[0]), column(...AMWAY_RATES[0])], 12, "the schedule as columns"],
    [[100, column(200, "", 0), AMWAY_THRESHOLDS, AMWAY_RATES], 12, "a blank leg cell is ignored, an empty leg pays nothing"],
    // No legs yet (issue 8): G = 1000 reaches the 12% step, so 12% x 1000 = 120, as with one leg of 0.
    [[1000, column("", "", ""), AMWAY_THRESHOLDS, AMWAY_RATES], 120, "issue 8: an all-blank leg range is no legs: 12% x 1000"],
    [[1000, [[""]], AMWAY_THRESHOLDS, AMWAY_RATES], 120, "issue 8: one blank cell of legs"],
    [[1000, [[null]], AMWAY_THRESHOLDS, AMWAY_RATES], 120, "issue 8: a blank cell as null"],
    [[1000, null, AMWAY_THRESHOLDS, AMWAY_RATES], 120, "issue 8: legs omitted"],
    [[1000, [[0]], AMWAY_THRESHOLDS, AMWAY_RATES], 120, "a leg list of one 0 pays the same"],
    [[50, [[""]], [[100, 200]], [[0.05, 0.1]]], 0, "no legs and below the first threshold: rate 0"],
    [
      [2000, [[110000, 60000]], [[0, 10000, 20000, 40000, 70000, 115000, 170000, 260000, 350000]], [[0.1, 0.115, 0.13, 0.15, 0.17, 0.19, 0.21, 0.23, 0.25]]],
      8420,
      "rcmpucgandhinagar.blogspot.com example 2",
    ],
  ])("STAIRSTEP%j = %p (%s)", (args, expected) => {
    expect(call(stairStepFn, args)).toBeCloseTo(expected as number, 9);
  });

  test.each([
    [[100, [[200]], [[0, 300, 100]], [[0, 0.1, 0.2]]], "#VALUE!", "thresholds not ascending"],
    [[100, [[200]], [[0, 100]], [[0, 0.1, 0.2]]], "#VALUE!", "more rates than thresholds"],
    [[100, [[200]], [[0, "100"]], [[0, 0.1]]], "#VALUE!", "text in the thresholds"],
    [[100, [[200]], [[0, 100]], [[0, 1.2]]], "#NUM!", "a rate above 1"],
    [[100, [[-200]], [[0, 100]], [[0, 0.1]]], "#NUM!", "a negative leg"],
    [[-100, [[200]], [[0, 100]], [[0, 0.1]]], "#NUM!", "a negative personal volume"],
    [[100, [[200]], [[-10, 100]], [[0, 0.1]]], "#NUM!", "a negative threshold"],
    [[100, [[200]], [[""]], [[""]]], "#VALUE!", "no schedule: thresholds and rates must have numbers"],
    [[100, [[""]], [[0, 100]], [[0]]], "#VALUE!", "no legs, but thresholds and rates of different lengths"],
  ])("STAIRSTEP%j is %s (%s)", (args, code, _where) => {
    expect(() => call(stairStepFn, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("DIFFERENTIAL through the runner: the same orientation as the rates", () => {
  test.each([
    [[100, [[0.1, 0.15, 0.19, 0.21]]], [[10, 5, 4, 2]], "issue 3: a row of rates gives a row"],
    [[100, column(0.1, 0.15, 0.19, 0.21)], [[10], [5], [4], [2]], "a column gives a column"],
    [[100, column(0.1, "", 0.15)], [[10], [5]], "a blank cell is ignored"],
    [[100, [[0.2]]], [[20]], "one upline"],
    [[100, 0.2], [[20]], "a single number for the rates"],
  ])("DIFFERENTIAL%j = %j (%s)", (args, expected) => {
    expect(call(differentialFn, args)).toEqual(expected);
  });

  test.each([
    [[100, [[0.1, 1.2]]], "#NUM!", "a rate above 1"],
    [[-100, [[0.1]]], "#NUM!", "a negative volume"],
    [[100, [[0.1, "15%"]]], "#VALUE!", "text in the rates"],
    [[100, [[""]]], "#VALUE!", "no rates"],
  ])("DIFFERENTIAL%j is %s (%s)", (args, code) => {
    expect(() => call(differentialFn, args)).toThrow(expect.objectContaining({ code }));
  });
});

// Extreme but well-formed numbers and ranges, beside the generic hostile arguments.
const extreme = fc.oneof(
  fc.constantFrom(0, 1, 2.5, 0.1, 25, 250, 1e-300, 5e-324, 1e15, 2 ** 53, 1e300, 1.7e308, -0, -1),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.double({ noNaN: true })
);
const arg = fc.oneof({ weight: 3, arbitrary: extreme }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileArg });
const cells = (n: number) => fc.array(fc.oneof({ weight: 5, arbitrary: extreme }, { weight: 1, arbitrary: fc.constant("") }), { minLength: n, maxLength: n });
const range = fc.oneof(
  fc.integer({ min: 1, max: 8 }).chain((n) => cells(n).map((v) => v.map((x) => [x]))),
  fc.integer({ min: 1, max: 8 }).chain((n) => cells(n).map((v) => [v])),
  hostileArg
);
// Two legs of one length, so BINARY's arithmetic (not only its length check) meets the extremes.
const legs = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(cells(n), cells(n)).map(([l, r]) => [l.map((x) => [x]), r.map((x) => [x])]));

describe.each([
  ["BINARY", binaryTable, fc.tuple(legs, arg, arg, arg, arg).map(([[l, r], ...rest]) => [l, r, ...rest])],
  ["BINARY (ranges of any shape)", binaryTable, fc.tuple(range, range, arg, arg, arg, arg)],
  ["STAIRSTEP", stairStepFn, fc.tuple(arg, range, range, range)],
  ["DIFFERENTIAL", differentialFn, fc.tuple(arg, range)],
] as const)("%s: no input, however wrong, yields NaN, Infinity, undefined or an uncaught exception", (id, fn, args) => {
  test("the answer is finite cells in a rectangle, or #NUM!/#VALUE!", async () => {
    await fc.assert(
      fc.asyncProperty(args as fc.Arbitrary<unknown[]>, async (values) => {
        const outcome = await excelOutcome(fn as (...a: unknown[]) => unknown, values);
        if (!outcome.ok) throw new Error(`${id}(${JSON.stringify(values)}) ${outcome.what}`);
      }),
      { numRuns: 1500 }
    );
  });
});
