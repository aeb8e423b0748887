import fc from "fast-check";
import { binaryLegs, effectivePayoutRate, stairStepOnEqualLegs } from "../../src/core/payout";
import { matrix } from "../../src/core/downline";
import { stairStep } from "../../src/core/plans";

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

  test("with a whole number of legs it pays what core's stairStep pays", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 5000, noNaN: true }), fc.double({ min: 0, max: 3000, noNaN: true }), (legs, team, personal) => {
        const s = stairStepOnEqualLegs(personal, legs, legs === 0 ? 0 : team, THRESHOLDS, RATES);
        const legVolumes = Array.from({ length: legs }, () => team / legs);
        const expected = stairStep(personal, legVolumes, THRESHOLDS, RATES);
        return Math.abs(s.onPersonal + s.onLegs - expected) <= 1e-9 * Math.max(1, expected);
      })
    );
  });
});

describe("effective payout rate", () => {
  test.each([
    [73.5, 1978.125, 73.5 / 1978.125, "the default unilevel team"],
    [0, 0, 0, "an empty team pays nothing"],
    [500, 100, 1, "never more than the volume itself"],
  ])("effectivePayoutRate(%p, %p) = %p (%s)", (c, v, expected) => expect(effectivePayoutRate(c, v)).toBe(expected));
});
