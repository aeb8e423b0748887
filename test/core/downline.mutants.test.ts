// Cases that mutation testing (npm run mutate, README "Mutation testing") showed were missing; each
// figure by hand in its comment.
import { MAX_MATRIX_POSITIONS, downline, levelPay, matrix } from "../../src/core/downline";
import { growth, projection } from "../../src/core/growth";
import { kindOf } from "../support/rows";

describe("MATRIX at its limit of 2^53 - 1 positions", () => {
  test("a matrix of exactly 2^53 - 1 positions is allowed, one more is not", () => {
    expect(MAX_MATRIX_POSITIONS).toBe(2 ** 53 - 1);
    // one level of width 2^53 - 1: 2^53 - 1 positions, full
    expect(matrix(2 ** 53 - 1, 1)).toEqual([[1, 2 ** 53 - 1, 2 ** 53 - 1]]);
    expect(kindOf(() => matrix(2 ** 53, 1))).toBe("range");
    // width 2: 2 + 4 + ... + 2^52 = 2^53 - 2 positions fit; level 53 brings 2^54 - 2
    expect(matrix(2, 52)[51][1]).toBe(2 ** 52);
    expect(() => matrix(2, 53)).toThrow(
      "a matrix 2 wide and 53 deep has more than 9007199254740991 positions (passed at level 53); choose a smaller width or depth"
    );
  });
});

describe("too large for a number: the messages say what and where", () => {
  test("DOWNLINE", () =>
    expect(() => downline(1e200, 3)).toThrow(
      "the downline passes the largest number a spreadsheet can hold at level 2; give a population cap or fewer levels"
    ));
  test("LEVELPAY", () => expect(() => levelPay([1e308, 1e308], 10, [1, 1])).toThrow("the commission passes the largest number a spreadsheet can hold"));
});

describe("a market that fills lands on the cap exactly", () => {
  // 1e16 + 2 people, you included: month 1's recruits (1e17 x (1 - 1 / cap), far more) take the
  // cap - 1 places left. In floating point 1 + (cap - 1) is 1e16, not 1e16 + 2 (at 1e16 numbers are
  // 2 apart), so the joined count must be set to the cap, not added up.
  const cap = 1e16 + 2;
  test("DOWNLINEGROWTH: joined is the cap, and nobody joins a full market", () => {
    const rows = growth(1e17, 2, 0, cap);
    expect(rows[0][4]).toBe(cap);
    expect(rows[1][1]).toBe(0);
    expect(rows[1][4]).toBe(cap);
  });
  test("PROJECTION: the team stops growing once the market is full", () => {
    const rows = projection(1e17, 2, 1, 0.5, 0, 0, cap);
    expect(rows[1][1]).toBe(rows[0][1]); // month 2 adds nobody: the same team
  });

  test("a full market recruits nobody even when recruits x members would overflow", () => {
    // Month 1 fills a market of 1e10: 1e10 - 1 join. Month 2: 1e300 recruits x 1e10 members is
    // Infinity, but the market is full, so 0 join (not Infinity x 0 = NaN).
    const rows = growth(1e300, 2, 0, 1e10);
    expect(rows[1]).toEqual([2, 0, 0, 1e10, 1e10]);
  });
});
