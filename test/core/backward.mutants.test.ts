// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing: each
// way a backward question fails has its own message, so the user learns which input to change.
import { levelsNeeded, recruitsNeeded, teamNeeded } from "../../src/core/backward";

describe("which number is too large", () => {
  test("the goal plus the cost: 1e308 + 1e308 overflows before any team is worked out", () => {
    expect(() => teamNeeded(1e308, 1, 1, 1e308)).toThrow("the goal plus the cost passes the largest number a spreadsheet can hold");
  });
  test("the team: 1e308 / (1e-300 x 1e-10) overflows", () => {
    expect(() => teamNeeded(1e308, 1e-300, 1e-10)).toThrow("the team needed passes the largest number a spreadsheet can hold");
    expect(() => recruitsNeeded(1e308, 12, 1e-300, 1e-10)).toThrow("the team needed passes the largest number a spreadsheet can hold");
  });
});

describe("levelsNeeded: how many levels were tried", () => {
  // One recruit each and full retention: one member a level, each paying 1 x 0.01 = 0.01.
  test("one rated level", () => {
    expect(() => levelsNeeded(1e6, 1, 1, [0.01])).toThrow("all 1 rated level together do not pay 1000000 a month: add levels, recruits or volume");
  });
  test("exactly 100 rated levels, all DOWNLINE can show: 100 x 0.01 = 1 a month", () => {
    expect(() => levelsNeeded(1e6, 1, 1, new Array(100).fill(0.01))).toThrow(
      "all 100 rated levels together do not pay 1000000 a month: add levels, recruits or volume"
    );
  });
  test("101 rates: only the first 100 levels count", () => {
    expect(() => levelsNeeded(1e6, 1, 1, new Array(101).fill(0.01))).toThrow("even 100 full levels do not pay 1000000 a month at these rates");
  });
});

describe("RECRUITSNEEDED with a cost so large that the cumulative net overflows", () => {
  // Goal 1 and a cost of 1e308 a month, volume 1 at a payout of 1: the team must be 1e308 + 1 (as a double, 1e308)
  // in month 12. Recruiting nobody nets -1e308 a month, so 0 is wrong (the cumulative net of -1.2e309 overflowed,
  // and was once read as "reaches any goal"). Even with no attrition a team grows at most (1 + r)^12 - 1 by month 12,
  // so r is at least (1 + 1e308)^(1/12) - 1 = 10^(308/12) - 1, about 4.6e25.
  test("recruiting nobody does not pay it", () => {
    const r = recruitsNeeded(1, 12, 1, 1, 1e308);
    expect(r).toBeGreaterThanOrEqual(Math.pow(1e308, 1 / 12) * (1 - 1e-12) - 1);
    expect(Number.isFinite(r)).toBe(true);
  });
});
