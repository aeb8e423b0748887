// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing:
// each figure is worked by hand in its comment.
import { convertGoal, parsePeriod, perYear } from "../../src/core/periods";
import { DomainError } from "../../src/core/errors";

describe("periods: weeks off shorten only the working year", () => {
  const fourOff = { basis: 0 as const, workdaysPerWeek: 5, weeksOff: 4 };
  test.each([
    ["year", 1],
    ["quarter", 4],
    ["month", 12],
    ["week", 52], // a calendar week is a week whether or not you work it
    ["day", 360], // basis 0: 12 x 30
    ["workday", 240], // 5 x (52 - 4)
  ] as const)("%s: %p a year with 4 weeks off", (period, n) => expect(perYear(period, fourOff)).toBe(n));

  test.each([
    // GOAL(52000, "year", "week", 0, 5, 4): 52000 / 52 = 1000, not 52000 / 48 = 1083.33
    ["week", 1000],
    // 52000 / 4 = 13000
    ["quarter", 13000],
    // 52000 / 360 = 144.444...
    ["day", 52000 / 360],
    // 52000 / (5 x 48) = 52000 / 240 = 216.666...
    ["workday", 52000 / 240],
  ] as const)("52000 a year is %p ... per %s", (to, expected) => expect(convertGoal(52000, "year", to, fourOff)).toBeCloseTo(expected, 9));
});

describe("periods: names a user cannot mean", () => {
  // Every object inherits these; a lookup table must not find them (found by a StringLiteral mutant
  // beside it: parsePeriod("constructor") returned the Object function, and GOAL then showed #NUM!).
  test.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", ""])("%p is a kind error", (name) => {
    expect(() => parsePeriod(name)).toThrow(DomainError);
    try {
      parsePeriod(name);
    } catch (e) {
      expect((e as DomainError).kind).toBe("kind");
    }
  });

  test("the message names the input: 'period' unless the caller names it", () => {
    expect(() => parsePeriod("fortnight")).toThrow(/^period must be one of year, quarter, month, week, day, workday; got "fortnight"$/);
    expect(() => parsePeriod("fortnight", "to")).toThrow(/^to must be one of/);
    expect(() => parsePeriod(null)).toThrow(/got "null"$/);
  });
});
