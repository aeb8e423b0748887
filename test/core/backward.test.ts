import fc from "fast-check";
import { kindOf } from "../support/rows";
import { levelsNeeded, recruitsNeeded, teamNeeded } from "../../src/core/backward";
import { downline, levelPay } from "../../src/core/downline";
import { projection } from "../../src/core/growth";

// The forward rules each answer is checked against: BIZ.DOWNLINE + BIZ.LEVELPAY and BIZ.PROJECTION.
const netInMonth = (r: number, months: number, volume: number, payout: number, cost = 0, attrition = 0, cap?: number) =>
  projection(r, months, volume, payout, cost, attrition, cap)[months - 1][5];
const unilevelPay = (recruits: number, levels: number, volume: number, rates: number[], retention = 1) =>
  levels === 0
    ? 0
    : levelPay(
        downline(recruits, levels, retention).map((row) => row[1]),
        volume,
        rates.slice(0, levels)
      );

const ISSUE_RATES = [0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05];

describe("TEAMNEEDED: whole members whose volume pays the goal plus the cost", () => {
  test.each([
    // goal, volume, rate, cost, expected, the arithmetic
    [3000, 100, 0.1, 0, 300, "issue 11: each member pays 100 x 0.1 = 10; 3000 / 10 = 300"],
    [3000, 100, 0.1, 150, 315, "issue 11: (3000 + 150) / 10 = 315"],
    [3001, 100, 0.1, 0, 301, "3001 / 10 = 300.1: a tenth of a member is a whole one more"],
    [1.1, 1, 0.1, 0, 11, "1.1 / 0.1 is 11.000000000000002 in floating point: noise never adds a member"],
    [0, 100, 0.1, 150, 15, "no income wanted, the cost still has to be paid: 150 / 10 = 15"],
    [0, 100, 0.1, 0, 0, "nothing to pay: no team"],
    [0, 0, 0, 0, 0, "nothing to pay needs no team even when a member pays nothing"],
    [5000, 250, 0.25, 0, 80, "250 x 0.25 = 62.5 a member; 5000 / 62.5 = 80 exactly"],
  ])("teamNeeded(%p, %p, %p, %p) = %p (%s)", (goal, volume, rate, cost, expected) => {
    expect(teamNeeded(goal as number, volume as number, rate as number, cost as number)).toBe(expected);
  });

  test.each([
    [3000, 0, 0.1, 0, /volume of 0/],
    [3000, 100, 0, 0, /payout rate of 0/],
    [0, 100, 0, 50, /payout rate of 0/],
    [1e308, 1e-300, 1e-10, 0, /largest number/],
    [1e308, 1, 1, 1e308, /largest number/],
  ])("teamNeeded(%p, %p, %p, %p) is #NUM!: %p", (goal, volume, rate, cost, message) => {
    expect(kindOf(() => teamNeeded(goal, volume, rate, cost))).toBe("range");
    expect(() => teamNeeded(goal, volume, rate, cost)).toThrow(message);
  });

  test("property: the answer's team pays the goal plus the cost, one member fewer does not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        (goal, volume, rate, cost) => {
          const n = teamNeeded(goal, volume, rate, cost);
          const need = goal + cost;
          expect(Number.isInteger(n)).toBe(true);
          // The forward rule is PROJECTION's: commission = team x volume x payout rate. The answer may
          // fall short only by the README's rounding tolerance (a billionth of the count, at least
          // 1e-9 of a member, at most 0.001), never by a member.
          const exact = need / (volume * rate);
          expect(exact - n).toBeLessThanOrEqual(Math.min(1e-9 * Math.max(1, exact), 1e-3));
          if (n > 0) expect((n - 1) * volume * rate).toBeLessThan(need);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe("LEVELSNEEDED: the fewest full levels whose unilevel pay covers the goal plus the cost", () => {
  test("issue 11: (3000, 3, 100, {0.1, 0.05 x 6}) = 6 levels, 1092 members", () => {
    // Levels hold 3, 9, 27, 81, 243, 729 (3^k). Pay: 3 x 100 x 0.1 = 30; then x 100 x 0.05 = 5 a member:
    // 45, 135, 405, 1215 -> five levels pay 30 + 45 + 135 + 405 + 1215 = 1830 < 3000; the sixth adds
    // 729 x 5 = 3645 -> 5475 >= 3000. Members 3 + 9 + 27 + 81 + 243 + 729 = 1092.
    expect(levelsNeeded(3000, 3, 100, ISSUE_RATES)).toEqual([6, 1092]);
  });

  test.each([
    // goal, recruits, volume, rates, retention, cost, expected, the arithmetic
    [1830, 3, 100, ISSUE_RATES, 1, 0, [5, 363], "exactly the five levels' 1830 (above): covered, 3 + 9 + 27 + 81 + 243 = 363"],
    [1830.01, 3, 100, ISSUE_RATES, 1, 0, [6, 1092], "a cent above 1830 needs the sixth level"],
    [1800, 3, 100, ISSUE_RATES, 1, 30, [5, 363], "1800 + a cost of 30 = 1830: five levels"],
    [30, 3, 100, ISSUE_RATES, 1, 0, [1, 3], "level 1 alone pays 3 x 10 = 30"],
    [6000, 3, 100, ISSUE_RATES, 1, 0, [7, 3279], "six levels pay 5475 < 6000; the seventh adds 2187 x 5 = 10935; 1092 + 2187 = 3279"],
    [50, 4, 100, [0.1, 0.1, 0.1], 0.5, 10, [2, 6], "4 x 50% = 2 a member: 2, 4 pay 20 + 40 = 60 = 50 + 10; members 2 + 4"],
    [30, 1.5, 100, [0.1, 0.1], 1, 0, [2, 3.75], "1.5 then 2.25 members pay 15 + 22.5 = 37.5 >= 30; 3.75 members, not rounded"],
    [0, 3, 100, ISSUE_RATES, 1, 0, [0, 0], "nothing to pay needs no downline"],
  ])("levelsNeeded(%p, %p, %p, %j, %p, %p) = %j (%s)", (goal, recruits, volume, rates, retention, cost, expected) => {
    const [levels, members] = levelsNeeded(goal as number, recruits as number, volume as number, rates as number[], retention as number, cost as number);
    expect(levels).toBe((expected as number[])[0]);
    expect(members).toBeCloseTo((expected as number[])[1], 9);
  });

  test.each([
    [20000, 3, 100, ISSUE_RATES, 1, 0, /all 7 rated levels/, "seven levels pay 5475 + 10935 = 16410 < 20000"],
    [10, 0, 100, ISSUE_RATES, 1, 0, /rated levels/, "nobody recruits"],
    [10, 3, 100, ISSUE_RATES, 0, 0, /rated levels/, "nobody stays"],
    [10, 3, 0, ISSUE_RATES, 1, 0, /rated levels/, "no volume"],
    [10, 3, 100, [0, 0, 0], 1, 0, /all 3 rated levels/, "every rate 0"],
    [1e300, 2, 1, new Array(150).fill(1), 1, 0, /even 100 full levels/, "150 rates: only the 100 levels DOWNLINE can show count; 2^101 is far from 1e300"],
  ])("levelsNeeded(%p, %p, %p, rates, %p, %p) is #NUM!: %p (%s)", (goal, recruits, volume, rates, retention, cost, message) => {
    const f = () => levelsNeeded(goal, recruits, volume, rates, retention, cost);
    expect(kindOf(f)).toBe("range");
    expect(f).toThrow(message);
  });

  test("a pay too large for a number covers any goal: the level that passes it is the answer", () => {
    // 1e200 recruits: level 1 = 1e200 members x 1e200 volume x 1 = 1e400, beyond a double; the goal is covered at level 1.
    expect(levelsNeeded(1e300, 1e200, 1e200, [1, 1])).toEqual([1, 1e200]);
  });

  test("property: the answer's levels cover the goal as DOWNLINE + LEVELPAY compute it, one level fewer does not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (goal, recruits, volume, rates, retention, cost) => {
          const need = goal + cost;
          let answer: [number, number];
          try {
            answer = levelsNeeded(goal, recruits, volume, rates, retention, cost);
          } catch (e) {
            expect(kindOf(() => levelsNeeded(goal, recruits, volume, rates, retention, cost))).toBe("range");
            // Unreachable means every rated level together pays less than the need.
            expect(unilevelPay(recruits, Math.min(rates.length, 100), volume, rates, retention)).toBeLessThan(need * (1 - 1e-9));
            return;
          }
          const [levels, members] = answer;
          // Covered up to floating-point noise: a billionth of the need.
          expect(unilevelPay(recruits, levels, volume, rates, retention)).toBeGreaterThanOrEqual(need * (1 - 1e-9));
          if (levels > 0) {
            expect(unilevelPay(recruits, levels - 1, volume, rates, retention)).toBeLessThan(need);
            expect(members).toBe(downline(recruits, levels, retention)[levels - 1][2]);
          } else expect(members).toBe(0);
        }
      ),
      { numRuns: 1000 }
    );
  });
});

