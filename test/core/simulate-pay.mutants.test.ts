import { CompPlan, ExplicitHistory, payHistory } from "../../src/core/simulate";

/**
 * Cases that kill mutants of src/core/simulate-pay.ts which the other suites let live (README,
 * "Mutation testing"): level rates ending in 0, a matrix placed in more than one slice of work,
 * and a binary leg that sells while the other leg has no one active. Every figure is worked by
 * hand in the comments, at 100 of volume a member a month.
 */

const money = { volumePerMember: 100, monthlyCost: 50 };

/** Each figure within rounding of the one worked by hand; a NaN fails. */
function expectFigures(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  expected.forEach((figure, i) => {
    if (!(Math.abs(actual[i] - figure) <= 1e-9)) throw new Error(`member ${i}: ${actual[i]}, not ${figure}`);
  });
}

describe("level rates ending in 0 pay as if those levels were not there", () => {
  // A line: member i recruited by member i - 1 in month i, over 4 months, nobody quits. At 10% on
  // level 1, each member earns 10 a month from its recruit: the founder 4 months (40), member 1
  // months 2-4 (30), member 2 (20), member 3 (10), member 4 nothing; in the last month 10 each but member 4.
  // The founder is 3 and 4 levels above members 3 and 4: a walk one level past the rates given must not reach it.
  const line: ExplicitHistory = { months: 4, sponsor: [-1, 0, 1, 2, 3], joinMonth: [0, 1, 2, 3, 4], quitMonth: [null, null, null, null, null] };

  test.each<[string, CompPlan]>([
    ["unilevel 10%, 0%", { kind: "unilevel", levelRates: [0.1, 0] }],
    ["unilevel 10%, 0%, 0%", { kind: "unilevel", levelRates: [0.1, 0, 0] }],
  ])("%s: 40, 30, 20, 10 and 0, the last month 10, 10, 10, 10 and 0", (_, plan) => {
    const run = payHistory(line, plan, money);
    expectFigures(run.commissions, [40, 30, 20, 10, 0]);
    expectFigures(run.lastMonthCommissions, [10, 10, 10, 10, 0]);
  });
});

describe("a matrix placed in more than one slice of work (16,384 members a slice) places each member once", () => {
  test("16,400 members recruited by the founder in month 1 fill a 2-wide matrix level by level: member i under (i - 1) / 2 rounded down", () => {
    // Breadth-first, left to right, under the founder, in join order: members 1-2 under 0, 3-4 under
    // 1, 5-6 under 2, ...: the two below position p are 2p + 1 and 2p + 2. The first slice places
    // members 1 to 16,384, the second from 16,385 (under 8,192), then 16,386 (under 8,192 too).
    const n = 16400;
    const history: ExplicitHistory = {
      months: 1,
      sponsor: Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 0)),
      joinMonth: Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 1)),
      quitMonth: new Array<null>(n).fill(null),
    };
    const run = payHistory(history, { kind: "matrix", width: 2, levelRates: [0.1] }, money);
    const expected = Array.from({ length: n }, (_, i) => (i === 0 ? -1 : Math.floor((i - 1) / 2)));
    expect(run.placement![16385]).toBe(8192);
    expect(run.placement![16386]).toBe(8192);
    expect(Array.from(run.placement!)).toEqual(expected);
  });
});

describe("binary: a leg's volume carries even in a month the other leg has no one active", () => {
  // Members: 1 and 2 recruited by the founder in month 1, 1 quits at the end of month 1; 3
  // recruited by 2 in month 2, quits at the end of month 2; 4 and 5 recruited by the founder in month 3.
  // Placement: 1 heads the founder's left leg, 2 its right; 3 goes directly under its sponsor 2.
  // In month 3 the legs hold 2 placed members each ({1}, {2, 3}): 4 and 5 go left (the left on a
  // tie), both under 1, the first open position of that leg.
  const history: ExplicitHistory = {
    months: 3,
    sponsor: [-1, 0, 0, 2, 0, 0],
    joinMonth: [0, 1, 1, 2, 3, 3],
    quitMonth: [null, 1, null, 2, null, null],
  };

  test("the founder is paid 10 + 0 + 20 = 30, 20 of it in the last month; nobody else is paid", () => {
    // The founder's legs, in members (100 of volume each, 10% rate: 10 a member matched):
    //   month 1: left {1} 1, right {2} 1: matched 1, paid 10, carries 0 and 0;
    //   month 2: left 0 (1 quit), right {2, 3} 2: nothing matched, carries 0 and 2;
    //   month 3: left {4, 5} 2, right {2} 1 plus the carried 2: matched 2, paid 20.
    // Member 2: month 2 left {3} 1, right none; month 3 both legs empty: never matched. Member 1
    // had nobody below while it was in; 3, 4 and 5 have nobody below.
    const run = payHistory(history, { kind: "binary", rate: 0.1 }, money);
    expect(Array.from(run.placement!)).toEqual([-1, 0, 0, 2, 1, 1]);
    expect(Array.from(run.side!)).toEqual([0, 0, 1, 0, 0, 1]);
    expectFigures(run.commissions, [30, 0, 0, 0, 0, 0]);
    expectFigures(run.lastMonthCommissions, [20, 0, 0, 0, 0, 0]);
  });
});
