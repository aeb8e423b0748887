import { dayJobTracker, dayJobTrackerPlan, TRACKER_MONTHS } from "../../src/templates/day-job-tracker";
import { READY, NOT_YET } from "../../src/core/tracker";
import { bizDependents, readColumn, readName } from "../../src/workbook/memory";
import { write } from "./helpers";

const tracked = (actuals: (number | null)[]) => ({ ...dayJobTracker, build: (v: any) => dayJobTrackerPlan(v, actuals) });

describe("Day-Job Tracker through the in-memory writer", () => {
  test("a new tracker: nothing recorded, 0 months at target, not yet ready", () => {
    const s = write(dayJobTracker);
    expect(readName(s, "MonthsAtTarget")).toBe(0);
    expect(readName(s, "Ready")).toBe(NOT_YET);
    expect(readColumn(s, "IncomeByMonth", "Target")).toEqual(Array(TRACKER_MONTHS).fill(3000));
    expect(bizDependents(s).size).toBe(0);
  });

  // Target 3000: 900 (0), 3100 (1), blank (breaks the run), 3000 (1), 3200 (2), 3500 (3).
  const actuals = [900, 3100, null, 3000, 3200, 3500];

  test("three months running at 3000 or more with N = 3: READY", () => {
    const s = write(tracked(actuals), { ReadyMonths: 3 });
    expect(readColumn(s, "IncomeByMonth", "Months in a row").slice(0, 7)).toEqual([0, 1, "", 1, 2, 3, ""]);
    expect(readName(s, "MonthsAtTarget")).toBe(3);
    expect(readName(s, "Ready")).toBe(READY);
  });

  test("the same months with N = 4: not yet", () => {
    const s = write(tracked(actuals), { ReadyMonths: 4 });
    expect(readName(s, "MonthsAtTarget")).toBe(3);
    expect(readName(s, "Ready")).toBe(NOT_YET);
  });

  test("a target of 3300: only the latest month (3500) is at target", () => {
    const s = write(tracked(actuals), { MonthlyTarget: 3300 });
    expect(readName(s, "MonthsAtTarget")).toBe(1);
    expect(readName(s, "Ready")).toBe(NOT_YET);
  });

  test("the latest month below target resets the count, whatever came before", () => {
    const s = write(tracked([3100, 3200, 3300, 3400, 2999]));
    expect(readName(s, "MonthsAtTarget")).toBe(0);
  });

  test("more months than the template lays out get rows of their own", () => {
    const long = Array.from({ length: 30 }, () => 3500);
    const s = write(tracked(long), { ReadyMonths: 30 });
    expect(readColumn(s, "IncomeByMonth", "Month")).toHaveLength(30);
    expect(readName(s, "MonthsAtTarget")).toBe(30);
    expect(readName(s, "Ready")).toBe(READY);
  });
});
