import fc from "fast-check";
import { BINARY_STATE, binaryPeriod } from "../../src/core/plans";
import {
  CompPlan,
  ExplicitHistory,
  NetworkParams,
  SimulationRun,
  bracketRows,
  monthsIn,
  payHistory,
  percentileRows,
  simulateAllPlanMembers,
  simulateAllPlans,
  simulatePlan,
  simulatePlanMembers,
  simulatePlanMembersAsync,
  summarize,
  summaryRows,
} from "../../src/core/simulate";
import { RefPlan, refHistoryOf, referenceHistory, referencePay } from "../support/simulate-reference";
import { slowDescribe, slowTest } from "../support/under-mutation";

/**
 * The four plans of issue 10 on the same simulated people. Worked cases are small histories given
 * explicitly and paid by hand month by month (the arithmetic in the comments); the rest holds the
 * engine against a second engine written the slow obvious way (test/support/simulate-reference.ts).
 */

const V = 100;
const COST = 50;
const money = { volumePerMember: V, monthlyCost: COST };

/**
 * H1, 3 months, six members, numbered in the order they joined:
 *   0 founder (months 1-3); 1 under 0, joins in 1, stays; 2 under 0, joins in 1, quits at the end of 2;
 *   3 under 1, joins in 2, stays; 4 under 0, joins in 2, stays; 5 under 1, joins in 3, stays.
 * Active: month 1 {0,1,2}; month 2 {0,1,2,3,4}; month 3 {0,1,3,4,5}.
 */
const H1: ExplicitHistory = { months: 3, sponsor: [-1, 0, 0, 1, 0, 1], joinMonth: [0, 1, 1, 2, 2, 3], quitMonth: [null, null, 2, null, null, null] };

const STAIRS = { thresholds: [0, 200, 400], rates: [0, 0.05, 0.1] };

// [plan, commissions per member over the run, commissions in the last month, how]
const WORKED: Array<[string, CompPlan, number[], number[]]> = [
  // Unilevel 10%, 5%. Month 1: 1 and 2 sell, founder 10 + 10 = 20. Month 2: 1, 2, 4 -> founder 30;
  // 3 -> its sponsor 1 earns 10, the founder (level 2) 5: founder 35, member 1 10. Month 3: 1, 4 ->
  // founder 20; 3 and 5 -> member 1 20, founder 10: founder 30, member 1 20. Totals 85 and 30.
  ["unilevel 10%, 5%", { kind: "unilevel", levelRates: [0.1, 0.05] }, [85, 30, 0, 0, 0, 0], [30, 20, 0, 0, 0, 0]],
  // Matrix 2 wide, 10%, 5%: 1 and 2 fill the founder; 3 goes under 1; 4 (sponsor 0) spills
  // breadth-first to the first open position, member 1 (now full); 5 (sponsor 1) spills to 3.
  // Month 1: founder 20. Month 2: 1, 2 -> founder 20; 3, 4 -> member 1 20, founder 10: f 30, m1 20.
  // Month 3 (2 has quit): 1 -> f 10; 3, 4 -> m1 20, f 10; 5 -> m3 10, m1 5: f 20, m1 25, m3 10.
  // Totals 70, 45, 10.
  ["matrix 2 wide, spillover", { kind: "matrix", width: 2, levelRates: [0.1, 0.05] }, [70, 45, 0, 10, 0, 0], [20, 25, 0, 10, 0, 0]],
  // Matrix 1 wide: a line 0-1-2-3-4-5. Month 1: 1 -> founder 10; 2 -> m1 10, founder 5. Month 2: 1
  // -> f 10; 2 -> m1 10, f 5; 3 -> m2 10, m1 5; 4 -> m3 10, m2 5: f 15, m1 15, m2 15, m3 10. Month 3:
  // 1 -> f 10; 3 -> m2 quit (paid to no one), m1 5; 4 -> m3 10, m2 quit; 5 -> m4 10, m3 5: f 10, m1 5,
  // m3 15, m4 10. Totals f 40, m1 30, m2 15, m3 25, m4 10.
  ["matrix 1 wide, a line", { kind: "matrix", width: 1, levelRates: [0.1, 0.05] }, [40, 30, 15, 25, 10, 0], [10, 5, 0, 15, 10, 0]],
  // Binary 10%: 1 left of 0, 2 right of 0, 3 left of 1; 4 (sponsor 0): left leg {1,3} has 2, right
  // {2} 1 -> right leg, first open: under 2; 5 (sponsor 1): its right leg is empty -> right of 1.
  // Month 1: founder legs 100 (1) and 100 (2): matched 100, pays 10. Month 2: legs {1,3} 200, {2,4}
  // 200: 20; member 1: 100 (3) and 0: carries 100/0; member 2: 100 (4)/0. Month 3: founder {1,3,5}
  // 300, {4} 100 (2 quit): 10, carry 200/0; member 1: 100 + 100 carried and 100 (5): matched 100,
  // pays 10, carries 100/0; member 2 quit: its carry is lost. Founder 40, member 1 10.
  ["binary 10%", { kind: "binary", rate: 0.1 }, [40, 10, 0, 0, 0, 0], [10, 10, 0, 0, 0, 0]],
  // Cap 15, no flush: month 2 matches 200, pays 15 = the cap, only 150 leaves: carries 50/50;
  // month 3: 350/150, matched 150, pays 15 (not above the cap), carries 200/0. 10 + 15 + 15 = 40.
  ["binary 10%, cap 15", { kind: "binary", rate: 0.1, cap: 15 }, [40, 10, 0, 0, 0, 0], [15, 10, 0, 0, 0, 0]],
  // Cap 15 with flush: month 2 pays 15 and all 200 matched leave: 0/0; month 3: 300/100 pays 10. 35.
  ["binary 10%, cap 15, flush", { kind: "binary", rate: 0.1, cap: 15, flush: true }, [35, 10, 0, 0, 0, 0], [10, 10, 0, 0, 0, 0]],
  // Stair-step 0 / 5% from 200 / 10% from 400. Month 1: founder group 300 -> 5%: 5 on its own 100,
  // legs 1 and 2 (100 each, rate 0) 5 each: 15. Month 2: member 1 group 200 -> 5%: 5 + leg 3 (100 at
  // 0) 5 = 10; founder group 500 -> 10%: 10 + leg 1 (200 at 5%) 10 + leg 2 (100) 10 + leg 4 (100) 10
  // = 40. Month 3: member 1 group 300 -> 5%: 5 + 5 + 5 = 15; founder group 100 + 300 + 0 (2 quit)
  // + 100 = 500 -> 10%: 10 + leg 1 (300 at 5%) 15 + leg 2 0 + leg 4 10 = 35. Founder 90, member 1 25.
  ["stair-step", { kind: "stairstep", ...STAIRS }, [90, 25, 0, 0, 0, 0], [35, 15, 0, 0, 0, 0]],
];

