import { AMOUNT, MONTHS, NETWORK_SIZE, RECRUITS, SEED, SHARE } from "../core/domains";
import { DEFAULT_SEED, simulateAsync, summaryRows } from "../core/simulate";
import { define, list, number, optional } from "./runner";

/** Pause for the event loop this often during a large run, so Excel stays responsive. */
const YIELD_EVERY_MS = 50;

const SIMULATE = define(
  "SIMULATE",
  [
    number("members", NETWORK_SIZE),
    number("months", MONTHS),
    number("recruits_per_member_per_month", RECRUITS),
    number("monthly_attrition", SHARE),
    number("volume_per_member", AMOUNT),
    list("level_rates", SHARE),
    number("monthly_cost", AMOUNT),
    optional(number("seed", SEED), DEFAULT_SEED),
  ],
  (members, months, recruits, attrition, volume, levelRates, cost, seed) =>
    simulateAsync(
      { members, months, recruitsPerMemberPerMonth: recruits, monthlyAttrition: attrition, volumePerMember: volume, levelRates, monthlyCost: cost, seed },
      { yieldEveryMs: YIELD_EVERY_MS }
    ).then(summaryRows)
);

/**
 * The reality check: a member-by-member Monte Carlo of a network growing from one founder, with market saturation and attrition, paying level rates; shows what the typical member nets.
 * @customfunction SIMULATE
 * @helpurl https://localhost:3000/help.html#SIMULATE
 * @param members Most people the market holds, the founder included: a whole number from 1 to 1,000,000.
 * @param months Months to simulate, 1 to 1200.
 * @param recruits_per_member_per_month Average new recruits each active member brings a month in an empty market, 0 or more; it shrinks as the market fills.
 * @param monthly_attrition Chance that an active member quits in a month, 0 to 1 (the founder never quits).
 * @param volume_per_member Volume each active member sells a month, 0 or more.
 * @param level_rates Commission rate on the volume at level 1 (your recruits), level 2 and so on, each 0 to 1, as a row or a column (1 to 100 levels).
 * @param monthly_cost What each active member pays a month (kit, autoship, fees), 0 or more.
 * @param [seed] Whole number that fixes the random draws: the same seed gives the same answer (default 1).
 * @returns Eight rows of label and value: members joined, active at end, median, mean, 10th and 90th percentile net per member, share with a profit, top 1% share of commissions.
 */
export function simulateFn(
  members: number,
  months: number,
  recruits_per_member_per_month: number,
  monthly_attrition: number,
  volume_per_member: number,
  level_rates: any[][],
  monthly_cost: number,
  seed?: number
): Promise<any[][]> {
  return SIMULATE(arguments) as Promise<any[][]>;
}
