import fc from "fast-check";
import { downlineTable, downlineGrowthTable, levelPayFn, matrixTable, projectionTable } from "../../src/functions/downline";
import { excelOutcome, hostileArg } from "../support/hostile";

// The wrappers called directly, as Excel calls them: omitted optionals as null, ranges as [[...]]
// with "" for blank cells, counts truncated, errors as CustomFunctions.Error with #NUM! or #VALUE!.
const call = (fn: (...a: any[]) => unknown, args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);
const rounded = (rows: unknown) => (rows as number[][]).map((r) => r.map((v) => Number(v.toPrecision(12))));

describe("DOWNLINE through the runner", () => {
  test("issue 3: DOWNLINE(3, 7) ends 7, 2187, 3279, with retention and cap omitted", () => {
    const rows = downlineTable(3, 7, null as any, null as any);
    expect(rows).toHaveLength(7);
    expect(rows[6]).toEqual([7, 2187, 3279]);
  });

  test("issue 3: DOWNLINE(6, 13, , 335000000): level 11 gets 262440590, the cumulative stays at the cap", () => {
    const rows = downlineTable(6, 13, null as any, 335_000_000);
    expect(rows[10]).toEqual([11, 262_440_590, 335_000_000]);
    expect(rows.slice(11)).toEqual([
      [12, 0, 335_000_000],
      [13, 0, 335_000_000],
    ]);
  });

  test("levels are truncated like Excel's counts, numeric text and a blank retention are accepted", () => {
    expect(downlineTable("3" as any, 7.9, "" as any, null as any)[6]).toEqual([7, 2187, 3279]);
    expect(downlineTable(4, 2, 0.5, null as any)).toEqual([
      [1, 2, 2],
      [2, 4, 6],
    ]);
  });

  test.each([
    [[-1, 7], "#NUM!", "negative recruits"],
    [[3, 0], "#NUM!", "0 levels"],
    [[3, 101], "#NUM!", "101 levels"],
    [[3, 7, 1.5], "#NUM!", "retention above 1"],
    [[3, 7, -0.1], "#NUM!", "negative retention"],
    [[3, 7, null, 0], "#NUM!", "a cap of 0"],
    [[3, 7, null, -5], "#NUM!", "a negative cap"],
    [[10000, 100], "#NUM!", "10000^100 passes the largest number"],
    [["three", 7], "#VALUE!", "text for recruits"],
    [[null, 7], "#VALUE!", "recruits missing"],
    [[[[1, 2]], 7], "#VALUE!", "a range for recruits"],
  ])("DOWNLINE%j is %s (%s)", (args, code, _where) => {
    expect(() => call(downlineTable, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("MATRIX through the runner", () => {
  test.each([
    [
      [3, 3, 20],
      [
        [1, 3, 3],
        [2, 9, 9],
        [3, 27, 8],
      ],
      "issue 3",
    ],
    [
      [3, 3, null],
      [
        [1, 3, 3],
        [2, 9, 9],
        [3, 27, 27],
      ],
      "members omitted: full",
    ],
    [
      [3.7, 3.2, 20.9],
      [
        [1, 3, 3],
        [2, 9, 9],
        [3, 27, 8],
      ],
      "width, depth and members truncated",
    ],
    [
      [2, 2, 1000],
      [
        [1, 2, 2],
        [2, 4, 4],
      ],
      "more members than positions fill it",
    ],
  ])("MATRIX%j (%#: %s)", (args, expected) => {
    expect(call(matrixTable, args)).toEqual(expected);
  });

  test.each([
    [[0, 3], "#NUM!", "width 0"],
    [[3, 0], "#NUM!", "depth 0"],
    [[3, 0.5], "#NUM!", "depth truncates to 0"],
    [[3, 101], "#NUM!", "depth 101"],
    [[3, 3, -1], "#NUM!", "negative members"],
    [[2, 53], "#NUM!", "2^54 - 2 positions: past the exact counts"],
    [[10, 16], "#NUM!", "1.1e16 positions"],
    [["wide", 3], "#VALUE!", "text width"],
  ])("MATRIX%j is %s (%s)", (args, code) => {
    expect(() => call(matrixTable, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("LEVELPAY through the runner", () => {
  test.each<[unknown[], number, string]>([
    [[[[3], [9], [27]], 100, [[0.1, 0.05, 0.02]]], 129, "issue 3: members as a column, rates as a row"],
    [[[[3, 9, 27]], 100, [[0.1], [0.05], [0.02]]], 129, "members as a row, rates as a column"],
    [[[[3], [9], [27], [""]], 100, [[0.1, 0.05, 0.02, ""]]], 129, "trailing blank cells are ignored"],
    [[[[3], [9], [27]], 100, [[0.1]]], 30, "levels beyond the rates pay nothing"],
    [
      [
        [
          [1, 3, 3],
          [2, 9, 9],
        ],
        100,
        [[0.1]],
      ],
      10,
      "a whole DOWNLINE table flattens row by row: only the first cell meets the one rate",
    ],
    [[[[""]], 100, [[0.1]]], 0, "issue 8: no downline yet (an all-blank range) pays 0, not #VALUE!"],
    [[null, 100, [[0.1]]], 0, "level members omitted: no downline"],
  ])("LEVELPAY%j = %p (%s)", (args, expected) => {
    expect(call(levelPayFn, args)).toBeCloseTo(expected as number, 9);
  });

  test.each([
    [[[[-3]], 100, [[0.1]]], "#NUM!", "negative members"],
    [[[[3]], -100, [[0.1]]], "#NUM!", "negative volume"],
    [[[[3]], 100, [[1.5]]], "#NUM!", "a level rate above 1"],
    [[[[3]], 100, [[-0.1]]], "#NUM!", "a negative rate"],
    [[[[3], ["nine"]], 100, [[0.1]]], "#VALUE!", "text in the members"],
    [[[[3]], 100, [[""]]], "#VALUE!", "no level rates: the plan must say what each level pays"],
    [[[[1e300]], 1e10, [[1]]], "#NUM!", "a payout past the largest number"],
  ])("LEVELPAY%j is %s (%s)", (args, code) => {
    expect(() => call(levelPayFn, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("DOWNLINEGROWTH through the runner", () => {
  test("issue 3: DOWNLINEGROWTH(0.5, 2, 0.1) with cap and start omitted", () => {
    expect(rounded(downlineGrowthTable(0.5, 2, 0.1, null as any, null as any))).toEqual([
      [1, 0.5, 0.1, 1.4, 1.5],
      [2, 0.7, 0.14, 1.96, 2.2],
    ]);
  });

  test("all optionals omitted: one member recruiting one a month doubles; start 2.9 is truncated to 2", () => {
    expect(downlineGrowthTable(1, 2, null as any, null as any, null as any)).toEqual([
      [1, 1, 0, 2, 2],
      [2, 2, 0, 4, 4],
    ]);
    expect(downlineGrowthTable(1, 1, null as any, null as any, 2.9)).toEqual([[1, 2, 0, 4, 4]]);
  });

  test.each([
    [[0.5, 0], "#NUM!", "0 months"],
    [[0.5, 1201], "#NUM!", "1201 months"],
    [[-0.5, 12], "#NUM!", "negative recruits"],
    [[0.5, 12, 1.1], "#NUM!", "attrition above 1"],
    [[0.5, 12, null, 0], "#NUM!", "a cap of 0"],
    [[0.5, 12, null, null, -1], "#NUM!", "negative start"],
    [[1, 1200], "#NUM!", "1200 months of doubling without a cap"],
    [[0.5, "a year"], "#VALUE!", "text months"],
  ])("DOWNLINEGROWTH%j is %s (%s)", (args, code, _where) => {
    expect(() => call(downlineGrowthTable, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("PROJECTION through the runner", () => {
  test("issue 3: PROJECTION(0.5, 2, 100, 0.1, 50): team 0.5 then 1.25, net -45 then -37.5, cumulative -82.5", () => {
    expect(rounded(projectionTable(0.5, 2, 100, 0.1, 50, null as any, null as any))).toEqual([
      [1, 0.5, 50, 5, 50, -45, -45],
      [2, 1.25, 125, 12.5, 50, -37.5, -82.5],
    ]);
  });

  test("cost, attrition and cap omitted: the cost column is 0", () => {
    expect(rounded(projectionTable(0.5, 1, 100, 0.1, null as any, null as any, null as any))).toEqual([[1, 0.5, 50, 5, 0, 5, 5]]);
  });

  test("a full-size call: 1200 rows of 7 finite cells", () => {
    const rows = projectionTable(1, 1200, 100, 0.1, 50, 0.05, 8e9);
    expect(rows).toHaveLength(1200);
    expect(rows.every((r) => r.length === 7 && r.every(Number.isFinite))).toBe(true);
  });

  test.each([
    [[0.5, 12, 100, 1.5], "#NUM!", "payout above 1"],
    [[0.5, 12, -100, 0.1], "#NUM!", "negative volume"],
    [[0.5, 12, 100, 0.1, -50], "#NUM!", "negative cost"],
    [[0.5, 12, 100, 0.1, 50, 2], "#NUM!", "attrition above 1"],
    [[0.5, 12, 100, 0.1, 50, 0, 0], "#NUM!", "a cap of 0"],
    [[0.5, 1201, 100, 0.1], "#NUM!", "1201 months"],
    [[1, 1200, 100, 0.1], "#NUM!", "1200 months of doubling without a cap"],
    [[0.5, 12, "lots", 0.1], "#VALUE!", "text volume"],
  ])("PROJECTION%j is %s (%s)", (args, code) => {
    expect(() => call(projectionTable, args)).toThrow(expect.objectContaining({ code }));
  });
});

// Extreme but well-formed numbers, which the generic hostile test (test/functions/hostile.test.ts)
// rarely combines: huge recruits with many levels, tiny caps, volumes near the largest number.
const extreme = fc.oneof(
  fc.constantFrom(0, 1, 2, 3, 0.5, 1e-300, 5e-324, 1e15, 2 ** 53, 1e154, 1e300, 1.7e308, 100, 1200, 101, 1201, -0, -1),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.double({ noNaN: true })
);
const arg = fc.oneof({ weight: 3, arbitrary: extreme }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileArg });
const range = fc.oneof(
  fc.array(extreme, { minLength: 1, maxLength: 8 }).map((v) => v.map((x) => [x])),
  fc.array(extreme, { minLength: 1, maxLength: 8 }).map((v) => [v]),
  hostileArg
);

describe.each([
  ["DOWNLINE", downlineTable, [arg, arg, arg, arg]],
  ["MATRIX", matrixTable, [arg, arg, arg]],
  ["LEVELPAY", levelPayFn, [range, arg, range]],
  ["DOWNLINEGROWTH", downlineGrowthTable, [arg, arg, arg, arg, arg]],
  ["PROJECTION", projectionTable, [arg, arg, arg, arg, arg, arg, arg]],
] as const)("%s: no input, however wrong, yields NaN, Infinity, undefined or an uncaught exception", (id, fn, args) => {
  test("the answer is finite cells in a rectangle, or #NUM!/#VALUE!", async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(...(args as unknown as [fc.Arbitrary<unknown>])), async (values) => {
        const outcome = await excelOutcome(fn as (...a: unknown[]) => unknown, values as unknown[]);
        if (!outcome.ok) throw new Error(`${id}(${JSON.stringify(values)}) ${outcome.what}`);
      }),
      { numRuns: 1500 }
    );
  });
});
