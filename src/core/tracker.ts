/**
 * Replacing a day job: the business is ready when its income has met the monthly target for some
 * months in a row. A month without an actual figure is not evidence either way: trailing blank
 * months (the future) are ignored, and a blank month between recorded ones breaks the run, since
 * nobody knows whether the target was met.
 */

/**
 * For each month with an actual figure, how many months in a row up to and including it met the
 * target (actual >= target); null for a month without an actual. A month below target scores 0.
 * Targets (3000, 3000, 3000) and actuals (3100, 2900, 3200) give 1, 0, 1.
 */
export function runsAtTarget(targets: readonly number[], actuals: readonly (number | null)[]): (number | null)[] {
  const runs: (number | null)[] = [];
  let previous: number | null = null;
  actuals.forEach((actual, i) => {
    const run = actual === null ? null : actual >= targets[i] ? (previous ?? 0) + 1 : 0;
    runs.push(run);
    previous = run;
  });
  return runs;
}

/** The run at the latest month with an actual figure; 0 when no month has one yet. */
export function monthsAtTarget(targets: readonly number[], actuals: readonly (number | null)[]): number {
  const runs = runsAtTarget(targets, actuals);
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run !== null) return run;
  }
  return 0;
}

/** What the tracker's Ready cell says. */
export const READY = "READY";
export const NOT_YET = "Not yet";

/** Ready once the target has been met `monthsNeeded` months running. */
export function readiness(monthsAt: number, monthsNeeded: number): typeof READY | typeof NOT_YET {
  return monthsAt >= monthsNeeded ? READY : NOT_YET;
}
