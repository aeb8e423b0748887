/**
 * Counts that must be whole (sales, leads, units, months) round UP, but floating-point noise must
 * never add one: 1.1 / 0.1 is 11.000000000000002 in binary floating point and means 11.
 * A value within the tolerance of a whole number is taken as that whole number. The tolerance is
 * relative (noise grows with the figure) but capped, so that on a big count a real excess of half
 * a unit is never mistaken for noise: 600000000.5 sales still need 600000001.
 */
export const WHOLE_TOLERANCE = 1e-9;
export const WHOLE_TOLERANCE_CAP = 1e-3;

// Read once: in a sandboxed host (jest's vm context, the custom-functions stand-in) each global
// lookup such as Math.round costs ~150 ns, and these run once a row in long tables.
const { abs, max, min, round, ceil, floor } = Math;

export function wholeTolerance(x: number): number {
  return min(WHOLE_TOLERANCE * max(1, abs(x)), WHOLE_TOLERANCE_CAP);
}

export function wholeUp(x: number): number {
  const nearest = round(x);
  if (abs(x - nearest) <= wholeTolerance(x)) return nearest;
  return ceil(x);
}

/** Whole-number floor with the same tolerance (used where a count may not exceed a budget). */
export function wholeDown(x: number): number {
  const nearest = round(x);
  if (abs(x - nearest) <= wholeTolerance(x)) return nearest;
  return floor(x);
}
