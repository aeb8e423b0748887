import fc from "fast-check";
import { expectRows, kindOf } from "../support/rows";
import { binary, BinaryOptions, differential, stairStep, stairStepRate } from "../../src/core/plans";

describe("BINARY: two legs matched period by period", () => {
  test.each<[number[], number[], BinaryOptions, number[][], string]>([
    [[500], [1000], { rate: 0.1 }, [[1, 500, 50, 0, 500]], "issue 3: L500/R1000 at 0.1 pays 50, carry 0/500"],
    [
      [30, 0],
      [40, 10],
      { rate: 25, cap: 250 },
      [
        [1, 30, 250, 20, 30],
        [2, 20, 250, 10, 30],
      ],
      "issue 3: 25 a unit capped at 250 pays on 10 units; 20/30 carry, then 20/40 pays 250 again, 10/30 carry",
    ],
    [
      [30, 0],
      [40, 10],
      { rate: 25, cap: 250, flush: true },
      [
        [1, 30, 250, 0, 10],
        [2, 0, 0, 0, 20],
      ],
      "flush: all 30 matched units leave at the cap; then the left leg is empty",
    ],
    [[250], [120], { rate: 10, pairSize: 100 }, [[1, 100, 10, 150, 20]], "issue 3: pairs of 100 at 10 each, L250/R120: 1 pair, carry 150/20"],
    [[10.1], [7.6], { rate: 1, pairSize: 2.5 }, [[1, 7.5, 3, 2.6, 0.1]], "issue 3: pairs of 2.5, L10.1/R7.6: 3 pairs, carry 2.6/0.1"],
    [
      [100000],
      [200000],
      { rate: 0.02 },
      [[1, 100000, 2000, 0, 100000]],
      "netready.co.za/post?post=binary-commission: John's legs of $100,000 and $200,000 at bronze 2% pay $2000 on the weak leg; the strong leg's volume is banked",
    ],
    [[100000], [200000], { rate: 0.06 }, [[1, 100000, 6000, 0, 100000]], "same page: at gold 6% John receives $6000"],
    [
      [5000, 0],
      [100, 300],
      { rate: 1, pairSize: 200 },
      [
        [1, 0, 0, 5000, 100],
        [2, 400, 2, 4600, 0],
      ],
      "hbnaturals.freshdesk.com (How do I get 200 CV on my legs): a cycle needs 200 on each leg, so 5000/100 pays nothing; +300 on the right makes 400, 2 cycles",
    ],
    [
      [100, 0, 50],
      [0, 100, 50],
      { rate: 0.1 },
      [
        [1, 0, 0, 100, 0],
        [2, 100, 10, 0, 0],
        [3, 50, 5, 0, 0],
      ],
      "volume waits on the left until the right catches up: 100 x 10%, then 50 x 10%",
    ],
    [
      [1000],
      [1000],
      { rate: 10, cap: 35, pairSize: 100 },
      [[1, 1000, 30, 700, 700]],
      "10 pairs but a cap of 35 pays 3 whole pairs (30); 300 leaves each leg, 700 carries",
    ],
    [[1000], [1000], { rate: 10, cap: 35, pairSize: 100, flush: true }, [[1, 1000, 30, 0, 0]], "the same with flush: all 10 matched pairs leave"],
    [[0.3], [0.1], { rate: 0.1 }, [[1, 0.1, 0.01, 0.2, 0]], "0.3 - 0.1 is 0.19999999999999998 in floating point: carried as 0.2"],
    [[500], [1000], { rate: 0, cap: 1 }, [[1, 500, 0, 0, 500]], "a rate of 0 pays nothing but matched volume still leaves"],
  ])("binary(%j, %j, %j) (%#)", (left, right, options, expected) => {
    expectRows(binary(left, right, options), expected);
  });

  test("issue 3's pairs of 2.5 carry exactly 2.6 and 0.1, not 2.5999999999999996", () => {
    const [row] = binary([10.1], [7.6], { rate: 1, pairSize: 2.5 });
    expect(row[3]).toBe(2.6);
    expect(row[4]).toBe(0.1);
  });

  test("the whole-pair tolerance: 7.4999999999 on a leg is 3 pairs of 2.5, matched no more than the leg holds", () => {
    const [row] = binary([7.4999999999], [8], { rate: 1, pairSize: 2.5 });
    expect(row[2]).toBe(3);
    expect(row[1]).toBeLessThanOrEqual(7.4999999999);
    expect(row[3]).toBe(0);
  });

  test("legs of different lengths are #VALUE!; volumes past the largest number are #NUM!", () => {
    expect(kindOf(() => binary([1, 2], [1], { rate: 0.1 }))).toBe("kind");
    expect(kindOf(() => binary([1e308, 1e308], [0, 0], { rate: 0.1 }))).toBe("range");
    expect(kindOf(() => binary([1e308], [1e308], { rate: 10 }))).toBe("range");
    expect(kindOf(() => binary([1e300], [1e300], { rate: 1, pairSize: 1e-300 }))).toBe("range");
  });

  const volumes = fc.array(fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0, 0.1, 2.5, 7.6, 10.1)), {
    minLength: 1,
    maxLength: 30,
  });
  const options = fc.record(
    {
      rate: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true })),
      cap: fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
      flush: fc.boolean(),
      pairSize: fc.oneof(fc.double({ min: 1e-2, max: 1000, noNaN: true }), fc.constantFrom(0.1, 2.5, 100)),
    },
    { requiredKeys: ["rate"] }
  );

  test("property: matched never exceeds either leg's available volume, carries are never negative, the cap holds", () => {
    fc.assert(
      fc.property(fc.tuple(volumes, volumes), options, ([left, right], opts) => {
        const n = Math.min(left.length, right.length);
        const rows = binary(left.slice(0, n), right.slice(0, n), opts);
        let carryLeft = 0;
        let carryRight = 0;
        rows.forEach(([period, matched, commission, nextLeft, nextRight], t) => {
          const availableLeft = carryLeft + left[t];
          const availableRight = carryRight + right[t];
          expect(period).toBe(t + 1);
          expect(matched).toBeGreaterThanOrEqual(0);
          expect(matched).toBeLessThanOrEqual(availableLeft);
          expect(matched).toBeLessThanOrEqual(availableRight);
          expect(nextLeft).toBeGreaterThanOrEqual(0);
          expect(nextRight).toBeGreaterThanOrEqual(0);
          expect(nextLeft).toBeLessThanOrEqual(availableLeft);
          expect(nextRight).toBeLessThanOrEqual(availableRight);
          // Both legs give up the same volume (up to the tidying of carries to 14 digits).
          const tol = 1e-12 * Math.max(1, availableLeft, availableRight);
          expect(Math.abs(availableLeft - nextLeft - (availableRight - nextRight))).toBeLessThanOrEqual(tol);
          expect(commission).toBeGreaterThanOrEqual(0);
          if (opts.cap !== undefined) expect(commission).toBeLessThanOrEqual(opts.cap);
          if (opts.pairSize === undefined) expect(commission).toBeLessThanOrEqual(matched * opts.rate * (1 + 1e-12));
          else expect(commission).toBeLessThanOrEqual((matched / opts.pairSize) * opts.rate * (1 + 1e-9) + 1e-9);
          carryLeft = nextLeft;
          carryRight = nextRight;
        });
      }),
      { numRuns: 1000 }
    );
  });
});

