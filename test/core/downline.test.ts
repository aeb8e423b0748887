import fc from "fast-check";
import { expectRows, kindOf } from "../support/rows";
import { downline, levelPay, matrix, MAX_MATRIX_POSITIONS } from "../../src/core/downline";
import { DomainError } from "../../src/core/errors";

describe("DOWNLINE: members level by level", () => {
  test.each([
    // recruits, levels, retention, cap, expected rows, where the figures come from
    [
      3,
      7,
      1,
      undefined,
      [
        [1, 3, 3],
        [2, 9, 12],
        [3, 27, 39],
        [4, 81, 120],
        [5, 243, 363],
        [6, 729, 1092],
        [7, 2187, 3279],
      ],
      "issue 3: (3,7) ends 7, 2187, 3279 (3^7 and 3+9+...+2187)",
    ],
    [
      4,
      3,
      0.5,
      undefined,
      [
        [1, 2, 2],
        [2, 4, 6],
        [3, 8, 14],
      ],
      "4 recruits x 50% retention = 2 a member: 2, 4, 8; cumulative 2, 6, 14",
    ],
    [
      2,
      3,
      0.5,
      undefined,
      [
        [1, 1, 1],
        [2, 1, 2],
        [3, 1, 3],
      ],
      "2 x 50% = 1: one a level",
    ],
    [
      1.5,
      2,
      1,
      undefined,
      [
        [1, 1.5, 1.5],
        [2, 2.25, 3.75],
      ],
      "an average of 1.5: 1.5, 1.5 x 1.5 = 2.25 (not rounded)",
    ],
    [
      3,
      5,
      1,
      100,
      [
        [1, 3, 3],
        [2, 9, 12],
        [3, 27, 39],
        [4, 61, 100],
        [5, 0, 100],
      ],
      "cap 100: level 4 would hold 81 but only 100 - 39 = 61 are left; level 5 gets 0",
    ],
    [
      2,
      3,
      1,
      6,
      [
        [1, 2, 2],
        [2, 4, 6],
        [3, 0, 6],
      ],
      "cap 6 met exactly at level 2 (2 + 4); level 3 gets 0",
    ],
    [
      0,
      3,
      1,
      undefined,
      [
        [1, 0, 0],
        [2, 0, 0],
        [3, 0, 0],
      ],
      "nobody recruits",
    ],
    [
      5,
      2,
      0,
      undefined,
      [
        [1, 0, 0],
        [2, 0, 0],
      ],
      "nobody stays",
    ],
    [1000, 1, 1, 0.5, [[1, 0.5, 0.5]], "a cap below the first level's 1000 fills it with what the cap allows"],
  ])("downline(%p, %p, %p, %p) (%#)", (r, levels, retention, cap, expected, _where) => {
    expectRows(downline(r as number, levels as number, retention as number, cap as number | undefined), expected as number[][]);
  });

  test("issue 3: (6, 13, , 335000000): level 11 gets 262440590 and the cumulative stays 335000000 from there", () => {
    const rows = downline(6, 13, 1, 335_000_000);
    // 6 + 36 + ... + 6^10 = 72559410, so 335000000 - 72559410 = 262440590 are left for level 11 (6^11 = 362797056).
    expect(rows[9]).toEqual([10, 60_466_176, 72_559_410]);
    expect(rows[10]).toEqual([11, 262_440_590, 335_000_000]);
    expect(rows[11]).toEqual([12, 0, 335_000_000]);
    expect(rows[12]).toEqual([13, 0, 335_000_000]);
  });

  test("a level count of 100 at 1000 recruits still fits a number (1000^100 = 1e300); 10000 recruits does not and is #NUM!", () => {
    const rows = downline(1000, 100);
    expect(rows[99][1]).toBeCloseTo(1e300, -290);
    expect(Number.isFinite(rows[99][2])).toBe(true);
    expect(kindOf(() => downline(10_000, 100))).toBe("range");
    expect(() => downline(10_000, 100)).toThrow(/population cap/);
    expect(rows.every((r) => r.every(Number.isFinite))).toBe(true);
  });

  test("with a cap, even absurd recruiting stays finite", () => {
    const rows = downline(1e300, 100, 1, 8e9);
    expect(rows[0]).toEqual([1, 8e9, 8e9]);
    expect(rows[99]).toEqual([100, 0, 8e9]);
  });

  test("property: cumulative never passes the cap, never falls, and adds up the members", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e12, noNaN: true }),
        (r, levels, retention, cap) => {
          const rows = downline(r, levels, retention, cap);
          expect(rows.length).toBe(levels);
          let sum = 0;
          let previous = 0;
          for (const [level, members, cumulative] of rows) {
            expect(members).toBeGreaterThanOrEqual(0);
            expect(cumulative).toBeLessThanOrEqual(cap);
            expect(cumulative).toBeGreaterThanOrEqual(previous);
            sum += members;
            expect(cumulative).toBeCloseTo(sum, 6 - Math.ceil(Math.log10(Math.max(1, sum)))); // same figure to ~1e-6 relative
            previous = cumulative;
            expect(level).toBeGreaterThan(0);
          }
        }
      ),
      { numRuns: 500 }
    );
  });

  test("property: without a cap the answer is finite rows or #NUM!, never Infinity", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e200, noNaN: true }),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r, levels, retention) => {
          const kind = kindOf(() => downline(r, levels, retention));
          if (kind) expect(kind).toBe("range");
          else expect(downline(r, levels, retention).every((row) => row.every(Number.isFinite))).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("MATRIX: a forced matrix filled level by level", () => {
  test.each([
    [
      3,
      3,
      20,
      [
        [1, 3, 3],
        [2, 9, 9],
        [3, 27, 8],
      ],
      "issue 3: (3,3,20): 3 + 9 fill levels 1 and 2, the 8 left spill into level 3",
    ],
    [
      3,
      3,
      undefined,
      [
        [1, 3, 3],
        [2, 9, 9],
        [3, 27, 27],
      ],
      "members omitted: full",
    ],
    [
      2,
      3,
      100,
      [
        [1, 2, 2],
        [2, 4, 4],
        [3, 8, 8],
      ],
      "100 members in a 2x3 matrix of 14 positions: full",
    ],
    [
      2,
      3,
      0,
      [
        [1, 2, 0],
        [2, 4, 0],
        [3, 8, 0],
      ],
      "nobody placed yet",
    ],
    [
      1,
      4,
      2,
      [
        [1, 1, 1],
        [2, 1, 1],
        [3, 1, 0],
        [4, 1, 0],
      ],
      "a 1-wide matrix is a line",
    ],
    [
      5,
      2,
      7,
      [
        [1, 5, 5],
        [2, 25, 2],
      ],
      "5 + 2 spill",
    ],
  ])("matrix(%p, %p, %p) (%#)", (width, depth, members, expected, _where) => {
    expect(matrix(width as number, depth as number, members as number | undefined)).toEqual(expected);
  });

  test("a 3x7 matrix holds 3279 positions (3 + 9 + ... + 2187), the same sum as DOWNLINE(3, 7)", () => {
    const rows = matrix(3, 7);
    expect(rows.reduce((s, r) => s + r[2], 0)).toBe(3279);
    expect(rows.map((r) => r[1])).toEqual([3, 9, 27, 81, 243, 729, 2187]); // 3^1 ... 3^7
    expect(downline(3, 7).map((r) => r[1])).toEqual([3, 9, 27, 81, 243, 729, 2187]); // everyone recruits 3, all stay
  });

  test.each([
    [2, 52, true, "2 + 4 + ... + 2^52 = 2^53 - 2 positions: every count still exact"],
    [2, 53, false, "2^54 - 2 positions pass 2^53 - 1: #NUM!"],
    [10, 15, true, "1.1e15 positions"],
    [10, 16, false, "1.1e16 positions: #NUM!"],
    [1e6, 3, false, "1e18 positions at level 3"],
    [1, 100, true, "a line 100 deep"],
  ])("matrix(%p, %p) is allowed: %p (%s)", (width, depth, ok) => {
    if (ok) {
      const rows = matrix(width, depth);
      expect(rows.reduce((s, r) => s + r[1], 0)).toBeLessThanOrEqual(MAX_MATRIX_POSITIONS);
      expect(rows.every((r) => Number.isSafeInteger(r[1]) && Number.isSafeInteger(r[2]))).toBe(true);
    } else expect(kindOf(() => matrix(width, depth))).toBe("range");
  });

  test("property: filled never passes capacity, and all levels together hold min(members, positions)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { nil: undefined }),
        (width, depth, members) => {
          let rows: Array<[number, number, number]>;
          try {
            rows = matrix(width, depth, members);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            return;
          }
          const positions = rows.reduce((s, r) => s + r[1], 0);
          const filled = rows.reduce((s, r) => s + r[2], 0);
          rows.forEach(([, capacity, f]) => expect(f).toBeLessThanOrEqual(capacity));
          expect(filled).toBe(Math.min(members ?? Infinity, positions));
        }
      ),
      { numRuns: 500 }
    );
  });
});