describe("worked cases: a history given member by member, paid by hand month by month", () => {
  test.each(WORKED)("%s", (_, plan, total, last) => {
    const run = payHistory(H1, plan, money);
    for (let i = 0; i < total.length; i++) {
      expect(run.commissions[i]).toBeCloseTo(total[i], 9);
      expect(run.lastMonthCommissions[i]).toBeCloseTo(last[i], 9);
    }
  });

  test("the matrix and binary placements of H1 are the ones worked above", () => {
    expect(Array.from(payHistory(H1, WORKED[1][1], money).placement!)).toEqual([-1, 0, 0, 1, 1, 3]);
    expect(Array.from(payHistory(H1, WORKED[2][1], money).placement!)).toEqual([-1, 0, 1, 2, 3, 4]);
    const binary = payHistory(H1, WORKED[3][1], money);
    expect(Array.from(binary.placement!)).toEqual([-1, 0, 0, 1, 2, 1]);
    expect(Array.from(binary.side!)).toEqual([0, 0, 1, 0, 0, 1]);
  });

  test("the summary of H1 under the unilevel, with goals", () => {
    // Nets: founder 85 - 3 x 50 = -65; member 1 30 - 150 = -120; 2: -100 (2 months); 3: -100; 4: -100; 5: -50.
    // Sorted: -120, -100, -100, -100, -65, -50: median -100; mean -535 / 6. Recruited no one: 2, 3, 4, 5.
    // Last month's nets: founder 30 - 50 = -20, member 1 20 - 50 = -30, 3, 4, 5: -50; 2 quit.
    const run = payHistory(H1, WORKED[0][1], { ...money, goal: -25 });
    const s = summarize(run);
    expect(s).toMatchObject({ membersJoined: 6, activeAtEnd: 5, medianNet: -100, shareWithProfit: 0, shareRecruitedNoOne: 4 / 6, shareAtGoal: 1 / 6 });
    expect(s.meanNet).toBeCloseTo(-535 / 6, 9);
    expect(s.top1PercentShare).toBeCloseTo(85 / 115, 12);
    expect(summarize(payHistory(H1, WORKED[0][1], { ...money, goal: -50 })).shareAtGoal).toBeCloseTo(5 / 6, 12); // member 2 quit: not at goal
    expect(summarize(payHistory(H1, WORKED[0][1], { ...money, goal: 0 })).shareAtGoal).toBe(0);
    const rows = summaryRows(s);
    expect(rows.slice(-2)).toEqual([
      ["Share who recruited no one", 4 / 6],
      ["Share at goal", 1 / 6],
    ]);
    expect(summaryRows(summarize(payHistory(H1, WORKED[0][1], money))).length).toBe(9); // no goal: no goal row
  });

  test("percentiles and brackets of H1 under the unilevel", () => {
    // Nets sorted: -120, -100, -100, -100, -65, -50. PERCENTILE.INC at p: rank p x 5.
    // 1%: rank 0.05 -> -120 + 0.05 x 20 = -119; 25%: rank 1.25 -> -100; 75%: rank 3.75 -> -100 + 0.75 x 35 = -73.75;
    // 99%: rank 4.95 -> -65 + 0.95 x 15 = -50.75.
    const run = payHistory(H1, WORKED[0][1], money);
    const p = new Map(percentileRows(run, run.params));
    expect(p.get(0.01)).toBeCloseTo(-119, 9);
    expect(p.get(0.25)).toBeCloseTo(-100, 9);
    expect(p.get(0.5)).toBeCloseTo(-100, 9);
    expect(p.get(0.75)).toBeCloseTo(-73.75, 9);
    expect(p.get(0.99)).toBeCloseTo(-50.75, 9);
    // Average net per month: founder -65/3 = -21.7, member 1 -40, 2, 3, 4 and 5 -50:
    // [-50, -10) holds all six.
    const rows = bracketRows(run, run.params);
    const at = (from: number | string, to: number | string) => rows.find((r) => r[0] === from && r[1] === to)!;
    expect(at(-50, -10).slice(2)).toEqual([6, 1]);
    expect(rows.reduce((s, r) => s + r[2], 0)).toBe(6);
  });
});

