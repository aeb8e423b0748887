/**
 * For each BIZ function: a typical call (what a user types) and the largest call it accepts
 * (the bounds of issue 3: 100 levels, 1200 months; lists of a size a sheet really holds).
 * SIMULATE is measured on its own (bench/simulate.mjs) at 1,000,000 members.
 */
const rates100 = Array.from({ length: 100 }, (_, i) => 0.001 * (1 + (i % 5)));
const periods1200 = Array.from({ length: 1200 }, (_, i) => [100 + (i % 7) * 10]);
const periods1200b = Array.from({ length: 1200 }, (_, i) => [90 + (i % 11) * 10]);
const thresholds = [0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500];
const stairRates = [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25];
const legs1000 = Array.from({ length: 1000 }, (_, i) => [(i * 37) % 9000]);
const funnelRates100 = Array.from({ length: 100 }, () => 0.9);
const upline100 = Array.from({ length: 100 }, (_, i) => [0.001 * i]);
const levelMembers100 = Array.from({ length: 100 }, (_, i) => [3 ** Math.min(i, 20)]);

export const FUNCTION_CASES: Record<string, { typical: unknown[]; largest: unknown[]; largestIs: string }> = {
  GOAL: { typical: [3000, "month", "day"], largest: [36000, "year", "workday", 1, 5, 4], largestIs: "scalar" },
  BREAKDOWN: { typical: [36000], largest: [36000, "month", 1, 6, 2], largestIs: "6 x 2" },
  SALESNEEDED: { typical: [3000, 100, 0.3], largest: [3000, 100, 0.3], largestIs: "scalar" },
  FUNNEL: { typical: [14, [[0.1, 0.35, 0.5, 0.4]]], largest: [1000, funnelRates100.map((r) => [r])], largestIs: "100 stages" },
  LEADSNEEDED: { typical: [10, 0.25], largest: [10, 0.25], largestIs: "scalar" },
  BREAKEVEN: { typical: [1000, 50, 30], largest: [1000, 50, 30], largestIs: "scalar" },
  MONTHSTOGOAL: { typical: [1000, 3000, 0.1], largest: [1000, 3000, 0.1], largestIs: "scalar" },
  GROSSUP: { typical: [70000, 0.25, 4800], largest: [70000, 0.25, 4800], largestIs: "scalar" },
  LISTGROWTH: { typical: [100, 12, 0.1], largest: [100, 1200, 0.1, 50], largestIs: "1200 months" },
  DOWNLINE: { typical: [3, 7], largest: [1.5, 100, 0.9, 335000000], largestIs: "100 levels" },
  MATRIX: { typical: [3, 3, 20], largest: [2, 45, 1e12], largestIs: "45 levels" },
  LEVELPAY: { typical: [[[3], [9], [27]], 100, [[0.1, 0.05, 0.02]]], largest: [levelMembers100, 100, [rates100]], largestIs: "100 levels" },
  BINARY: { typical: [[[500]], [[1000]], 0.1], largest: [periods1200, periods1200b, 0.1, 500, true, 50], largestIs: "1200 periods" },
  STAIRSTEP: { typical: [100, [[200]], [thresholds], [stairRates]], largest: [100, legs1000, [thresholds], [stairRates]], largestIs: "1000 legs" },
  DIFFERENTIAL: { typical: [100, [[0.1, 0.15, 0.19, 0.21]]], largest: [100, upline100], largestIs: "100 uplines" },
  DOWNLINEGROWTH: { typical: [0.5, 12, 0.1], largest: [0.5, 1200, 0.05, 335000000, 10], largestIs: "1200 months" },
  PROJECTION: { typical: [0.5, 12, 100, 0.1, 50], largest: [0.5, 1200, 100, 0.1, 50, 0.05, 335000000], largestIs: "1200 months" },
};
