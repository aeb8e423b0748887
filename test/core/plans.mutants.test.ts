// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing: the
// messages a user reads for each bad schedule or overflow, and the tolerance of a threshold.
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
  ])("volume %p earns %p", (volume, rate, thresholds = [0, 1e6]) => {
    expect(stairStepRate(volume, thresholds, [0.01, 0.02])).toBe(rate);
  });
});
