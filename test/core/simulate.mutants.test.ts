import { AllPlans, NetworkParams, payHistory, reportRows, simulateAllPlanMembers, simulatePlanMembers } from "../../src/core/simulate";

/**
 * Cases that kill mutants of src/core/simulate.ts which the other suites let live (README, "Mutation
 * testing"): the report a run spills is the one asked for, a unilevel places no one, and the last
 * month's commissions are worked out only for a goal (MemberRecords: "zeros otherwise").
 */

// The founder and two recruits who join in month 1 under it and stay, for 2 months.
const THREE = { months: 2, sponsor: [-1, 0, 0], joinMonth: [0, 1, 1], quitMonth: [null, null, null] };

// The same history drawn by the simulation: 1e9 recruits a member fill the 2 places left in month 1,
// all under the founder (the only member active at the start of it), and no one leaves.
const FILLED: NetworkParams = { members: 3, months: 2, recruitsPerMemberPerMonth: 1e9, monthlyAttrition: 0, volumePerMember: 100, monthlyCost: 50 };

describe("the report spilled is the one asked for", () => {
  // Unilevel at 50%: the founder earns 2 recruits x 100 x 0.5 = 100 a month, 200 in all, less 2 x 50
  // of costs: net 100, 50 a month. Each recruit earns nothing and pays 100: net -100, -50 a month.
  const run = payHistory(THREE, { kind: "unilevel", levelRates: [0.5] }, { volumePerMember: 100, monthlyCost: 50 });

  test("percentiles: PERCENTILE.INC of the nets -100, -100, 100", () => {
    // Rank p x 2: up to 50% rank <= 1 (-100); 75% rank 1.5: -100 + 0.5 x 200 = 0; 90% rank 1.8: 60; 95%: 80; 99% rank 1.98: 96.
    const expected = [
      [0.01, -100],
      [0.05, -100],
      [0.1, -100],
      [0.25, -100],
      [0.5, -100],
      [0.75, 0],
      [0.9, 60],
      [0.95, 80],
      [0.99, 96],
    ];
    const rows = reportRows(run, "percentiles") as number[][];
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    rows.forEach((r, i) => expect(r[1]).toBeCloseTo(expected[i][1], 9));
  });

  test("brackets: the two recruits at -50 a month in [-50, -10), the founder at 50 in [10, 100)", () => {
    expect(reportRows(run, "brackets")).toEqual([
      ["", -100, 0, 0],
      [-100, -50, 0, 0],
      [-50, -10, 2, 2 / 3],
      [-10, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 10, 0, 0],
      [10, 100, 1, 1 / 3],
      [100, 500, 0, 0],
      [500, 1000, 0, 0],
      [1000, 5000, 0, 0],
      [5000, 10000, 0, 0],
      [10000, "", 0, 0],
    ]);
  });

  test("summary: labelled rows, the median net -100 the third", () => {
    const rows = reportRows(run, "summary");
    expect(rows[0]).toEqual(["Members joined", 3]);
    expect(rows[2]).toEqual(["Median net per member", -100]);
  });
});

describe("a unilevel places no one", () => {
  test("its run has no placement: members sit under their sponsors", () => {
    const run = payHistory(THREE, { kind: "unilevel", levelRates: [0.1] }, { volumePerMember: 100, monthlyCost: 50 });
    expect(run.placement).toBeUndefined();
    expect(Array.from(run.sponsor)).toEqual([-1, 0, 0]);
  });
});

describe("the last month's commissions are worked out only when a goal is given", () => {
  // Unilevel (and matrix of width 2) at 10%: the founder earns 2 x 100 x 0.1 = 20 a month, 40 in
  // all, 20 of it in the last month; the recruits earn nothing.
  test("one plan: without a goal they stay zeros, with one the founder's is 20", () => {
    const plain = simulatePlanMembers(FILLED, { kind: "unilevel", levelRates: [0.1] });
    expect(Array.from(plain.sponsor)).toEqual([-1, 0, 0]);
    expect(Array.from(plain.joinMonth)).toEqual([0, 1, 1]);
    expect(Array.from(plain.commissions)).toEqual([40, 0, 0]);
    expect(Array.from(plain.lastMonthCommissions)).toEqual([0, 0, 0]);
    const withGoal = simulatePlanMembers({ ...FILLED, goal: 0 }, { kind: "unilevel", levelRates: [0.1] });
    expect(Array.from(withGoal.lastMonthCommissions)).toEqual([20, 0, 0]);
  });

  test("the four plans on one history: the same for the unilevel and the matrix", () => {
    const plans: AllPlans = {
      unilevel: { levelRates: [0.1] },
      matrix: { width: 2, levelRates: [0.1] },
      binary: { rate: 0.1 },
      stairstep: { thresholds: [0], rates: [0.1] },
    };
    const plain = simulateAllPlanMembers(FILLED, plans);
    const withGoal = simulateAllPlanMembers({ ...FILLED, goal: 0 }, plans);
    for (const kind of ["unilevel", "matrix"] as const) {
      expect(Array.from(plain[kind].commissions)).toEqual([40, 0, 0]);
      expect(Array.from(plain[kind].lastMonthCommissions)).toEqual([0, 0, 0]);
      expect(Array.from(withGoal[kind].lastMonthCommissions)).toEqual([20, 0, 0]);
    }
  });
});

describe("a matrix's run keeps the sponsors, though its placement rewrites the records' chain", () => {
  // FOUR: the founder sponsors members 1, 2 and 3 in month 1. In a matrix 2 wide, 1 and 2 fill the
  // founder's two places and 3 spills over under 1 (breadth first, left to right): placement
  // -1, 0, 0, 1; sponsors still -1, 0, 0, 0.
  const FOUR = { months: 1, sponsor: [-1, 0, 0, 0], joinMonth: [0, 1, 1, 1], quitMonth: [null, null, null, null] };
  const money = { volumePerMember: 100, monthlyCost: 50 };

  test("a history given member by member", () => {
    const run = payHistory(FOUR, { kind: "matrix", width: 2, levelRates: [0.1] }, money);
    expect(Array.from(run.placement!)).toEqual([-1, 0, 0, 1]);
    expect(Array.from(run.sponsor)).toEqual([-1, 0, 0, 0]);
  });

  test("a simulated history: the matrix's sponsors are the unilevel's on the same seed, and its placement is not", () => {
    // 4 members filled in month 1 by a huge recruiting rate: all three recruits under the founder, as FOUR.
    const p: NetworkParams = { members: 4, months: 1, recruitsPerMemberPerMonth: 1e9, monthlyAttrition: 0, volumePerMember: 100, monthlyCost: 50 };
    const matrix = simulatePlanMembers(p, { kind: "matrix", width: 2, levelRates: [0.1] });
    const unilevel = simulatePlanMembers(p, { kind: "unilevel", levelRates: [0.1] });
    expect(Array.from(matrix.sponsor)).toEqual([-1, 0, 0, 0]);
    expect(Array.from(unilevel.sponsor)).toEqual([-1, 0, 0, 0]);
    expect(Array.from(matrix.placement!)).toEqual([-1, 0, 0, 1]);
  });
});
