/**
 * Where the week's hours go. The Work vs Deals template sorts activities into "Work" (delivering,
 * admin) and "Deal-making" (the activities that bring in income: prospecting, selling, partnering)
 * and watches the share of time spent on deal-making.
 */

export const WORK = "Work";
export const DEAL_MAKING = "Deal-making";
export const CATEGORIES: readonly string[] = [WORK, DEAL_MAKING];

/** part / whole; 0 when the whole is 0 (no hours, no income yet: no share, rather than an error). */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

export interface Activity {
  readonly name: string;
  readonly category: string;
  readonly planned: number | null;
  readonly actual: number | null;
}

export type Hours = "planned" | "actual";

/** Hours of a category (matched in any letter case, as Excel's SUMIF matches); blank hours count 0. */
export function hoursIn(activities: readonly Activity[], category: string, which: Hours): number {
  let total = 0;
  for (const a of activities) if (a.category.toLowerCase() === category.toLowerCase()) total += a[which] ?? 0;
  return total;
}

export function totalHours(activities: readonly Activity[], which: Hours): number {
  let total = 0;
  for (const a of activities) total += a[which] ?? 0;
  return total;
}

/**
 * The share of hours spent on deal-making: of the actual hours once any are logged, else of the
 * planned hours (so a plan shows its share before the week starts); 0 with no hours at all.
 */
export function dealShare(activities: readonly Activity[]): { share: number; basis: Hours } {
  const basis: Hours = totalHours(activities, "actual") > 0 ? "actual" : "planned";
  return { share: shareOf(hoursIn(activities, DEAL_MAKING, basis), totalHours(activities, basis)), basis };
}
