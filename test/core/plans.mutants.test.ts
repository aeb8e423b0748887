// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing: the
// messages a user reads for each bad schedule or overflow, the tolerance of a threshold, and how
// far the tidying of carries to 14 significant digits reaches.
import { binary, stairStep, stairStepRate } from "../../src/core/plans";
import { kindOf } from "../support/rows";

describe("BINARY's messages name the periods", () => {
  test("legs of different lengths", () => {
    expect(() => binary([1, 2], [1], { rate: 0.1 })).toThrow("left and right volumes must cover the same periods; left has 2, right has 1");
  });
  test("carried volumes that overflow, in the period they do", () => {
    // 1e308 on each leg: together 2e308, past the largest double (1.8e308), even at a rate of 0.1
    expect(kindOf(() => binary([1e308], [1e308], { rate: 0.1 }))).toBe("range");
    expect(() => binary([0, 1e308], [0, 1e308], { rate: 0.1 })).toThrow("the volumes carried pass the largest number a spreadsheet can hold in period 2");
  });
  test("a commission that overflows, in the period it does", () => {
    // Period 2 carries 5e307 + 5e307 = 1e308 (a number), but 5e307 matched x 10 = 5e308 is past 1.8e308.
    expect(kindOf(() => binary([0, 5e307], [0, 5e307], { rate: 10 }))).toBe("range");
    expect(() => binary([0, 5e307], [0, 5e307], { rate: 10 })).toThrow("the commission passes the largest number a spreadsheet can hold in period 2");
  });
  test("pairs too small to count", () => {
    // 1e300 / 1e-300 = 1e600 pairs, past the largest number: the pair size is what to change.
    expect(() => binary([1e300], [1e300], { rate: 1, pairSize: 1e-300 })).toThrow("pair_size 1e-300 is too small for volumes of 1e+300");
  });
});

describe("BINARY tidies a carry to 14 significant digits, and only a carry that something left", () => {
  // Each row: period, matched, commission, carry left, carry right; compared exactly.
  test("nothing matched: the volume carries as it came, to the last digit", () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point, as Excel hands over =0.1+0.2; nothing leaves the
    // left leg (the right is empty), so there is no difference to tidy.
    expect(binary([0.1 + 0.2], [0], { rate: 1 })).toEqual([[1, 0, 0, 0.30000000000000004, 0]]);
  });
  test("volumes of 16 digits: the carry keeps 14 (50,000,000,000,000.25 carries as 50,000,000,000,000)", () => {
    // 50,000,000,000,000.5 on the left, 0.25 on the right: 0.25 matched and paid at 1; the left keeps
    // 50,000,000,000,000.25, whose 14 significant digits are 50,000,000,000,000.
    expect(binary([5e13 + 0.5], [0.25], { rate: 1 })).toEqual([[1, 0.25, 0.25, 5e13, 0]]);
  });
  test("volumes past 1e14: too large to tidy, the carry is left exact", () => {
    // 3,000,000,000,000,000.5 and 1e15: 1e15 matched, paid 0.5 x 1e15 = 5e14; the left carries
    // 2,000,000,000,000,000.5 (16 digits; a double holds it exactly, and rounding it would lose the half).
    expect(binary([3e15 + 0.5], [1e15], { rate: 0.5 })).toEqual([[1, 1e15, 5e14, 2e15 + 0.5, 0]]);
  });
  test("volumes of a billionth are tidied like any other", () => {
    // 3e-9 and 1e-9: the left carries 3e-9 - 1e-9, 1.9999999999999997e-9 in floating point, as 2e-9
    // (the 0.3 - 0.1 case of plans.test.ts scaled by 1e-8).
    expect(binary([3e-9], [1e-9], { rate: 1 })).toEqual([[1, 1e-9, 1e-9, 2e-9, 0]]);
  });
});

describe("a stair-step schedule", () => {
  test.each([
    [[0, 100], [0.1], "thresholds and rates must have the same length; thresholds has 2, rates has 1"],
    [[0, 300, 200], [0, 0.1, 0.2], "thresholds must ascend; 200 follows 300"],
    [[0, 100, 100], [0, 0.1, 0.2], "thresholds must ascend; 100 follows 100"],
  ])("thresholds %j rates %j: %p", (thresholds, rates, message) => {
    expect(kindOf(() => stairStepRate(5, thresholds, rates))).toBe("kind");
    expect(() => stairStepRate(5, thresholds, rates)).toThrow(message);
  });

  test("a group volume that overflows says so", () => {
    expect(() => stairStep(1e308, [1e308], [0], [0.1])).toThrow("the group volume passes the largest number a spreadsheet can hold");
  });

  test.each([
    // the tolerance is 1e-9 x the threshold: 1e-3 at 1e6, so 999999.9999 (1e-4 short) reaches it
    [999999.9999, 0.02],
    [999999.99, 0.01], // 1e-2 short is short
    [0.1 + 0.2, 0.02, [0, 0.3]], // 0.30000000000000004 reaches 0.3
    [0.3 - 2e-9, 0.01, [0, 0.3]], // the tolerance at 0.3 is 1e-9 x max(1, 0.3) = 1e-9: 2e-9 short is short
    // At 1 the tolerance is 1e-9 x max(1, 1) = 1e-9; 1 - 1e-9 is the double 0.999999999 (it prints so),
    // exactly at the tolerance's edge, which is within it. 2e-9 short is not.
    [0.999999999, 0.02, [0, 1]],
    [0.999999998, 0.01, [0, 1]],
  ])("volume %p earns %p", (volume, rate, thresholds = [0, 1e6]) => {
    expect(stairStepRate(volume, thresholds, [0.01, 0.02])).toBe(rate);
  });
});