describe("LEVELPAY: a unilevel payout", () => {
  test.each([
    [[3, 9, 27], 100, [0.1, 0.05, 0.02], 129, "issue 3: 3x100x10% + 9x100x5% + 27x100x2% = 30 + 45 + 54"],
    [[3, 9, 27], 100, [0.1], 30, "levels beyond the rates pay nothing: 3 x 100 x 10%"],
    [[3], 100, [0.1, 0.05, 0.02], 30, "rates beyond the levels find nobody"],
    [[2, 4, 8], 50, [0.05, 0.05, 0.05], 35, "5% on every level: 14 members x 50 x 5% = 35"],
    [[1.5, 2.25], 100, [0.1, 0.1], 37.5, "fractional members from DOWNLINE(1.5, 2): 3.75 x 100 x 10%"],
    [[1e300], 1e10, [0], 0, "a rate of 0 pays 0 even on a membership whose volume overflows (no Infinity x 0)"],
    [[], 100, [0.1, 0.05], 0, "issue 8: no downline yet, no levels: a sum over nothing is 0"],
  ])("levelPay(%j, %p, %j) = %p (%s)", (members, volume, rates, expected) => {
    expect(levelPay(members, volume, rates)).toBeCloseTo(expected, 9);
  });

  test("works on DOWNLINE's members column: DOWNLINE(3, 3) at 100 a member and 10/5/2% = 129", () => {
    expect(
      levelPay(
        downline(3, 3).map((r) => r[1]),
        100,
        [0.1, 0.05, 0.02]
      )
    ).toBeCloseTo(129, 9);
  });

  test("a payout too large for a number is #NUM!, never Infinity", () => {
    expect(kindOf(() => levelPay([1e300], 1e10, [1]))).toBe("range");
    expect(kindOf(() => levelPay([1e308, 1e308], 1, [1, 1]))).toBe("range");
  });

  test("property: never negative and never more than all volume x the highest rate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (members, volume, rates) => {
          const pay = levelPay(members, volume, rates);
          const all = members.reduce((s, m) => s + m, 0) * volume * Math.max(...rates);
          expect(pay).toBeGreaterThanOrEqual(0);
          // Relative slack for rounding, plus subnormal slack: below 2.2e-308 a double keeps only an
          // absolute precision of Number.MIN_VALUE, so a subnormal product (volume x rate) may be off
          // by a few of those, and multiplying by the members multiplies that error too.
          const members1 = members.reduce((sum, m) => sum + m, 1);
          expect(pay).toBeLessThanOrEqual(all * (1 + 1e-12) + 4 * members1 * Number.MIN_VALUE);
        }
      ),
      // What fast-check found: payouts of about 3e-320 and 1.6e-319 a few subnormal steps above the bound.
      {
        numRuns: 300,
        examples: [
          [[0, 0, 0.2733333333333334, 0], 1.1489992939196597e-304, [0, 0, 1.0093952245815125e-15]],
          [[129.8413654618474, 0], 2.084607675647653e-212, [5.889612440067675e-110, 0]],
        ],
      }
    );
  });
});
