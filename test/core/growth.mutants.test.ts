// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing.
import { growth, projection } from "../../src/core/growth";

describe("DOWNLINEGROWTH refuses a count too large for a number, even while the active members are not", () => {
  // Start from 1e308 members who recruit 0.5 each a month and all quit a month later (attrition 1):
  // month 1 brings 5e307 and keeps 1e308 + 5e307 - 1e308 = 5e307 active; joined 1e308 + 5e307 = 1.5e308.
  // Month 2 brings 2.5e307, active 2.5e307, joined 1.75e308 (still below the largest double, 1.797e308).
  // Month 3 brings 1.25e307: active 1.25e307, but joined 1.875e308 passes it.
  test("month 2 is a number", () => {
    const rows = growth(0.5, 2, 1, undefined, 1e308);
    expect(rows[1][3] / 2.5e307).toBeCloseTo(1, 12);
    expect(rows[1][4] / 1.75e308).toBeCloseTo(1, 12);
  });
  test("month 3's joined members are not", () => {
    expect(() => growth(0.5, 3, 1, undefined, 1e308)).toThrow("the team passes the largest number a spreadsheet can hold by month 3");
  });
});

describe("PROJECTION refuses a joined count too large for a number, even while the team and the net are not", () => {
  // Recruiting 2 a member (you included) and everyone quitting a month later, with a volume of 0: month t
  // brings 2 x (1 + team(t-1)) and keeps only those, so team(t) = 2 + 2 team(t-1) = 2^(t+1) - 2, and
  // joined(t) = 1 + the sum of them = 2^(t+2) - 2t - 3. Month 1022: joined = 2^1024 - 2047, past the
  // largest double (2^1024 - 2^971); the team, 2^1023 - 2, is a number, and team volume and net stay 0.
  test("month 1021 is a number", () => {
    const last = projection(2, 1021, 0, 0.1, 0, 1)[1020];
    expect(last[1] / Math.pow(2, 1022)).toBeCloseTo(1, 12);
    expect(last.slice(2)).toEqual([0, 0, 0, 0, 0]);
  });
  test("month 1022's joined members are not", () => {
    expect(() => projection(2, 1022, 0, 0.1, 0, 1)).toThrow("the team passes the largest number a spreadsheet can hold by month 1022");
  });
});