describe("bracket rows", () => {
  test("from, to, members and share; open ends blank; a row of its own for breaking even", () => {
    // One history with known averages per month: founder alone 1 month with volume 0 and cost 0 -> net 0.
    const run = payHistory(
      { months: 1, sponsor: [-1], joinMonth: [0], quitMonth: [null] },
      { kind: "unilevel", levelRates: [0.1] },
      { volumePerMember: 0, monthlyCost: 0 }
    );
    const rows = bracketRows(run, run.params);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["", -100],
      [-100, -50],
      [-50, -10],
      [-10, 0],
      [0, 0],
      [0, 10],
      [10, 100],
      [100, 500],
      [500, 1000],
      [1000, 5000],
      [5000, 10000],
      [10000, ""],
    ]);
    expect(rows[4].slice(2)).toEqual([1, 1]);
  });

  test.each([
    [-100, 1],
    [-100.5, 0],
    [-10, 3],
    [-0.01, 3],
    [0.01, 5],
    [10, 6],
    [9999.99, 10],
    [10000, 11],
  ])("an average net of %p a month falls in row %p (from included, to excluded)", (net, row) => {
    // The founder alone for one month with no cost earns nothing: give it a cost to reach `net` < 0, or a
    // one-member downline paying 100% of the volume to reach `net` > 0.
    const h: ExplicitHistory =
      net > 0 ? { months: 1, sponsor: [-1, 0], joinMonth: [0, 1], quitMonth: [null, null] } : { months: 1, sponsor: [-1], joinMonth: [0], quitMonth: [null] };
    const m = net > 0 ? { volumePerMember: net, monthlyCost: 0 } : { volumePerMember: 0, monthlyCost: -net };
    const run = payHistory(h, { kind: "unilevel", levelRates: [1] }, m);
    const rows = bracketRows(run, run.params);
    expect(rows[row][2]).toBe(1); // the founder (the recruit, when there is one, nets 0: the break-even row)
  });
});

/** Small networks with every input in its domain. */
function smallNetwork(): fc.Arbitrary<NetworkParams> {
  return fc.record({
    members: fc.integer({ min: 1, max: 150 }),
    months: fc.integer({ min: 1, max: 18 }),
    recruitsPerMemberPerMonth: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true }), fc.constant(1e9)),
    monthlyAttrition: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
    volumePerMember: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1000, noNaN: true })),
    monthlyCost: fc.double({ min: 0, max: 300, noNaN: true }),
    seed: fc.integer({ min: 0, max: 2 ** 31 }),
    recruitingSpread: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 8, noNaN: true })),
    goal: fc.oneof(fc.constant(null), fc.double({ min: -300, max: 300, noNaN: true })),
  });
}

const rates = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 });
const ascendingSchedule = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.double({ min: 0, max: 0.3, noNaN: true })), { minLength: 1, maxLength: 6 })
  .map((steps) => {
    const thresholds = [...new Set(steps.map((s) => s[0]))].sort((a, b) => a - b);
    const rs = steps
      .map((s) => s[1])
      .sort((a, b) => a - b)
      .slice(0, thresholds.length);
    return { thresholds, rates: rs };
  });