describe("RECRUITSNEEDED: the fewest monthly recruits with which PROJECTION's net reaches the goal", () => {
  // Relative 1e-12: the issue asks 1e-9 and the search goes to 1e-14 (toBeCloseTo's digits are absolute, so scale them).
  const expectClose = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * expected);

  test.each([
    // goal, months, volume, payout, cost, attrition, cap, expected, the arithmetic
    [3000, 1, 100, 0.1, 0, 0, undefined, 300, "month 1: team = r, net = r x 100 x 0.1 = 10 r = 3000 -> r = 300"],
    [3000, 1, 100, 0.1, 150, 0, undefined, 315, "10 r - 150 = 3000 -> r = 315 (TEAMNEEDED's 315 in one month)"],
    [
      3000,
      2,
      100,
      0.1,
      0,
      0,
      undefined,
      Math.sqrt(301) - 1,
      "no attrition: 1 + team doubles as (1 + r) each month; (1 + r)^2 - 1 = 300 -> r = sqrt(301) - 1 = 16.349",
    ],
    [3000, 12, 100, 0.1, 50, 0, undefined, Math.pow(306, 1 / 12) - 1, "(1 + r)^12 - 1 = 3050 / 10 = 305 -> r = 306^(1/12) - 1 = 0.6106"],
    [
      3000,
      2,
      100,
      0.1,
      0,
      0.1,
      undefined,
      (-1.9 + Math.sqrt(1.9 * 1.9 + 4 * 300)) / 2,
      "team1 = r, team2 = 0.9 r + r (1 + r) = r^2 + 1.9 r = 300 -> r = (-1.9 + sqrt(3.61 + 1200)) / 2 = 16.396",
    ],
    [3000, 1, 100, 0.1, 0, 0, 1001, 300.3, "a market of 1001: month 1 brings r x (1 - 1/1001) = 300 -> r = 300 x 1001 / 1000 = 300.3"],
    [
      3000,
      2,
      100,
      0.1,
      0,
      1,
      undefined,
      (-1 + Math.sqrt(1201)) / 2,
      "everyone quits each month, yet the month's recruits count: team2 = r (1 + team1) = r + r^2 = 300 -> r = (-1 + sqrt(1201)) / 2 = 16.828",
    ],
    [3000, 1, 100, 0.1, 0, 0, 301, 301, "a market of 301 holds you and a team of 300: r x 300/301 = 300 -> r = 301, the market filled"],
  ])("recruitsNeeded(%p, %p, %p, %p, %p, %p, %p) = %p (%s)", (goal, months, volume, payout, cost, attrition, cap, expected, _arithmetic) => {
    expectClose(
      recruitsNeeded(goal as number, months as number, volume as number, payout as number, cost as number, attrition as number, cap as number | undefined),
      expected as number
    );
  });

  test("nothing to pay needs no recruiting", () => {
    expect(recruitsNeeded(0, 12, 100, 0.1)).toBe(0);
    expect(recruitsNeeded(0, 12, 0, 0)).toBe(0);
  });

  test.each([
    [3000, 12, 100, 0, 0, 0, undefined, /payout rate of 0/, "a payout of 0"],
    [3000, 12, 0, 0.1, 0, 0, undefined, /volume of 0/, "no volume"],
    [3000, 12, 100, 0.1, 0, 0, 300, /market of 300/, "a team of 300 needs a market of 301: you and them"],
    [1, 12, 100, 0.1, 0, 0, 1, /market of 1/, "a market of just you"],
    [500, 12, 100, 0.1, 0, 0.5, 100, /no recruiting rate/, "a team of 50 in a market of 100 that loses half a month: it fills, then drains"],
  ])("recruitsNeeded(%p, %p, %p, %p, %p, %p, %p) is #NUM!: %p (%s)", (goal, months, volume, payout, cost, attrition, cap, message, _where) => {
    const f = () => recruitsNeeded(goal, months, volume, payout, cost, attrition, cap);
    expect(kindOf(f)).toBe("range");
    expect(f).toThrow(message);
  });

  test("with a cap and attrition, faster recruiting can lower the net: the answer is the first rate that reaches it", () => {
    // A market of 11 losing half a month, goal in month 2. Recruiting 11 a member or more fills the
    // market in month 1 (11 x 10/11 = 10 team members, the cap less you) and month 2 keeps half: 5
    // members, net 5 x 10 = 50. Recruiting 2 keeps growing: team1 = 2 x 10/11 = 1.818, joined 2.818;
    // month 2 brings 2 x 2.818 x (1 - 2.818/11) = 4.192 and keeps 0.909: 5.10, net 51.0.
    expect(netInMonth(11, 2, 100, 0.1, 0, 0.5, 11)).toBeCloseTo(50, 9);
    expect(netInMonth(2, 2, 100, 0.1, 0, 0.5, 11)).toBeCloseTo(51.01, 1);
    // So a goal of 50.5 is reached near r = 2 but not at the fastest recruiting: a search that assumed
    // the net grows with recruiting would answer #NUM!. A second engine, month 2 written out from the
    // model's definition (growth.ts), solved by its own bisection on (1, 2) where it rises:
    const month2 = (r: number) => {
      const team1 = Math.min(r * (1 - 1 / 11), 10);
      const joined1 = 1 + team1;
      const added2 = Math.min(r * joined1 * (1 - joined1 / 11), 11 - joined1);
      return (team1 * 0.5 + added2) * 10;
    };
    let lo = 1;
    let hi = 2;
    expect(month2(lo)).toBeLessThan(50.5);
    expect(month2(hi)).toBeGreaterThan(50.5);
    for (let i = 0; i < 100; i++) {
      const mid = (lo + hi) / 2;
      if (month2(mid) >= 50.5) hi = mid;
      else lo = mid;
    }
    expectClose(recruitsNeeded(50.5, 2, 100, 0.1, 0, 0.5, 11), hi);
  });

  test("property: the answer reaches the goal in PROJECTION, 2e-9 less does not", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 240 }),
        fc.double({ min: 1, max: 1e3, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.option(fc.double({ min: 2, max: 1e9, noNaN: true }), { nil: undefined }),
        (goal, months, volume, payout, cost, attrition, cap) => {
          let r: number;
          try {
            r = recruitsNeeded(goal, months, volume, payout, cost, attrition, cap);
          } catch (e) {
            expect(kindOf(() => recruitsNeeded(goal, months, volume, payout, cost, attrition, cap))).toBe("range");
            // Unreachable: without attrition the net grows with recruiting, and the fastest that
            // matters (the cap: month 1 fills the market) falls short.
            if (attrition === 0 && cap !== undefined) expect(netInMonth(cap, months, volume, payout, cost, 0, cap)).toBeLessThan(goal);
            if (cap === undefined) throw e; // without a cap a rate always reaches a finite goal
            return;
          }
          expect(netInMonth(r, months, volume, payout, cost, attrition, cap)).toBeGreaterThanOrEqual(goal);
          // A goal within a millionth of the whole market's pay is met only once the market is full,
          // and a full market is full a little sooner or later alike: the net is flat there, so
          // "a little less" is not asked of it.
          if (cap !== undefined && (goal + cost) / (volume * payout) > (cap - 1) * (1 - 1e-6)) return;
          expect(netInMonth(r * (1 - 2e-9), months, volume, payout, cost, attrition, cap)).toBeLessThan(goal);
        }
      ),
      { numRuns: 300 }
    );
  });
});