// Amway's performance bonus schedule (issue 3; the rates ranging "from 3 to 25 percent" are quoted in
// US Tax Court memo Lopez v. Commissioner, law.onecle.com/tax/2003/lopez8.tcm.wpd04.html).
const AMWAY_THRESHOLDS = [0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500];
const AMWAY_RATES = [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25];
// The Indian plan of rcmpucgandhinagar.blogspot.com/2011/09/performance-bonus.html: 10% from the first
// purchase (below the 5000 slab as well), then 11.5% ... 25%.
const RCM_THRESHOLDS = [0, 10000, 20000, 40000, 70000, 115000, 170000, 260000, 350000];
const RCM_RATES = [0.1, 0.115, 0.13, 0.15, 0.17, 0.19, 0.21, 0.23, 0.25];

describe("STAIRSTEP: a breakaway performance bonus", () => {
  test.each([
    [100, [200], AMWAY_THRESHOLDS, AMWAY_RATES, 12, "issue 3: G = 300 pays 6%: 6% x 100 + (6% - 3%) x 200 = 6 + 6"],
    [
      500,
      [1000],
      AMWAY_THRESHOLDS,
      AMWAY_RATES,
      105,
      "support.lifeleadership.com (Why didn't I receive a Differential Bonus?): total 1500 at 15%, a team of 1000 at 12%: 3% x 1000 = 30 on the leg, plus 15% x 500 personal = 75",
    ],
    [
      2000,
      [110000, 60000],
      RCM_THRESHOLDS,
      RCM_RATES,
      8420,
      "rcmpucgandhinagar.blogspot.com example 2: 172000 x 21% = 36120 less 110000 x 17% and 60000 x 15% = 8420",
    ],
    [100, [7500], AMWAY_THRESHOLDS, AMWAY_RATES, 25, "a leg at 7500 earns 25% itself and breaks away: only 25% x 100 personal"],
    [100, [0, 0], AMWAY_THRESHOLDS, AMWAY_RATES, 3, "empty legs: 3% x 100"],
    [1000, [], AMWAY_THRESHOLDS, AMWAY_RATES, 120, "issue 8: no legs yet: G = 1000 reaches 12%, 12% x 1000 = 120"],
    [1000, [0], AMWAY_THRESHOLDS, AMWAY_RATES, 120, "one leg of 0 pays the same as no legs: 12% x 1000 + (12% - 0%) x 0"],
    [99, [], AMWAY_THRESHOLDS, AMWAY_RATES, 0, "no legs, G = 99 below the 100 step: the 0% step, 0"],
    [50, [30], [100, 200], [0.05, 0.1], 0, "below the first threshold the rate is 0"],
    [200, [1000, 300], AMWAY_THRESHOLDS, AMWAY_RATES, 15 * 2 + 3 * 10 + 9 * 3, "G = 1500 at 15%: 30 personal + 3% x 1000 + 9% x 300 = 30 + 30 + 27"],
  ])("stairStep(%p, %j, ...) = %p (%#: %s)", (personal, legs, thresholds, rates, expected) => {
    expect(stairStep(personal, legs, thresholds, rates)).toBeCloseTo(expected, 9);
  });

  test("rcmpucgandhinagar example 2 comes out to the rupee, not 8419.999999999998", () => {
    expect(stairStep(2000, [110000, 60000], RCM_THRESHOLDS, RCM_RATES)).toBe(8420);
  });

  test.each([
    [1000, 0.12, "law.onecle.com/tax/2003/lopez8.tcm.wpd04.html: a point value of 1000 earns 12% (12% of BV 2500 = 300)"],
    [100, 0.03, "readkong.com Amway Business Manual Australia/NZ: 100 PV earns a 3% performance bonus (3% of 400 BV = 12)"],
    [99.99, 0, "just below 100"],
    [7500, 0.25, "the top step"],
    [1e9, 0.25, "anything above the top"],
    [0, 0, "nothing"],
  ])("stairStepRate(%p) on Amway's schedule = %p (%s)", (volume, rate) => {
    expect(stairStepRate(volume, AMWAY_THRESHOLDS, AMWAY_RATES)).toBe(rate);
  });

  test("the public examples' bonuses: 12% of 2500 BV = 300, 3% of 400 BV = 12", () => {
    expect(stairStepRate(1000, AMWAY_THRESHOLDS, AMWAY_RATES) * 2500).toBeCloseTo(300, 9);
    expect(stairStepRate(100, AMWAY_THRESHOLDS, AMWAY_RATES) * 400).toBeCloseTo(12, 9);
  });

  test("a volume within floating-point noise of a threshold reaches it: 0.1 + 0.2 reaches 0.3", () => {
    expect(stairStepRate(0.1 + 0.2, [0, 0.3], [0.01, 0.02])).toBe(0.02);
    expect(stairStepRate(0.3 - 1e-6, [0, 0.3], [0.01, 0.02])).toBe(0.01);
  });

  test.each([
    [[0, 300, 100], [0, 0.1, 0.2], "thresholds out of order"],
    [[0, 100, 100], [0, 0.1, 0.2], "a threshold repeated"],
    [[0, 100], [0, 0.1, 0.2], "more rates than thresholds"],
  ])("%j with %j is #VALUE! (%s)", (thresholds, rates) => {
    expect(kindOf(() => stairStep(100, [200], thresholds, rates))).toBe("kind");
    expect(kindOf(() => stairStepRate(100, thresholds, rates))).toBe("kind");
  });

  test("a group volume past the largest number is #NUM!", () => {
    expect(kindOf(() => stairStep(1e308, [1e308], AMWAY_THRESHOLDS, AMWAY_RATES))).toBe("range");
  });

  test("property: never negative, never more than the top rate x group volume, and at least your rate x personal", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 20000 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (personal, legs, rawThresholds, rawRates) => {
          const thresholds = rawThresholds.sort((a, b) => a - b);
          const rates = rawRates.slice(0, thresholds.length);
          const bonus = stairStep(personal, legs, thresholds, rates);
          const group = personal + legs.reduce((s, l) => s + l, 0);
          expect(bonus).toBeGreaterThanOrEqual(0);
          expect(bonus).toBeLessThanOrEqual(Math.max(...rates) * group * (1 + 1e-12));
          expect(bonus).toBeGreaterThanOrEqual(stairStepRate(group, thresholds, rates) * personal * (1 - 1e-12));
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("DIFFERENTIAL: each upline's share of one sale", () => {
  test.each([
    [100, [0.1, 0.15, 0.19, 0.21], [10, 5, 4, 2], "issue 3: 10%, then 15 - 10, 19 - 15, 21 - 19"],
    [100, [0.2, 0.1, 0.25], [20, 0, 5], "a lower rate above a higher one earns nothing; the next earns 25 - 20"],
    [1000, [0.12, 0.15], [120, 30], "support.lifeleadership.com: 15% over a 12% team is 3% of 1000 = 30 (here on one sale of 1000)"],
    [100, [0, 0], [0, 0], "no rates, no pay"],
    [0, [0.1, 0.2], [0, 0], "no volume, no pay"],
    [100, [0.25, 0.25], [25, 0], "an upline at the same rate earns nothing"],
  ])("differential(%p, %j) = %j (%s)", (volume, rates, expected) => {
    expect(differential(volume, rates)).toEqual(expected);
  });

  test("property: never negative, and in total the highest rate x volume", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (volume, rates) => {
          const pay = differential(volume, rates);
          expect(pay.length).toBe(rates.length);
          pay.forEach((p) => expect(p).toBeGreaterThanOrEqual(0));
          const total = pay.reduce((s, p) => s + p, 0);
          expect(Math.abs(total - volume * Math.max(...rates))).toBeLessThanOrEqual(1e-12 * Math.max(1, volume) * rates.length);
        }
      ),
      { numRuns: 1000 }
    );
  });

  test("property: with ascending rates it pays in total the top rate x volume", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (volume, raw) => {
          const rates = raw.sort((a, b) => a - b);
          const total = differential(volume, rates).reduce((s, p) => s + p, 0);
          expect(total).toBeCloseTo(volume * rates[rates.length - 1], 6);
        }
      ),
      { numRuns: 500 }
    );
  });
});
