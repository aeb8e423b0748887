// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing.
// Expected values are read off the interval notation itself: "(" and ")" exclude the bound, "[" and
// "]" include it (ISO 80000-2, 2-7), "inf" is unbounded; a whole domain truncates toward zero first,
// as Excel's TRUNC does.
import * as D from "../../src/core/domains";
import { checkIn, contains, describe as describeDomain, interval } from "../../src/core/domains";
import { DomainError } from "../../src/core/errors";

describe("interval parses the notation", () => {
  test.each([
    ["(0,1]", 0, 1, true, false, "(0, 1]"],
    ["[0,1)", 0, 1, false, true, "[0, 1)"],
    ["[0,inf)", 0, Infinity, false, true, "[0, ∞)"],
    ["(-inf,inf)", -Infinity, Infinity, true, true, "(-∞, ∞)"],
    ["  [ 1 , 1200 ]  ", 1, 1200, false, false, "[1, 1200]"],
    ["[-2.5,1e3]", -2.5, 1000, false, false, "[-2.5, 1000]"],
    ["(1e-3,5e+2)", 0.001, 500, true, true, "(0.001, 500)"],
  ])("%p: lo %p, hi %p, open %p/%p, shown as %p", (text, lo, hi, loOpen, hiOpen, shown) => {
    expect(interval(text)).toEqual({ lo, hi, loOpen, hiOpen, whole: false, text: shown });
  });

  test("the whole flag is kept", () => {
    expect(interval("[0,5]", true).whole).toBe(true);
    expect(interval("[0,5]").whole).toBe(false);
  });

  test.each(["0,1", "(0,1", "0,1]", "(0;1]", "{0,1}", "(a,1]", "(0,1]x", "x(0,1]", "(0,,1]", ""])("%p is not an interval", (text) => {
    expect(() => interval(text)).toThrow(`bad interval ${text}`);
  });
});

describe("contains: each kind of bound, at and beside it", () => {
  const eps = 1e-12;
  test.each([
    [
      "(0,1]",
      [
        [0, false],
        [eps, true],
        [1, true],
        [1 + eps, false],
      ],
    ],
    [
      "[0,1)",
      [
        [-eps, false],
        [0, true],
        [1 - eps, true],
        [1, false],
      ],
    ],
    [
      "[2,3]",
      [
        [2 - eps, false],
        [2, true],
        [3, true],
        [3 + eps, false],
      ],
    ],
    [
      "(2,3)",
      [
        [2, false],
        [2.5, true],
        [3, false],
      ],
    ],
    [
      "(-inf,inf)",
      [
        [-1e308, true],
        [1e308, true],
        [Infinity, false],
        [-Infinity, false],
        [NaN, false],
      ],
    ],
  ] as const)("%s", (text, cases) => {
    const d = interval(text);
    for (const [x, inside] of cases) expect([x, contains(d, x)]).toEqual([x, inside]);
  });
});

describe("checkIn: truncate a whole count, then check it", () => {
  const whole = interval("(-inf,inf)", true);
  test.each([
    [12.9, 12],
    [-1.5, -1], // TRUNC(-1.5) = -1 (toward zero), not FLOOR's -2
    [-0.5, 0],
    [7, 7],
  ])("whole %p is %p", (x, v) => expect(checkIn(whole, x, "n") + 0).toBe(v));

  test("a number that is not whole stays as it is", () => expect(checkIn(interval("[0,1]"), 0.25, "share")).toBe(0.25));

  test("the truncated value is what is checked: 1200.9 months is 1200, 0.9 is 0", () => {
    expect(checkIn(D.MONTHS, 1200.9, "months")).toBe(1200);
    expect(() => checkIn(D.MONTHS, 0.9, "months")).toThrow("months must be a whole number in [1, 1200]; got 0.9");
  });

  test("the error is a range error naming the input and showing what was given", () => {
    let error: unknown;
    try {
      checkIn(D.RATE, 1.5, "close_rate");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe("range");
    expect((error as DomainError).message).toBe("close_rate must be a number in (0, 1]; got 1.5");
  });
});

describe("describe says the domain in words", () => {
  test.each([
    ["(0,inf)", false, "a number above 0"],
    ["[0,inf)", false, "a number of 0 or more"],
    ["[0,inf)", true, "a whole number of 0 or more"],
    ["(0,inf)", true, "a whole number above 0"],
    ["(0,1]", false, "a number in (0, 1]"],
    ["[1,inf)", true, "a whole number in [1, ∞)"], // lo is not 0: the interval is shown
    ["[0,100]", false, "a number in [0, 100]"], // hi is not ∞: the interval is shown
    ["(-inf,inf)", false, "a number in (-∞, ∞)"],
  ] as const)("%s (whole %p): %p", (text, whole, words) => expect(describeDomain(interval(text, whole))).toBe(words));
});

describe("the product's domains (each as its comment in domains.ts and the docs' input tables state it)", () => {
  test.each([
    ["ANY_NUMBER", "(-∞, ∞)", false],
    ["AMOUNT", "[0, ∞)", false],
    ["PRICE", "(0, ∞)", false],
    ["RATE", "(0, 1]", false],
    ["SHARE", "[0, 1]", false],
    ["TAX_RATE", "[0, 1)", false],
    ["GROWTH_RATE", "[0, ∞)", false],
    ["BASIS", "[0, 1]", true],
    ["WORKDAYS_PER_WEEK", "(0, 7]", false],
    ["WEEKS_OFF", "[0, 52)", false],
    ["MONTHS", "[1, 1200]", true],
    ["LEVELS", "[1, 100]", true],
    ["COUNT", "[0, ∞)", true],
    ["RECRUITS", "[0, ∞)", false],
    ["MEMBERS", "[0, ∞)", false],
    ["CAP", "(0, ∞)", false],
    ["PAIR_SIZE", "(0, ∞)", false],
    ["WIDTH", "[1, ∞)", true],
    ["NETWORK_SIZE", "[1, 1000000]", true],
    ["SEED", "[0, 9007199254740991]", true],
    ["WEIGHT", "[0, 100]", false],
  ] as const)("%s is %s (whole %p)", (name, text, whole) => {
    const d = (D as unknown as Record<string, D.Domain>)[name];
    expect([d.text, d.whole]).toEqual([text, whole]);
  });
});
