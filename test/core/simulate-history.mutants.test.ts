import { CompPlan, ExplicitHistory, payHistory, simulatePlanMembers } from "../../src/core/simulate";
import { Network, pickSponsors } from "../../src/core/simulate-history";

/**
 * Cases that kill mutants of src/core/simulate-history.ts which the other suites let live (README,
 * "Mutation testing"): every rule an explicit history is held to, each broken once and each kept
 * at its very edge, and the rules of a history drawn with a recruiting spread.
 */

const plan: CompPlan = { kind: "unilevel", levelRates: [0.1] };
const money = { volumePerMember: 100, monthlyCost: 50 };
const pay = (h: ExplicitHistory) => () => payHistory(h, plan, money);

describe("an explicit history breaking one rule is out of range (#NUM!), with the rule it breaks", () => {
  test.each<[string, ExplicitHistory, string]>([
    ["no founder", { months: 2, sponsor: [], joinMonth: [], quitMonth: [] }, "a history needs a founder"],
    ["a join month missing", { months: 2, sponsor: [-1, 0], joinMonth: [0], quitMonth: [null, null] }, "a history needs a founder"],
    ["a quit month missing", { months: 2, sponsor: [-1, 0], joinMonth: [0, 1], quitMonth: [null] }, "a history needs a founder"],
    ["0 months", { months: 0, sponsor: [-1], joinMonth: [0], quitMonth: [null] }, "a history runs 1 to 1200 whole months"],
    ["1201 months", { months: 1201, sponsor: [-1], joinMonth: [0], quitMonth: [null] }, "a history runs 1 to 1200 whole months"],
    ["1.5 months", { months: 1.5, sponsor: [-1], joinMonth: [0], quitMonth: [null] }, "a history runs 1 to 1200 whole months"],
    ["a founder with a sponsor", { months: 2, sponsor: [0], joinMonth: [0], quitMonth: [null] }, "member 0 of the history breaks its rules"],
    ["a founder joining in month 1", { months: 2, sponsor: [-1], joinMonth: [1], quitMonth: [null] }, "member 0 of the history breaks its rules"],
    ["a founder who quits", { months: 2, sponsor: [-1], joinMonth: [0], quitMonth: [2] }, "member 0 of the history breaks its rules"],
    [
      "a sponsor who joins later",
      { months: 3, sponsor: [-1, 2, 0], joinMonth: [0, 2, 1], quitMonth: [null, null, null] },
      "member 1 of the history breaks its rules",
    ],
    ["a member its own sponsor", { months: 3, sponsor: [-1, 1], joinMonth: [0, 1], quitMonth: [null, null] }, "member 1 of the history breaks its rules"],
    ["a negative sponsor", { months: 3, sponsor: [-1, -1], joinMonth: [0, 1], quitMonth: [null, null] }, "member 1 of the history breaks its rules"],
    ["a member joining in month 0", { months: 2, sponsor: [-1, 0], joinMonth: [0, 0], quitMonth: [null, null] }, "member 1 of the history breaks its rules"],
    [
      "a member joining after the last month",
      { months: 2, sponsor: [-1, 0], joinMonth: [0, 3], quitMonth: [null, null] },
      "member 1 of the history breaks its rules",
    ],
    [
      "a recruit joining in its sponsor's month",
      { months: 2, sponsor: [-1, 0, 1], joinMonth: [0, 1, 1], quitMonth: [null, null, null] },
      "member 2 of the history breaks its rules",
    ],
    [
      "members out of join order",
      { months: 3, sponsor: [-1, 0, 0], joinMonth: [0, 2, 1], quitMonth: [null, null, null] },
      "member 2 of the history breaks its rules",
    ],
    [
      "quitting before joining",
      { months: 3, sponsor: [-1, 0], joinMonth: [0, 2], quitMonth: [null, 1] },
      "member 1 quits before it joins or after the last month",
    ],
    [
      "quitting after the last month",
      { months: 3, sponsor: [-1, 0], joinMonth: [0, 2], quitMonth: [null, 4] },
      "member 1 quits before it joins or after the last month",
    ],
    [
      "quitting in month 2.5",
      { months: 3, sponsor: [-1, 0], joinMonth: [0, 2], quitMonth: [null, 2.5] },
      "member 1 quits before it joins or after the last month",
    ],
    [
      "a sponsor who quit before the recruit joined",
      { months: 3, sponsor: [-1, 0, 1], joinMonth: [0, 1, 3], quitMonth: [null, 2, null] },
      "member 2 joins under a sponsor who already quit",
    ],
  ])("%s", (_, h, message) => {
    // #NUM! through the runner; the message says which rule, so that a rule left out is not hidden by a later one.
    expect(pay(h)).toThrow(expect.objectContaining({ kind: "range", message: expect.stringContaining(message) }));
  });
});

