/**
 * Counts that must be whole (sales, leads, units, months) round UP, but floating-point noise must
 * never add one: 1.1 / 0.1 is 11.000000000000002 in binary floating point and means 11.
 * A value within a relative 1e-9 of a whole number is taken as that whole number.
 */
export const WHOLE_TOLERANCE = 1e-9;

export function wholeUp(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(x))) return nearest;
  return Math.ceil(x);
}

/** Whole-number floor with the same tolerance (used where a count may not exceed a budget). */
export function wholeDown(x: number): number {
  const nearest = Math.round(x);
  if (Math.abs(x - nearest) <= WHOLE_TOLERANCE * Math.max(1, Math.abs(x))) return nearest;
  return Math.floor(x);
}
