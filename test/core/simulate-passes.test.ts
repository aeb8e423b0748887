import { CompPlan, simulatePlanMembers } from "../../src/core/simulate";
import { RefPlan, refHistoryOf, referencePay } from "../support/simulate-reference";

/**
 * A network too deep for one pass over all its months (src/core/simulate-order.ts monthsPerPass:
 * more than 2^20 cells of per-month rows) is paid a few months a pass, each pass carrying on from the
 * last: binary carries kept per member, stair-step groups per month. Such a network needs more than a
 * thousand levels, so here the passes are made short instead (1, 2 and 5 of 14 months), and the pay
 * is held, member by member, against the month-by-month reference (test/support/simulate-reference.ts).
 */
let monthsAPass = 0;
let asked = 0;
jest.mock("../../src/core/simulate-order", () => {
  const actual = jest.requireActual("../../src/core/simulate-order");
  const monthsPerPass = (depth: number, months: number) => {
    asked++;
    return monthsAPass > 0 ? monthsAPass : actual.monthsPerPass(depth, months);
  };
  return { ...actual, monthsPerPass };
});

const V = 100;

describe.each([1, 2, 5])("passes of %d months agree with the reference member by member", (months) => {
  test.each<[string, RefPlan]>([
    ["binary, cap", { kind: "binary", rate: 0.1, cap: 150 }],
    ["binary, cap, flush", { kind: "binary", rate: 0.1, cap: 150, flush: true }],
    ["stair-step", { kind: "stairstep", thresholds: [0, 300, 800, 2000], rates: [0.02, 0.05, 0.1, 0.15] }],
  ])("%s", (_, plan) => {
    const params = { members: 150, months: 14, recruitsPerMemberPerMonth: 0.9, monthlyAttrition: 0.1, volumePerMember: V, monthlyCost: 50, seed: 7, goal: 0 };
    monthsAPass = months;
    asked = 0;
    const run = simulatePlanMembers(params, plan as CompPlan);
    monthsAPass = 0;
    expect(asked).toBe(1); // the pay asked how many months a pass, and got the short passes
    const ref = referencePay(refHistoryOf(run), plan, V);
    expect(run.joined).toBeGreaterThan(60);
    let paid = 0;
    for (let i = 0; i < run.joined; i++) {
      if (!(Math.abs(run.commissions[i] - ref.commissions[i]) <= 1e-9 * Math.max(1, ref.commissions[i])))
        // a NaN fails too
        throw new Error(`member ${i}: ${run.commissions[i]} vs ${ref.commissions[i]}`);
      if (!(Math.abs(run.lastMonthCommissions[i] - ref.lastMonth[i]) <= 1e-9 * Math.max(1, ref.lastMonth[i])))
        throw new Error(`member ${i}, last month: ${run.lastMonthCommissions[i]} vs ${ref.lastMonth[i]}`);
      paid += ref.commissions[i];
    }
    // Somebody is paid: the comparison is not of zeros.
    expect(paid).toBeGreaterThan(1000);
  });
});