describe("an explicit history at the edge of every rule is paid", () => {
  test.each<[string, ExplicitHistory, number]>([
    // [case, history, the founder's commissions: 10 a month for each recruit's month in]
    ["the founder alone, 1 month", { months: 1, sponsor: [-1], joinMonth: [0], quitMonth: [null] }, 0],
    ["1200 months, a recruit from the last one", { months: 1200, sponsor: [-1, 0], joinMonth: [0, 1200], quitMonth: [null, null] }, 10],
    ["a recruit quitting the month it joins", { months: 3, sponsor: [-1, 0], joinMonth: [0, 2], quitMonth: [null, 2] }, 10],
    ["a recruit quitting in the last month", { months: 3, sponsor: [-1, 0], joinMonth: [0, 1], quitMonth: [null, 3] }, 30],
    // A sponsor quitting at the end of the month its recruit joins: the recruit joined while it was in.
    ["a recruit joining in the month its sponsor quits", { months: 3, sponsor: [-1, 0, 1], joinMonth: [0, 1, 2], quitMonth: [null, 2, null] }, 20],
  ])("%s", (_, h, founder) => {
    expect(payHistory(h, plan, money).commissions[0]).toBeCloseTo(founder, 9);
  });
});

describe("a history drawn with a recruiting spread keeps the simulation's rules", () => {
  test.each([1, 4, 25])("spread %d: sponsors joined in an earlier month and were still in when their recruits joined", (spread) => {
    for (const seed of [1, 2, 3]) {
      const run = simulatePlanMembers(
        {
          members: 400,
          months: 12,
          recruitsPerMemberPerMonth: 0.8,
          monthlyAttrition: 0.15,
          volumePerMember: 100,
          monthlyCost: 50,
          seed,
          recruitingSpread: spread,
        },
        plan
      );
      expect(run.joined).toBeGreaterThan(40);
      const recruits = new Map<number, number>();
      for (let i = 1; i < run.joined; i++) {
        const s = run.sponsor[i];
        const j = run.joinMonth[i];
        if (!(s >= 0 && s < i && run.joinMonth[s] < j && run.lastMonth[s] >= j))
          throw new Error(`spread ${spread}, seed ${seed}: member ${i} breaks the rules`);
        recruits.set(s, (recruits.get(s) ?? 0) + 1);
      }
      // Some member sponsored more than one (the spread concentrates recruiting).
      expect(Math.max(...recruits.values())).toBeGreaterThan(1);
    }
  });
});

describe("picking sponsors by propensity: a point that rounding leaves past the last stretch", () => {
  // The points are running sums of exponential gaps, scaled by total / sum so that the last (the
  // count + 1st) sits at the total. A point can round onto the very end: with gaps g then 0 (the
  // ziggurat gives 0 for a 32-bit draw whose high 24 bits are 0), the one point is g, and
  // g x (3 / g) rounds to 3 for g = -ln(1 - 0.00001), the total, which is no stretch's inside
  // (each is [start, end)). The last member with a propensity takes it (member 5 here), not a member
  // without one (7), nor a slot past the month's sponsors (slot 3 holds a member who left, with its
  // old propensity).
  test("the last member with a propensity takes it", () => {
    const g = -Math.log(1 - 0.00001); // 1.00000500002878e-5
    expect(g * (3 / g)).toBe(3); // the rounding the case is about
    const net = new Network(10, 3, 0);
    net.activeList = Int32Array.from([0, 5, 7, 9]);
    net.activeWeight = Uint32Array.from([0, 3, 0, 5]);
    net.activeCount = 3;
    const draws = [g, 0];
    (net as unknown as { rng: { exponential: () => number } }).rng = { exponential: () => draws.shift() ?? Number.NaN };
    const picked = Int32Array.from([-1, -1]);
    const points = new Float64Array(2);
    expect(pickSponsors(net, 1, 3, 3, picked, points)).toBe(true);
    expect(Array.from(picked)).toEqual([5, -1]);
    expect(draws).toEqual([]);
  });
});
