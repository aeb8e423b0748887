import { businessModel } from "./business-model";
import { dayJobTracker } from "./day-job-tracker";
import { downlineProjection } from "./downline-projection";
import { incomeGoal } from "./income-goal";
import { Template } from "./model";
import { salesFunnel } from "./sales-funnel";
import { workVsDeals } from "./work-vs-deals";

/** The six plan templates, in the order the issue lists them (the gallery's and `bizplan list`'s order). */
export const TEMPLATES: readonly Template[] = [incomeGoal, salesFunnel, downlineProjection, businessModel, workVsDeals, dayJobTracker];

/** A template by its id ("income-goal") or its title ("Income Goal"), in any letter case; undefined if none. */
export function findTemplate(idOrTitle: string): Template | undefined {
  const key = idOrTitle.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id === key || t.title.toLowerCase() === key);
}

export { validateInputs } from "./inputs";
export type { Template } from "./model";