const anyPlan: fc.Arbitrary<CompPlan> = fc.oneof(
  rates.map((levelRates) => ({ kind: "unilevel" as const, levelRates })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), rates).map(([width, levelRates]) => ({ kind: "matrix" as const, width, levelRates })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }), fc.boolean())
    .map(([rate, cap, flush]) => ({ kind: "binary" as const, rate, cap, flush })),
  ascendingSchedule.map((s) => ({ kind: "stairstep" as const, ...s }))
);

/** Depth of each member in a tree of parents (parents first). */
function depths(parent: ArrayLike<number>): number[] {
  const d = [0];
  for (let i = 1; i < parent.length; i++) d.push(d[parent[i]] + 1);
  return d;
}

/** What a plan can pay at most over the run: volume sold times its highest payout per unit of volume. */
function mostPayable(run: SimulationRun): number {
  const plan = run.plan;
  const V = run.params.volumePerMember;
  let memberMonths = 0;
  for (let i = 0; i < run.joined; i++) memberMonths += monthsIn(run, i);
  if (plan.kind === "unilevel" || plan.kind === "matrix") return V * memberMonths * plan.levelRates.reduce((a, b) => a + b, 0);
  if (plan.kind === "stairstep") return V * memberMonths * Math.max(0, ...plan.rates);
  // Binary: each unit sold reaches every position above it, and a pair matched takes a unit from each leg:
  // at most rate x half the volume that passes each position.
  const d = depths(run.placement!);
  let passing = 0;
  for (let i = 0; i < run.joined; i++) passing += monthsIn(run, i) * d[i];
  return (plan.rate * V * passing) / 2;
}

