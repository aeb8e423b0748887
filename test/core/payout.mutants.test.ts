// Worked cases for the level table's plans (src/core/payout.ts), each figure by hand in its comment,
// so that stairStepOnEqualLegs is checked against arithmetic rather than against core's stairStep.
// Written for mutation testing (npm run mutate, README "Mutation testing").
import { binaryLegs, effectivePayoutRate, stairStepOnEqualLegs } from "../../src/core/payout";

// Issue 3's Amway-style schedule: 3% from 100, 6% from 300, 9% from 600, 12% from 1000, 15% from 1500,
// 18% from 2500, 21% from 4000, 23% from 6000, 25% from 7500.
const THRESHOLDS = [0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500];
const RATES = [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25];

describe("stairStepOnEqualLegs by hand", () => {
  test.each([
    // personal, legs, team: group, leg volume, group rate, leg rate, on personal, on legs
    // group 100 + 400 = 500 (6%); legs 400 / 2 = 200 (3%); 6% x 100 = 6; 2 x (6% - 3%) x 200 = 12
    [100, 2, 400, 500, 200, 0.06, 0.03, 6, 12],
    // group 3000 (18%); legs 1000 (12%); 0; 3 x (18% - 12%) x 1000 = 180
    [0, 3, 3000, 3000, 1000, 0.18, 0.12, 0, 180],
    // group 1200 (12%); legs 1000 / 2.5 = 400 (6%); 12% x 200 = 24; 2.5 x (12% - 6%) x 400 = 60
    [200, 2.5, 1000, 1200, 400, 0.12, 0.06, 24, 60],
    // group 8050 (25%); one leg of 8000 (25%): broken away, nothing on it; 25% x 50 = 12.5
    [50, 1, 8000, 8050, 8000, 0.25, 0.25, 12.5, 0],
    // no legs: leg volume 0 (rate 0), nothing on legs; group 100 (3%): 3
    [100, 0, 0, 100, 0, 0.03, 0, 3, 0],
    // a team volume just below a step: group 99.99 stays at 0%
    [0, 1, 99.99, 99.99, 99.99, 0, 0, 0, 0],
  ])("personal %p, %p legs sharing %p", (personal, legs, team, group, legVolume, groupRate, legRate, onPersonal, onLegs) => {
    const s = stairStepOnEqualLegs(personal, legs, team, THRESHOLDS, RATES);
    expect(s.groupVolume).toBeCloseTo(group, 10);
    expect(s.legVolume).toBeCloseTo(legVolume, 10);
    expect(s.groupRate).toBe(groupRate);
    expect(s.legRate).toBe(legRate);
    expect(s.onPersonal).toBeCloseTo(onPersonal, 10);
    expect(s.onLegs).toBeCloseTo(onLegs, 10);
  });
});

describe("binaryLegs by hand: level k has 2^k positions, the left half first", () => {
  test.each([
    // level 1: 2 positions, 1 a leg
    [[2], 1, 1],
    [[1.5], 1, 0.5], // expectations: the left position is filled first
    // level 1 full (1/1), level 2: 4 positions, 2 a leg; 3 members: 2 left, 1 right
    [[2, 3], 3, 2],
    // level 3: 8 positions, 4 a leg; 5 members: 4 left, 1 right; with full levels above: 1 + 2 + 4, 1 + 2 + 1
    [[2, 4, 5], 7, 4],
  ])("binaryLegs(%j) = %p left, %p right", (members, left, right) => expect(binaryLegs(members)).toEqual({ left, right }));
});

describe("effectivePayoutRate", () => {
  test.each([
    [50, 0, 0], // no team volume: 0, not 50 / 0
    [0, 100, 0],
    [30, 200, 0.15], // 30 / 200
    [200, 200, 1],
    [201, 200, 1], // never above 1
  ])("effectivePayoutRate(%p, %p) = %p", (commission, volume, rate) => expect(effectivePayoutRate(commission, volume)).toBe(rate));
});

describe("stairStepOnEqualLegs with less than one leg", () => {
  test("a half leg above your own rate pays you nothing, never a negative amount", () => {
    // group 0 + 1000 = 1000 (12%); half a leg carries 1000 / 0.5 = 2000 (15%), above your 12%:
    // a leg at or above your rate pays you nothing (0.5 x (12% - 15%) x 2000 would be -30).
    const s = stairStepOnEqualLegs(0, 0.5, 1000, THRESHOLDS, RATES);
    expect([s.groupRate, s.legRate, s.onLegs]).toEqual([0.12, 0.15, 0]);
  });
});
