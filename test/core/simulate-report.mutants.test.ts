import { payHistory, reportRows, summarize } from "../../src/core/simulate";
import { REPORTS, percentiles, selectRanks, sumOfLargest, summaryRows } from "../../src/core/simulate-report";

/**
 * Cases that kill mutants of src/core/simulate-report.ts which the other suites let live (README,
 * "Mutation testing"): the tolerances that read a net within rounding of 0 as breaking even and a
 * net within rounding of the goal as at goal (both up to their edge), the goal row's label, the report
 * names, and selection and percentiles checked against a sort.
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

describe("a net exactly at the rounding tolerance still breaks even (the tolerance is inclusive)", () => {
  test("1,000,000,001 earned against 999,999,999 paid: a net of 2, and 1e-9 x 2,000,000,000 is 2", () => {
    // Both sides are exact in doubles (1e-9 x 2e9 rounds to 2), so the net sits on the edge: break-even,
    // not a profit. Only the recruit's loss is left: no one of 2 has a profit.
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 1000000001, monthlyCost: 999999999 });
    expect([run.commissions[0] - 999999999, 1e-9 * (run.commissions[0] + 999999999)]).toEqual([2, 2]); // the edge is really there
    expect(summarize(run).shareWithProfit).toBe(0);
  });
});

describe("a net exactly at the goal's tolerance is at goal (at least the goal, inclusive)", () => {
  test("goal 100.0000002, last month 150 earned less 50: 100, which is the goal less 1e-9 x 200 exactly", () => {
    // The tolerance is 1e-9 x max(1, 100.0000002, 150 + 50) = 2e-7, and 100.0000002 - 2e-7 is 100 in
    // doubles: the founder (1 of 2) is on the edge, so at goal.
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 150, monthlyCost: 50, goal: 100.0000002 });
    expect(100.0000002 - 1e-9 * 200).toBe(100); // the edge is really there
    expect(summarize(run).shareAtGoal).toBe(0.5);
  });
});

describe("only members still in can be at goal", () => {
  test("a recruit who quits at the end of the last month, having netted the goal in it, is not at goal", () => {
    // Month 1: A joins under the founder; month 2: B joins under A, and A quits at the month's end.
    // Unilevel at one level of 100%, volume 150, cost 50: in month 2 the founder earns A's 150 and A
    // earns B's 150, each netting 100 = the goal; B nets -50. Still in: the founder and B. At goal: 1 of 3.
    const history = { months: 2, sponsor: [-1, 0, 1], joinMonth: [0, 1, 2], quitMonth: [null, 2, null] };
    const run = payHistory(history, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 150, monthlyCost: 50, goal: 100 });
    expect(Array.from(run.lastMonthCommissions)).toEqual([150, 150, 0]); // A really netted the goal
    expect(summarize(run).shareAtGoal).toBe(1 / 3);
  });
});

describe("the reports SIMULATE spills (docs/simulate.md, Reports)", () => {
  test("report takes summary, percentiles and brackets: 10 rows with a goal, 9 rows, 12 rows", () => {
    const run = payHistory(TWO, { kind: "unilevel", levelRates: [1] }, { volumePerMember: 150, monthlyCost: 50, goal: 100 });
    expect(REPORTS).toEqual(["summary", "percentiles", "brackets"]);
    expect(REPORTS.map((report) => reportRows(run, report).length)).toEqual([10, 9, 12]);
  });
});

describe("selectRanks agrees with a sort", () => {
  /** Every array of `length` values drawn from `values`. */
  function* arraysOf(length: number, values: number[]): Generator<number[]> {
    if (length === 0) return yield [];
    for (const head of arraysOf(length - 1, values)) for (const v of values) yield [...head, v];
  }

  test("every array of 1 to 5 values from 0, 1, 2, at every pair of ranks", () => {
    // Ties make the partition stop on equal values and leave a middle run equal to the pivot: each
    // rank must go to the side that holds it, or stay in the middle. 4,647 cases, the sort the reference.
    const wrong: string[] = [];
    for (let n = 1; n <= 5; n++) {
      for (const input of arraysOf(n, [0, 1, 2])) {
        const sorted = [...input].sort((x, y) => x - y);
        for (let r = 0; r < n; r++) {
          for (let s = r; s < n; s++) {
            const values = Float64Array.from(input);
            selectRanks(values, [r, s]);
            if (values[r] !== sorted[r] || values[s] !== sorted[s]) wrong.push(`${input} at ${r}, ${s}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("percentiles as PERCENTILE.INC gives them", () => {
  test("of 0.5, 0.1, 0.4, 0.2, 0.3 at 0, 0.25, 0.5, 0.75, 1: ranks 0 to 4 of the sorted values", () => {
    // p x (5 - 1) is a whole rank each time. These doubles' low 32 bits are out of their order (0.3's
    // are 0x33333333, 0.1's, 0.2's and 0.4's 0x9999999a, 0.5's 0): the buckets must come from the high bits.
    expect(percentiles(Float64Array.from([0.5, 0.1, 0.4, 0.2, 0.3]), [0, 0.25, 0.5, 0.75, 1])).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  test("at a whole rank the value itself, even when the next one is too far away to subtract", () => {
    // Of -1e308 and 1e308, PERCENTILE.INC at 0 is -1e308; 1e308 - (-1e308) overflows to Infinity, so
    // interpolating with a weight of 0 would give 0 x Infinity = NaN.
    expect(percentiles(Float64Array.from([-1e308, 1e308]), [0, 1])).toEqual([-1e308, 1e308]);
  });
});

describe("sumOfLargest takes the values tied at its threshold as a multiple", () => {
  test("the 10 largest of ten 0.1s sum to 1", () => {
    // The exact sum of ten doubles 0.1 (each 0.1000000000000000055...) is 1.00000000000000005..., which
    // rounds to 1, as 10 x 0.1 does; adding them one by one drifts to 0.9999999999999999.
    expect(sumOfLargest(new Float64Array(10).fill(0.1), 10)).toBe(1);
  });
});
