import { breakdown, convertGoal, parsePeriod, perYear, PERIOD_NAMES } from "../../src/core/periods";
import { checkIn, interval, BASIS, MONTHS, RATE } from "../../src/core/domains";

describe("periods", () => {
  test.each([
    ["year", 1],
    ["quarter", 4],
    ["month", 12],
    ["week", 52],
    ["day", 360],
    ["workday", 260],
  ])("%s: %p a year under the defaults (issue 2)", (name, n) => expect(perYear(parsePeriod(name))).toBe(n));

  test("basis 1 counts 365 days; workdays follow the calendar", () => {
    expect(perYear("day", { basis: 1, workdaysPerWeek: 5, weeksOff: 0 })).toBe(365);
    expect(perYear("workday", { basis: 0, workdaysPerWeek: 6, weeksOff: 2 })).toBe(300);
  });

  test("every alias and any letter case", () => {
    expect(PERIOD_NAMES.map((n) => parsePeriod(n.toUpperCase()))).toEqual([
      "year",
      "year",
      "year",
      "quarter",
      "quarter",
      "month",
      "month",
      "week",
      "week",
      "day",
      "day",
      "workday",
    ]);
    expect(parsePeriod("  Weekly ")).toBe("week");
    expect(() => parsePeriod("fortnight")).toThrow(/one of year/);
    expect(() => parsePeriod(3)).toThrow(/one of year/);
  });

  test("conversions go through the year, so they compose", () => {
    expect(convertGoal(3000, "month", "day")).toBe(100);
    const viaWeek = convertGoal(convertGoal(1000, "quarter", "week"), "week", "day");
    expect(viaWeek).toBeCloseTo(convertGoal(1000, "quarter", "day"), 9);
    expect(viaWeek).toBeCloseTo(4000 / 360, 9); // 1000 a quarter is 4000 a year, 11.11 a day
  });

  test("breakdown(36000) is the issue's table", () => {
    expect(breakdown(36000).map(([label, v]) => [label, Math.round(v * 100) / 100])).toEqual([
      ["Year", 36000],
      ["Quarter", 9000],
      ["Month", 3000],
      ["Week", 692.31],
      ["Day", 100],
      ["Workday", 138.46],
    ]);
  });
});

describe("domains", () => {
  test.each([
    [RATE, 0, false],
    [RATE, 1e-9, true],
    [RATE, 1, true],
    [RATE, 1.0000001, false],
    [interval("[0,1)"), 1, false],
    [interval("[0,1)"), 0, true],
    [MONTHS, 1200.9, true],
    [MONTHS, 0.9, false],
    [BASIS, 1.5, true],
  ])("domain %#: %p allowed is %p", (domain, x, ok) => {
    if (ok) expect(() => checkIn(domain, x, "x")).not.toThrow();
    else expect(() => checkIn(domain, x, "x")).toThrow(/x must be/);
  });

  test("whole domains truncate like Excel's counts", () => {
    expect(checkIn(MONTHS, 12.9, "months")).toBe(12);
    expect(checkIn(BASIS, 1.99, "basis")).toBe(1);
  });

  test("non-finite numbers are never in a domain", () => {
    expect(() => checkIn(interval("(-inf,inf)"), Infinity, "x")).toThrow();
    expect(() => checkIn(interval("(-inf,inf)"), NaN, "x")).toThrow();
  });
});
