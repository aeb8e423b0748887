import { payHistory, summarize } from "../../src/core/simulate";
import { selectRanks, summaryRows } from "../../src/core/simulate-report";

/**
 * Cases that kill mutants of src/core/simulate-report.ts which the other suites let live (README,
 * "Mutation testing"): the tolerances that read a net within rounding of 0 as breaking even and a
 * net within rounding of the goal as at goal, the goal row's label, and selection with ranks in any order.
 */

// The founder and one recruit who joins in month 1 and stays, for 1 month, unilevel at one level:
// the founder earns rate x volume, the recruit nothing; both pay the cost.
const TWO = { months: 1, sponsor: [-1, 0], joinMonth: [0, 1], quitMonth: [null, null] };

describe("selectRanks takes its ranks in any order, repeated or not", () => {
  test("of 5, 1, 4, 2, 3: rank 3 holds 4 and rank 0 holds 1", () => {
    // Sorted: 1, 2, 3, 4, 5.
    const values = Float64Array.from([5, 1, 4, 2, 3]);
    selectRanks(values, [3, 0, 3]);
    expect([values[0], values[3]]).toEqual([1, 4]);
  });
});

describe("a net within rounding of 0 breaks even", () => {
  test("10% of 30,000,003 is 3,000,000.3000000003 in doubles, against a cost of 3,000,000.3: no profit", () => {
    // The founder's net is 4.66e-10 from rounding alone, within 1e-9 x (earned + paid) = 6e-3 of 0. A
    // tolerance of 1e-9 / (earned + paid), or one on earned - paid, would leave it a profit: 1 of 2 members.
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [0.1] }, { volumePerMember: 30000003, monthlyCost: 3000000.3 });
    expect(run.commissions[0] - 3000000.3).toBeGreaterThan(0); // the rounding is really there
    expect(summarize(run).shareWithProfit).toBe(0);
  });
});

describe("a net within rounding of the goal is at goal", () => {
  test("goal 100, last month 149.99999999 earned less 50: 1e-8 short, within 1e-9 x 200 = 2e-7", () => {
    // At goal: the founder (1 of 2). A tolerance of 1e-9 / 200 = 5e-12 would not reach it.
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 149.99999999, monthlyCost: 50, goal: 100 });
    expect(summarize(run).shareAtGoal).toBe(0.5);
  });

  test("goal 1, last month 50.99999995 earned less 50: 5e-8 short, within 1e-9 x (earned + cost) = 1.01e-7", () => {
    // The tolerance scales with earned + cost (100.99999995), not with the net (0.99999995: 1e-9 x 1 = 1e-9 short of 5e-8).
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 50.99999995, monthlyCost: 50, goal: 1 });
    expect(summarize(run).shareAtGoal).toBe(0.5);
  });

  test("the summary's goal row reads Share at goal", () => {
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 150, monthlyCost: 50, goal: 100 });
    expect(summaryRows(summarize(run)).at(-1)).toEqual(["Share at goal", 0.5]);
  });
});
