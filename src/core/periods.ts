import { wrongKind } from "./errors";

/**
 * Periods and how many of each fit in a year. Every conversion goes through the annual figure, so
 * that month -> day and year -> day always agree.
 */
export type Period = "year" | "quarter" | "month" | "week" | "day" | "workday";

/** The periods in the order a breakdown lists them, with the label a user reads. */
export const PERIODS: ReadonlyArray<{ period: Period; label: string }> = [
  { period: "year", label: "Year" },
  { period: "quarter", label: "Quarter" },
  { period: "month", label: "Month" },
  { period: "week", label: "Week" },
  { period: "day", label: "Day" },
  { period: "workday", label: "Workday" },
];

// A Map, not an object literal: a user's text such as "constructor" or "toString" must not find
// what every object inherits.
const NAMES: ReadonlyMap<string, Period> = new Map(
  Object.entries({
    year: "year",
    annual: "year",
    yearly: "year",
    quarter: "quarter",
    quarterly: "quarter",
    month: "month",
    monthly: "month",
    week: "week",
    weekly: "week",
    day: "day",
    daily: "day",
    workday: "workday",
  } as const)
);

export const PERIOD_NAMES: readonly string[] = [...NAMES.keys()];

export function parsePeriod(text: unknown, what = "period"): Period {
  const key = typeof text === "string" ? text.trim().toLowerCase() : "";
  const p = NAMES.get(key);
  if (!p) throw wrongKind(`${what} must be one of year, quarter, month, week, day, workday; got "${String(text)}"`);
  return p;
}

/** How days and workdays are counted. */
export interface Calendar {
  /** 0: a 360-day year of twelve 30-day months ($3000 a month is $100 a day); 1: 365 days. */
  basis: 0 | 1;
  workdaysPerWeek: number;
  weeksOff: number;
}

export const DEFAULT_CALENDAR: Calendar = { basis: 0, workdaysPerWeek: 5, weeksOff: 0 };

export function perYear(period: Period, calendar: Calendar = DEFAULT_CALENDAR): number {
  switch (period) {
    case "year":
      return 1;
    case "quarter":
      return 4;
    case "month":
      return 12;
    case "week":
      return 52;
    case "day":
      return calendar.basis === 1 ? 365 : 360;
    case "workday":
      return calendar.workdaysPerWeek * (52 - calendar.weeksOff);
  }
}

/** An amount per `from` period expressed per `to` period. GOAL(3000, month, day) = 100. */
export function convertGoal(amount: number, from: Period, to: Period, calendar: Calendar = DEFAULT_CALENDAR): number {
  return (amount * perYear(from, calendar)) / perYear(to, calendar);
}

/** The amount in every period, year first. */
export function breakdown(amount: number, from: Period = "year", calendar: Calendar = DEFAULT_CALENDAR): Array<[string, number]> {
  return PERIODS.map(({ period, label }) => [label, convertGoal(amount, from, period, calendar)]);
}
