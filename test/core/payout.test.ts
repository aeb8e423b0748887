import fc from "fast-check";
import { binaryLegs, effectivePayoutRate, stairStepOnEqualLegs } from "../../src/core/payout";
import { matrix } from "../../src/core/downline";

// Issue 3's Amway-style schedule.
const THRESHOLDS = [0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500];
const RATES = [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25];

describe("binary legs of a tree filled level by level, left first", () => {
  test.each([
    [[2, 4, 8, 6, 0], 13, 7, "MATRIX(2, 5, 20): left halves 1 + 2 + 4 + 6, right 1 + 2 + 4"],
    [[2, 4, 8, 16, 32], 31, 31, "a full tree is balanced"],
    [[1], 1, 0, "one member sits on the left"],
    [[], 0, 0, "no one"],
  ])("binaryLegs(%j) = %p left, %p right (%s)", (members, left, right) => expect(binaryLegs(members)).toEqual({ left, right }));

  test("the legs hold everyone, and the right leg is never the stronger", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 10000 }), (depth, members) => {
        const filled = matrix(2, depth, members).map((r) => r[2]);
        const { left, right } = binaryLegs(filled);
        return left + right === filled.reduce((a, b) => a + b, 0) && right <= left;
      })
    );
  });
});

describe("stair-step on equal legs", () => {
  test("the template's default team: 100 personal, 1.5 legs sharing 1978.125", () => {
    const s = stairStepOnEqualLegs(100, 1.5, 1978.125, THRESHOLDS, RATES);
    // Group 2078.125 reaches 1500: 15%; each leg 1318.75 reaches 1000: 12%; 1.5 x 3% x 1318.75.
    expect(s.groupVolume).toBe(2078.125);
    expect(s.groupRate).toBe(0.15);
    expect(s.legVolume).toBeCloseTo(1318.75, 10);
    expect(s.legRate).toBe(0.12);
    expect(s.onPersonal).toBeCloseTo(15, 10);
    expect(s.onLegs).toBeCloseTo(59.34375, 10);
  });

  test("issue 3's example: personal 100, one leg of 200 pays 12", () => {
    const s = stairStepOnEqualLegs(100, 1, 200, THRESHOLDS, RATES);
    expect(s.onPersonal + s.onLegs).toBeCloseTo(12, 10);
  });

  test("a leg at your rate has broken away: nothing on it", () => {
    const s = stairStepOnEqualLegs(0, 1, 8000, THRESHOLDS, RATES);
    expect(s.onLegs).toBe(0);
  });

  test("no legs, no bonus on legs", () => expect(stairStepOnEqualLegs(100, 0, 0, THRESHOLDS, RATES).onLegs).toBe(0));

  test.each([
    // personal, legs, team volume, group rate, leg rate, on personal, on legs, by hand
    [100, 2, 1200, 0.12, 0.09, 12, 36, "group 1300 >= 1000: 12%; each leg 600 >= 300: 9%; 100 x 12% = 12; 2 x 3% x 600 = 36"],
    [0, 3, 3000, 0.18, 0.12, 0, 180, "group 3000 >= 2500: 18%; each leg 1000: 12%; 3 x 6% x 1000 = 180"],
    [500, 1, 50, 0.06, 0, 30, 3, "group 550 >= 300: 6%; the leg's 50 earns 0%; 500 x 6% = 30; 6% x 50 = 3"],
    [100, 4, 8000, 0.25, 0.15, 25, 800, "group 8100 >= 7500: 25%; each leg 2000 >= 1500: 15%; 4 x 10% x 2000 = 800"],
  ])("personal %p, %p equal legs sharing %p: rates %p and %p, pays %p + %p (%s)", (personal, legs, team, groupRate, legRate, onPersonal, onLegs) => {
    const s = stairStepOnEqualLegs(personal as number, legs as number, team as number, THRESHOLDS, RATES);
    expect(s.groupRate).toBe(groupRate);
    expect(s.legRate).toBe(legRate);
    expect(s.onPersonal).toBeCloseTo(onPersonal as number, 10);
    expect(s.onLegs).toBeCloseTo(onLegs as number, 10);
  });
});

describe("effective payout rate", () => {
  test.each([
    [73.5, 1978.125, 73.5 / 1978.125, "the default unilevel team"],
    [0, 0, 0, "an empty team pays nothing"],
    [500, 100, 1, "never more than the volume itself"],
  ])("effectivePayoutRate(%p, %p) = %p (%s)", (c, v, expected) => expect(effectivePayoutRate(c, v)).toBe(expected));
});