slowDescribe("properties", () => {
  test("the same history whatever the plan, for one seed", () => {
    fc.assert(
      fc.property(smallNetwork(), (p) => {
        const plans: CompPlan[] = [
          { kind: "unilevel", levelRates: [0.1, 0.05] },
          { kind: "matrix", width: 3, levelRates: [0.1] },
          { kind: "binary", rate: 0.1, cap: 100, flush: true },
          { kind: "stairstep", ...STAIRS },
        ];
        const runs = plans.map((plan) => simulatePlanMembers(p, plan));
        for (const run of runs.slice(1)) {
          expect(run.joined).toBe(runs[0].joined);
          expect(run.sponsor).toEqual(runs[0].sponsor);
          expect(run.joinMonth).toEqual(runs[0].joinMonth);
          expect(run.lastMonth).toEqual(runs[0].lastMonth);
          expect(run.active).toEqual(runs[0].active);
        }
        // And the four-plan entry point pays each on that same history, as the single-plan calls do.
        const all = simulateAllPlanMembers(p, { unilevel: plans[0] as any, matrix: plans[1] as any, binary: plans[2] as any, stairstep: plans[3] as any });
        expect(all.stairstep.sponsor).toEqual(runs[0].sponsor);
        expect(all.binary.commissions).toEqual(runs[2].commissions);
        expect(all.matrix.commissions).toEqual(runs[1].commissions);
      }),
      { numRuns: 60 }
    );
  });

  test("a matrix never places more than `width` under anyone, and always under the sponsor", () => {
    fc.assert(
      fc.property(smallNetwork(), fc.integer({ min: 1, max: 4 }), (p, width) => {
        const run = simulatePlanMembers(p, { kind: "matrix", width, levelRates: [0.1] });
        const placed = new Array(run.joined).fill(0);
        for (let i = 1; i < run.joined; i++) {
          const at = run.placement![i];
          placed[at]++;
          expect(at).toBeLessThan(i);
          let a = at;
          while (a !== run.sponsor[i] && a > 0) a = run.placement![a];
          expect(a).toBe(run.sponsor[i]);
        }
        expect(Math.max(...placed)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 100 }
    );
  });

  test("binary: two legs at most, each new member in its sponsor's weaker leg", () => {
    fc.assert(
      fc.property(smallNetwork(), (p) => {
        const run = simulatePlanMembers(p, { kind: "binary", rate: 0.1 });
        const placed = new Array(run.joined).fill(0);
        for (let i = 1; i < run.joined; i++) placed[run.placement![i]]++;
        expect(Math.max(...placed)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 60 }
    );
  });

  test("binary's rule: carries never negative, matched never above either leg, commission never above the cap", () => {
    const period = fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(
        fc.array(period, { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.option(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { nil: undefined }),
        fc.boolean(),
        (periods, rate, cap, flush) => {
          const state = new Float64Array(BINARY_STATE);
          for (const [l, r] of periods) {
            const before = [state[0] + l, state[1] + r];
            const paid = binaryPeriod(state, 0, l, r, rate, cap ?? Infinity, flush, 0, 1);
            expect(state[0]).toBeGreaterThanOrEqual(0);
            expect(state[1]).toBeGreaterThanOrEqual(0);
            expect(state[2]).toBeLessThanOrEqual(before[0]);
            expect(state[2]).toBeLessThanOrEqual(before[1]);
            expect(paid).toBeLessThanOrEqual(cap ?? Infinity);
            expect(paid).toBeLessThanOrEqual(state[2] * rate * (1 + 1e-12));
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  test("commissions never exceed the volume sold times the plan's highest payout; shares in [0, 1]; brackets add up", () => {
    fc.assert(
      fc.property(smallNetwork(), anyPlan, (p, plan) => {
        const run = simulatePlanMembers(p, plan);
        const s = summarize(run);
        expect(s.commissionsPaid).toBeLessThanOrEqual(mostPayable(run) * (1 + 1e-9) + 1e-9);
        for (const share of [s.shareWithProfit, s.top1PercentShare, s.shareRecruitedNoOne, s.shareAtGoal ?? 0]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(1);
        }
        const rows = bracketRows(run, run.params);
        expect(rows.reduce((sum, r) => sum + r[2], 0)).toBe(s.membersJoined);
        expect(rows.reduce((sum, r) => sum + r[3], 0)).toBeCloseTo(1, 12);
        const ps = percentileRows(run, run.params).map((r) => r[1]);
        for (let k = 1; k < ps.length; k++) expect(ps[k]).toBeGreaterThanOrEqual(ps[k - 1]);
        for (const [, v] of summaryRows(s)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 200 }
    );
  });

  test("stair-step pays each unit of volume at most the top rate, even where the rate rises at every level", () => {
    // A line of members (each sponsors the next) with rising groups: every level earns a step of the schedule.
    const n = 12;
    // Member i joins in month i under member i - 1, and everyone stays for the 12 months.
    const fixed: ExplicitHistory = {
      months: 12,
      sponsor: [-1, ...Array.from({ length: n - 1 }, (_, i) => i)],
      joinMonth: [0, ...Array.from({ length: n - 1 }, (_, i) => i + 1)],
      quitMonth: new Array(n).fill(null),
    };
    const plan: CompPlan = { kind: "stairstep", thresholds: [0, 200, 300, 500, 800], rates: [0.02, 0.05, 0.08, 0.12, 0.2] };
    const run = payHistory(fixed, plan, money);
    const s = summarize(run);
    // Volume sold: member i is in from month i (the founder from 1) to 12.
    const sold = V * (12 + Array.from({ length: n - 1 }, (_, i) => 12 - i).reduce((a, b) => a + b, 0));
    expect(s.volumeSold).toBe(sold);
    expect(s.commissionsPaid).toBeLessThanOrEqual(sold * 0.2 + 1e-9);
    // The line's bottom member earns 2% on its own volume; every unit climbs the steps to 20% at most.
    expect(s.commissionsPaid).toBeGreaterThan(sold * 0.02);
  });
});

describe("the fast engine agrees member by member with the month-by-month reference on the same history", () => {
  test.each<[string, RefPlan]>([
    ["unilevel", { kind: "unilevel", levelRates: [0.1, 0.05, 0.03] }],
    ["matrix 2 wide", { kind: "matrix", width: 2, levelRates: [0.1, 0.05, 0.03, 0.02] }],
    ["matrix 3 wide", { kind: "matrix", width: 3, levelRates: [0.1, 0.05, 0.03] }],
    ["matrix 1 wide", { kind: "matrix", width: 1, levelRates: [0.1, 0.05] }],
    ["binary", { kind: "binary", rate: 0.1 }],
    ["binary, cap", { kind: "binary", rate: 0.1, cap: 150 }],
    ["binary, cap, flush", { kind: "binary", rate: 0.1, cap: 150, flush: true }],
    ["stair-step", { kind: "stairstep", thresholds: [0, 300, 800, 2000], rates: [0.02, 0.05, 0.1, 0.15] }],
    ["stair-step with a falling rate", { kind: "stairstep", thresholds: [0, 300, 800], rates: [0.05, 0.1, 0.07] }],
  ])("%s", (_, plan) => {
    for (const [seed, spread, attrition] of [
      [1, 0, 0.1],
      [2, 2, 0.3],
      [3, 0, 0],
    ]) {
      const params = {
        members: 120,
        months: 14,
        recruitsPerMemberPerMonth: 0.9,
        monthlyAttrition: attrition,
        volumePerMember: V,
        monthlyCost: COST,
        seed,
        recruitingSpread: spread,
        goal: 0,
      };
      const run = simulatePlanMembers(params, plan as CompPlan);
      expect(run.joined).toBeGreaterThan(30);
      const ref = referencePay(refHistoryOf(run), plan, V);
      for (let i = 0; i < run.joined; i++) {
        if (!(Math.abs(run.commissions[i] - ref.commissions[i]) <= 1e-9 * Math.max(1, ref.commissions[i])))
          // a NaN fails too
          throw new Error(`seed ${seed}, member ${i}: ${run.commissions[i]} vs ${ref.commissions[i]}`);
        if (!(Math.abs(run.lastMonthCommissions[i] - ref.lastMonth[i]) <= 1e-9 * Math.max(1, ref.lastMonth[i])))
          throw new Error(`seed ${seed}, member ${i}, last month: ${run.lastMonthCommissions[i]} vs ${ref.lastMonth[i]}`);
      }
      if (ref.placement) expect(Array.from(run.placement!)).toEqual(ref.placement);
    }
  });
});

describe("a network larger than one batch of 16,384 walks: every member is paid for (closed forms)", () => {
  // 40,000 members filled in month 1 under the founder (a huge recruiting rate), nobody quits, 2 months.
  const p: NetworkParams = { members: 40000, months: 2, recruitsPerMemberPerMonth: 1e9, monthlyAttrition: 0, volumePerMember: V, monthlyCost: COST };
  const others = 39999;

  test("unilevel 10%: the founder earns 39,999 x 100 x 10% x 2 months", () => {
    const run = simulatePlanMembers(p, { kind: "unilevel", levelRates: [0.1] });
    expect(run.commissions[0]).toBeCloseTo(others * 10 * 2, 6); // 799,980
    expect(summarize(run).commissionsPaid).toBeCloseTo(799980, 6);
  });

  test("matrix 3 wide, 10/5/2%: complete levels of 3, 9, then everyone below pays all three", () => {
    // Breadth-first under the founder in join order: 3 members at depth 1 pay 10%, 9 at depth 2 pay
    // 10 + 5%, the other 39,987 pay 17%: 100 x (3 x 0.1 + 9 x 0.15 + 39,987 x 0.17) = 679,944 a month.
    const s = summarize(simulatePlanMembers(p, { kind: "matrix", width: 3, levelRates: [0.1, 0.05, 0.02] }));
    expect(s.commissionsPaid).toBeCloseTo(2 * 679944, 4);
  });

  test("binary 10%: the founder's legs alternate, 20,000 and 19,999: it is paid on 19,999 a month", () => {
    // Month 1: 20,000 x 100 against 19,999 x 100: 199,990, carry 100 left. Month 2: the same volumes plus the
    // carry: 2,000,100 against 1,999,900: 199,990 again. 399,980.
    const run = simulatePlanMembers(p, { kind: "binary", rate: 0.1 });
    expect(run.commissions[0]).toBeCloseTo(399980, 6);
  });

  test("stair-step 1% / 5% from 1,000 / 10% from 1,000,000: the founder breaks every leg's 1%", () => {
    // Founder group 40,000 x 100 -> 10%: 10 on its own + 39,999 legs x (10% - 1%) x 100 = 360,001 a month;
    // each other member 1% of 100 = 1 a month. Total 400,000 a month.
    const run = simulatePlanMembers(p, { kind: "stairstep", thresholds: [0, 1000, 1e6], rates: [0.01, 0.05, 0.1] });
    expect(run.commissions[0]).toBeCloseTo(720002, 4);
    expect(summarize(run).commissionsPaid).toBeCloseTo(800000, 4);
  });
});

/** Mean and standard error of a statistic over seeds. */
function meanAndError(values: number[]): [number, number] {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return [mean, Math.sqrt(variance / n)];
}

slowDescribe("in distribution, over many seeds, the engine agrees with the reference's own histories", () => {
  const SEEDS = 300;
  const net = { members: 80, months: 10, recruits: 0.7, attrition: 0.12 };
  const stats = (commissions: ArrayLike<number>, monthsIn: number[], joined: number, stays: number, recruitedNoOne: number) => {
    let paid = 0;
    let profit = 0;
    for (let i = 0; i < joined; i++) {
      paid += commissions[i];
      if (commissions[i] - COST * monthsIn[i] > 1e-9) profit++;
    }
    return [joined, stays, paid / joined, profit / joined, recruitedNoOne / joined];
  };
  const names = ["members joined", "active at end", "commissions per member", "share with profit", "share who recruited no one"];

  test.each<[string, RefPlan, 0 | 1]>([
    ["unilevel", { kind: "unilevel", levelRates: [0.2, 0.1, 0.05] }, 0],
    ["matrix", { kind: "matrix", width: 2, levelRates: [0.2, 0.1, 0.05] }, 0],
    ["binary", { kind: "binary", rate: 0.15, cap: 120 }, 0],
    ["stair-step", { kind: "stairstep", thresholds: [0, 300, 600], rates: [0.02, 0.1, 0.2] }, 0],
    ["unilevel with a spread of 1", { kind: "unilevel", levelRates: [0.2, 0.1, 0.05] }, 1],
    ["binary with a spread of 1", { kind: "binary", rate: 0.15 }, 1],
  ])("%s", (_, plan, spread) => {
    const engine: number[][] = [];
    const reference: number[][] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const run = simulatePlanMembers(
        {
          members: net.members,
          months: net.months,
          recruitsPerMemberPerMonth: net.recruits,
          monthlyAttrition: net.attrition,
          volumePerMember: V,
          monthlyCost: COST,
          seed,
          recruitingSpread: spread,
        },
        plan as CompPlan
      );
      const m = Array.from({ length: run.joined }, (_, i) => monthsIn(run, i));
      const s = summarize(run);
      engine.push(stats(run.commissions, m, run.joined, s.activeAtEnd, Math.round(s.shareRecruitedNoOne * run.joined)));
      const h = referenceHistory({ ...net, spread }, 1000 + seed);
      const pay = referencePay(h, plan, V);
      const rm = h.sponsor.map((_, i) => h.last[i] - Math.max(h.join[i], 1) + 1);
      const sponsors = new Set(h.sponsor.slice(1));
      reference.push(stats(pay.commissions, rm, h.sponsor.length, h.stays.filter(Boolean).length, h.sponsor.length - sponsors.size));
    }
    names.forEach((name, k) => {
      const [a, ea] = meanAndError(engine.map((r) => r[k]));
      const [b, eb] = meanAndError(reference.map((r) => r[k]));
      if (Math.abs(a - b) > 4 * Math.sqrt(ea * ea + eb * eb)) throw new Error(`${name}: engine ${a} +- ${ea}, reference ${b} +- ${eb}`);
    });
  });
});

describe("the recruiting spread", () => {
  const p: NetworkParams = { members: 3000, months: 24, recruitsPerMemberPerMonth: 0.5, monthlyAttrition: 0.05, volumePerMember: V, monthlyCost: COST };
  test("spread 0 is today's model exactly: the same figures as with no spread given", () => {
    const plan: CompPlan = { kind: "unilevel", levelRates: [0.1, 0.05] };
    expect(simulatePlan({ ...p, recruitingSpread: 0 }, plan)).toEqual(simulatePlan(p, plan));
  });

  slowTest("the recruits a month do not depend on who recruits them: the same growth in expectation at spread 0 and 4", () => {
    // E[recruits in month t] = r x active x (1 - joined / members) whoever sponsors them, and quitting does not
    // depend on the propensity: so E[joined] and E[active] are the same at any spread.
    const plan: CompPlan = { kind: "unilevel", levelRates: [0.1] };
    const joined = (spread: number) =>
      Array.from(
        { length: 300 },
        (_, k) => simulatePlan({ ...p, members: 100_000, months: 8, recruitsPerMemberPerMonth: 0.6, seed: k + 1, recruitingSpread: spread }, plan).membersJoined
      );
    const [a, ea] = meanAndError(joined(0));
    const [b, eb] = meanAndError(joined(4));
    expect(Math.abs(a - b)).toBeLessThan(4 * Math.sqrt(ea * ea + eb * eb));
  });

  test("at 4 most members recruit no one: far more than at 0", () => {
    const plan: CompPlan = { kind: "unilevel", levelRates: [0.1] };
    const none = (spread: number) => simulatePlan({ ...p, seed: 5, recruitingSpread: spread }, plan).shareRecruitedNoOne;
    // At 0, with about 0.5 recruits a member a month for months on end, a minority recruit no one; at 4,
    // gamma(1/4) propensities put most of the weight on a few members.
    expect(none(4)).toBeGreaterThan(0.5);
    expect(none(4)).toBeGreaterThan(none(0) + 0.15);
  });
});

describe("runs that Excel cancels stop", () => {
  test("isCanceled stops the run between slices of work: it rejects, and it never asks again", async () => {
    let asked = 0;
    const params = { members: 1_000_000, months: 36, recruitsPerMemberPerMonth: 1, monthlyAttrition: 0.05, volumePerMember: V, monthlyCost: COST };
    const canceled = simulatePlanMembersAsync(params, { kind: "stairstep", ...STAIRS }, { yieldEveryMs: 0, isCanceled: () => ++asked > 3 });
    await expect(canceled).rejects.toMatchObject({ name: "SimulationCanceled" });
    expect(asked).toBe(4);
  });

  test("a run never canceled finishes with the same answer as the synchronous one", async () => {
    const params = { members: 5000, months: 24, recruitsPerMemberPerMonth: 0.5, monthlyAttrition: 0.05, volumePerMember: V, monthlyCost: COST, seed: 3 };
    const plan: CompPlan = { kind: "binary", rate: 0.1, cap: 300 };
    const run = await simulatePlanMembersAsync(params, plan, { yieldEveryMs: 0, isCanceled: () => false });
    expect(summarize(run)).toEqual(simulatePlan(params, plan));
  });
});

describe("the four plans on one network, for the template", () => {
  test("simulateAllPlans returns each plan's summary, each the same as its own call", () => {
    const params = {
      members: 2000,
      months: 24,
      recruitsPerMemberPerMonth: 0.6,
      monthlyAttrition: 0.05,
      volumePerMember: V,
      monthlyCost: COST,
      seed: 9,
      goal: 100,
    };
    const plans = {
      unilevel: { levelRates: [0.1, 0.05, 0.05] },
      matrix: { width: 3, levelRates: [0.1, 0.05, 0.05] },
      binary: { rate: 0.1, cap: 1000 },
      stairstep: STAIRS,
    };
    const all = simulateAllPlans(params, plans);
    expect(all.unilevel).toEqual(simulatePlan(params, { kind: "unilevel", ...plans.unilevel }));
    expect(all.matrix).toEqual(simulatePlan(params, { kind: "matrix", ...plans.matrix }));
    expect(all.binary).toEqual(simulatePlan(params, { kind: "binary", ...plans.binary }));
    expect(all.stairstep).toEqual(simulatePlan(params, { kind: "stairstep", ...plans.stairstep }));
    expect(all.unilevel.membersJoined).toBe(all.binary.membersJoined);
    expect(all.unilevel.shareAtGoal).toBeGreaterThanOrEqual(0);
  });
});

describe("inputs", () => {
  const p: NetworkParams = { members: 100, months: 12, recruitsPerMemberPerMonth: 1, monthlyAttrition: 0.05, volumePerMember: V, monthlyCost: COST };
  test.each<[string, NetworkParams, CompPlan, "range" | "kind"]>([
    ["a spread above 100", { ...p, recruitingSpread: 101 }, { kind: "unilevel", levelRates: [0.1] }, "range"],
    ["a negative spread", { ...p, recruitingSpread: -1 }, { kind: "unilevel", levelRates: [0.1] }, "range"],
    ["a width of 0", p, { kind: "matrix", width: 0, levelRates: [0.1] }, "range"],
    ["101 matrix levels", p, { kind: "matrix", width: 3, levelRates: new Array(101).fill(0.01) }, "range"],
    ["a binary rate above 1", p, { kind: "binary", rate: 1.5 }, "range"],
    ["a cap of 0", p, { kind: "binary", rate: 0.1, cap: 0 }, "range"],
    ["thresholds out of order", p, { kind: "stairstep", thresholds: [0, 300, 200], rates: [0, 0.1, 0.2] }, "kind"],
    ["thresholds and rates of different lengths", p, { kind: "stairstep", thresholds: [0, 300], rates: [0.1] }, "kind"],
    ["a rate above 1", p, { kind: "stairstep", thresholds: [0], rates: [1.2] }, "range"],
  ])("%s", (_, params, plan, kind) => {
    expect(() => simulatePlan(params, plan)).toThrow(expect.objectContaining({ kind }));
  });

  test("an explicit history must keep the simulation's rules", () => {
    const plan: CompPlan = { kind: "unilevel", levelRates: [0.1] };
    expect(() => payHistory({ months: 2, sponsor: [-1, 0], joinMonth: [0, 0], quitMonth: [null, null] }, plan, money)).toThrow(); // joins in month 0
    expect(() => payHistory({ months: 2, sponsor: [-1, 0, 1], joinMonth: [0, 1, 1], quitMonth: [null, null, null] }, plan, money)).toThrow(); // sponsor joined the same month
    expect(() => payHistory({ months: 3, sponsor: [-1, 0, 1], joinMonth: [0, 1, 3], quitMonth: [null, 2, null] }, plan, money)).toThrow(); // sponsor quit before
    expect(() => payHistory({ months: 2, sponsor: [-1], joinMonth: [0], quitMonth: [1] }, plan, money)).toThrow(); // the founder never quits
    expect(() => payHistory({ months: 3, sponsor: [-1, 0, 0], joinMonth: [0, 2, 1], quitMonth: [null, null, null] }, plan, money)).toThrow(); // not in the order they joined
  });
});
