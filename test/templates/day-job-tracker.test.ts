import { dayJobTracker, dayJobTrackerPlan, TRACKER_MONTHS } from "../../src/templates/day-job-tracker";
import { READY, NOT_YET } from "../../src/core/tracker";
import { bizDependents } from "../../src/workbook/memory";
import { onSheet, readColumn, readName } from "./engine";

const tracked = (actuals: (number | null)[]) => ({ ...dayJobTracker, build: (v: any) => dayJobTrackerPlan(v, actuals) });

// Figures the written sheet computes (LibreOffice recalculating it, ./engine.ts), against hand counts.
describe("Day-Job Tracker: the sheet's own figures", () => {
  // Target 3000: 900 (0), 3100 (1), blank (breaks the run), 3000 (1), 3200 (2), 3500 (3).
  const actuals = [900, 3100, null, 3000, 3200, 3500];
  const empty = onSheet(dayJobTracker);
  const ready = onSheet(tracked(actuals), { ReadyMonths: 3 });
  const four = onSheet(tracked(actuals), { ReadyMonths: 4 });
  const higher = onSheet(tracked(actuals), { MonthlyTarget: 3300 });
  const reset = onSheet(tracked([3100, 3200, 3300, 3400, 2999]));
  const long = onSheet(tracked(Array.from({ length: 30 }, () => 3500)), { ReadyMonths: 30 });

  test("a new tracker: nothing recorded, 0 months at target, not yet ready", () => {
    const s = empty;
    expect(readName(s, "MonthsAtTarget")).toBe(0);
    expect(readName(s, "Ready")).toBe(NOT_YET);
    expect(readColumn(s, "IncomeByMonth", "Target")).toEqual(Array(TRACKER_MONTHS).fill(3000));
    expect(bizDependents(s.memory).size).toBe(0);
  });

  test("three months running at 3000 or more with N = 3: READY", () => {
    const s = ready;
    // A blank actual shows a blank run: the formula gives "", which is not 0.
    expect(readColumn(s, "IncomeByMonth", "Months in a row").slice(0, 7)).toEqual([0, 1, "", 1, 2, 3, ""]);
    expect(readName(s, "MonthsAtTarget")).toBe(3);
    expect(readName(s, "Ready")).toBe(READY);
  });

  test("the same months with N = 4: not yet", () => {
    const s = four;
    expect(readName(s, "MonthsAtTarget")).toBe(3);
    expect(readName(s, "Ready")).toBe(NOT_YET);
  });

  test("a target of 3300: only the latest month (3500) is at target", () => {
    const s = higher;
    expect(readName(s, "MonthsAtTarget")).toBe(1);
    expect(readName(s, "Ready")).toBe(NOT_YET);
  });

  test("the latest month below target resets the count, whatever came before", () => {
    const s = reset;
    expect(readName(s, "MonthsAtTarget")).toBe(0);
  });

  test("more months than the template lays out get rows of their own", () => {
    const s = long;
    expect(readColumn(s, "IncomeByMonth", "Month")).toHaveLength(30);
    expect(readName(s, "MonthsAtTarget")).toBe(30);
    expect(readName(s, "Ready")).toBe(READY);
  });
});
