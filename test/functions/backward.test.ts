import { levelsNeededFn, recruitsNeededFn, teamNeededFn } from "../../src/functions/backward";

// The wrappers called directly, as Excel calls them: omitted optionals as null, ranges as [[...]]
// with "" for blank cells, counts truncated, errors as CustomFunctions.Error with #NUM! or #VALUE!.
const call = (fn: (...a: any[]) => unknown, args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args);
const ISSUE_RATES = [[0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]];

describe("TEAMNEEDED through the runner", () => {
  test.each([
    [[3000, 100, 0.1, null], 300, "issue 11: 3000 / (100 x 0.1); the cost omitted is 0"],
    [[3000, 100, 0.1, 150], 315, "issue 11: 3150 / 10"],
    [["3000", 100, 0.1, ""], 300, "numeric text and a blank cost"],
    [[3000, [[100]], 0.1, null], 300, "a one-cell range is its value"],
  ])("TEAMNEEDED%j = %p (%s)", (args, expected, _where) => {
    expect(call(teamNeededFn, args)).toBe(expected);
  });

  test.each([
    [[3000, 0, 0.1], "#NUM!", "no volume"],
    [[3000, 100, 0], "#NUM!", "payout 0"],
    [[3000, 100, 1.01], "#NUM!", "payout above 1"],
    [[3000, -100, 0.1], "#NUM!", "negative volume"],
    [[3000, 100, 0.1, -1], "#NUM!", "negative cost"],
    [[null, 100, 0.1], "#VALUE!", "goal missing"],
    [["much", 100, 0.1], "#VALUE!", "text for the goal"],
  ])("TEAMNEEDED%j is %s (%s)", (args, code, _where) => {
    expect(() => call(teamNeededFn, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("LEVELSNEEDED through the runner", () => {
  test("issue 11: a row of 6 levels and 1092 members, retention and cost omitted", () => {
    expect(levelsNeededFn(3000, 3, 100, ISSUE_RATES, null as any, null as any)).toEqual([[6, 1092]]);
  });

  test("rates as a column with blanks skipped; a cost moves the answer (1830 is five levels exactly, 1830 + 1 is six)", () => {
    const column = [[0.1], [0.05], [""], [0.05], [0.05], [0.05], [0.05], [0.05]];
    expect(call(levelsNeededFn, [1800, 3, 100, column, "", 30])).toEqual([[5, 363]]);
    expect(call(levelsNeededFn, [1800, 3, 100, column, "", 31])).toEqual([[6, 1092]]);
  });

  test.each([
    [[20000, 3, 100, ISSUE_RATES], "#NUM!", "every rated level together pays 16410"],
    [[3000, 3, 100, [[0.1, 2]]], "#NUM!", "a rate above 1"],
    [[3000, 3, 100, [[0.1, "ten"]]], "#VALUE!", "text in the rates"],
    [[3000, 3, 100, [[""]]], "#VALUE!", "no rates"],
    [[3000, 3, 100, ISSUE_RATES, 1.5], "#NUM!", "retention above 1"],
    [[3000, -1, 100, ISSUE_RATES], "#NUM!", "negative recruits"],
  ])("LEVELSNEEDED%j is %s (%s)", (args, code, _where) => {
    expect(() => call(levelsNeededFn, args)).toThrow(expect.objectContaining({ code }));
  });
});

describe("RECRUITSNEEDED through the runner", () => {
  test("month 1 with every optional omitted: 10 r = 3000, r = 300", () => {
    expect(recruitsNeededFn(3000, 1, 100, 0.1, null as any, null as any, null as any)).toBeCloseTo(300, 9);
  });

  test("months are truncated like Excel's counts: 2.9 months is 2, (1 + r)^2 - 1 = 300", () => {
    expect(call(recruitsNeededFn, [3000, 2.9, 100, 0.1, "", "", ""])).toBeCloseTo(Math.sqrt(301) - 1, 9);
  });

  test.each([
    [[3000, 12, 100, 0.1, 0, 0, 300], "#NUM!", "a team of 300 does not fit a market of 300 with you in it"],
    [[3000, 12, 100, 0.1, 0, 0, 0], "#NUM!", "a cap of 0"],
    [[3000, 1201, 100, 0.1], "#NUM!", "1201 months"],
    [[3000, 12, 100, 0.1, 0, 1.1], "#NUM!", "attrition above 1"],
    [[3000, "a year", 100, 0.1], "#VALUE!", "text for months"],
  ])("RECRUITSNEEDED%j is %s (%s)", (args, code, _where) => {
    expect(() => call(recruitsNeededFn, args)).toThrow(expect.objectContaining({ code }));
  });
});
