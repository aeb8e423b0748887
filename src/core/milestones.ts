/**
 * Milestones read off a month-by-month table: the first month a figure reaches a level (break-even:
 * the first month whose net is 0 or more; payback: the first whose cumulative net is).
 */

/** The month of the first value at or above `level`; null when none is. */
export function firstMonthAtLeast(months: readonly number[], values: readonly number[], level = 0): number | null {
  const i = values.findIndex((value) => value >= level);
  return i === -1 ? null : months[i];
}
