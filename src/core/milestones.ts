/**
 * Milestones read off a month-by-month table: the first month a figure reaches a level (break-even:
 * the first month whose net is 0 or more; payback: the first whose cumulative net is).
 */

/** The month of the first value at or above `level`; null when none is. */
export function firstMonthAtLeast(months: readonly number[], values: readonly number[], level = 0): number | null {
  for (let i = 0; i < values.length; i++) if (values[i] >= level) return months[i];
  return null;
}
