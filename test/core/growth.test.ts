import fc from "fast-check";
import { expectRows, kindOf } from "../support/rows";
import { DomainError } from "../../src/core/errors";
import { growth, projection } from "../../src/core/growth";

describe("DOWNLINEGROWTH: a downline month by month", () => {
  test.each([
    // recruits, months, attrition, cap, start, expected rows [month, new, dropped, active, joined], where from
    [
      0.5,
      2,
      0.1,
      undefined,
      1,
      [
        [1, 0.5, 0.1, 1.4, 1.5],
        [2, 0.7, 0.14, 1.96, 2.2],
      ],
      "issue 3: 0.5 x 1 new, 0.1 x 1 dropped; then 0.5 x 1.4 = 0.7 new, 0.1 x 1.4 = 0.14 dropped",
    ],
    [
      1,
      3,
      0,
      undefined,
      1,
      [
        [1, 1, 0, 2, 2],
        [2, 2, 0, 4, 4],
        [3, 4, 0, 8, 8],
      ],
      "one recruit a member a month doubles the team",
    ],
    [
      1,
      3,
      0,
      4,
      1,
      [
        [1, 0.75, 0, 1.75, 1.75],
        [2, 0.984375, 0, 2.734375, 2.734375],
        [3, 0.86517333984375, 0, 3.59954833984375, 3.59954833984375],
      ],
      "cap 4: 1 x (1 - 1/4) = 0.75; 1.75 x (1 - 1.75/4) = 0.984375; 2.734375 x 0.31640625 = 0.86517...",
    ],
    [
      10,
      2,
      0,
      5,
      1,
      [
        [1, 4, 0, 5, 5],
        [2, 0, 0, 5, 5],
      ],
      "cap 5: 10 x 0.8 = 8 would pass it, so only the 4 left join; then nobody",
    ],
    [
      0,
      2,
      1,
      undefined,
      1,
      [
        [1, 0, 1, 0, 1],
        [2, 0, 0, 0, 1],
      ],
      "everyone drops and nobody recruits",
    ],
    [0.5, 1, 0, undefined, 10, [[1, 5, 0, 15, 15]], "start with 10: 5 new"],
    [1, 1, 0.2, 5, 10, [[1, 0, 2, 8, 10]], "started above the cap: nobody new, 20% of 10 drop"],
    [
      0.5,
      2,
      0,
      undefined,
      0,
      [
        [1, 0, 0, 0, 0],
        [2, 0, 0, 0, 0],
      ],
      "start with nobody: nothing grows",
    ],
  ])("growth(%p, %p, %p, %p, %p) (%#)", (r, months, attrition, cap, start, expected, _where) => {
    expectRows(growth(r as number, months as number, attrition as number, cap as number | undefined, start as number), expected as number[][]);
  });

  test("issue 3's figures to the digit a spreadsheet shows", () => {
    const rows = growth(0.5, 2, 0.1);
    expect(rows.map((r) => r.map((v) => Number(v.toPrecision(15))))).toEqual([
      [1, 0.5, 0.1, 1.4, 1.5],
      [2, 0.7, 0.14, 1.96, 2.2],
    ]);
  });

  test("1200 months of doubling pass the largest number: #NUM! naming the month, never Infinity", () => {
    expect(kindOf(() => growth(1, 1200))).toBe("range");
    expect(() => growth(1, 1200)).toThrow(/month 10\d\d; give a population cap/);
    const capped = growth(1, 1200, 0.05, 8e9);
    expect(capped.every((r) => r.every(Number.isFinite))).toBe(true);
    expect(capped[1199][4]).toBeCloseTo(8e9, -1); // the whole market joins in the end
  });

  test("property: never negative, joined never passes the cap (or the start), active never more than joined", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 1200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), { nil: undefined }),
        fc.integer({ min: 0, max: 1000 }),
        (r, months, attrition, cap, start) => {
          let rows: Array<[number, number, number, number, number]>;
          try {
            rows = growth(r, months, attrition, cap, start);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect((e as DomainError).kind).toBe("range");
            return;
          }
          // Plain checks, one expect a run: 1200 rows x several expects would take minutes.
          const bad: string[] = [];
          let previousJoined = start;
          for (const [month, added, dropped, active, joined] of rows) {
            if (![added, dropped, active, joined].every((v) => Number.isFinite(v) && v >= 0)) bad.push(`month ${month}: a negative or non-finite figure`);
            if (joined < previousJoined) bad.push(`month ${month}: joined fell`);
            if (cap !== undefined && joined > Math.max(cap, start)) bad.push(`month ${month}: joined ${joined} passed the cap ${cap}`);
            if (active > joined * (1 + 1e-9)) bad.push(`month ${month}: active ${active} above joined ${joined}`);
            previousJoined = joined;
          }
          expect(bad).toEqual([]);
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("PROJECTION: what your own team earns you", () => {
  test.each([
    // recruits, months, volume, payout, cost, attrition, cap, expected [month, team, volume, commission, cost, net, cumulative], where from
    [
      0.5,
      2,
      100,
      0.1,
      50,
      0,
      undefined,
      [
        [1, 0.5, 50, 5, 50, -45, -45],
        [2, 1.25, 125, 12.5, 50, -37.5, -82.5],
      ],
      "issue 3: you recruit 0.5, team 0.5 sells 50 and pays you 5 less 50; then 0.5 x 1.5 = 0.75 more",
    ],
    [
      0.5,
      2,
      100,
      0.1,
      0,
      0.5,
      undefined,
      [
        [1, 0.5, 50, 5, 0, 5, 5],
        [2, 1, 100, 10, 0, 10, 15],
      ],
      "50% attrition: 0.5 + 0.75 - 0.25 = 1",
    ],
    [
      1,
      2,
      10,
      1,
      0,
      0,
      3,
      [
        [1, 2 / 3, 20 / 3, 20 / 3, 0, 20 / 3, 20 / 3],
        [2, 38 / 27, 380 / 27, 380 / 27, 0, 380 / 27, 560 / 27],
      ],
      "cap 3 counts you: 1 x (1 - 1/3) = 2/3; then 5/3 x (1 - 5/9) = 20/27",
    ],
    [10, 1, 100, 0.1, 0, 0, 5, [[1, 4, 400, 40, 0, 40, 40]], "cap 5: 10 x 0.8 = 8 would pass it; only 4 (the cap less you) join"],
    [
      1,
      2,
      100,
      0.1,
      20,
      0,
      0.5,
      [
        [1, 0, 0, 0, 20, -20, -20],
        [2, 0, 0, 0, 20, -20, -40],
      ],
      "a cap below 1 leaves room for nobody: the cost is all there is",
    ],
  ])("projection(%p, %p, %p, %p, %p, %p, %p) (%#)", (r, months, volume, payout, cost, attrition, cap, expected, _where) => {
    expectRows(
      projection(r as number, months as number, volume as number, payout as number, cost as number, attrition as number, cap as number | undefined),
      expected as number[][]
    );
  });

  test("1200 months uncapped overflow is #NUM!; capped stays finite", () => {
    expect(kindOf(() => projection(1, 1200, 100, 0.1))).toBe("range");
    expect(kindOf(() => projection(0.01, 1200, 1e306, 1))).toBe("range"); // 1.01^1200 = 1.5e5 members x 1e306
    const rows = projection(1, 1200, 100, 0.1, 50, 0.05, 8e9);
    expect(rows.every((r) => r.every(Number.isFinite))).toBe(true);
  });

  test("a payout of 0 on a team volume that would overflow is still #NUM!, never NaN", () => {
    expect(kindOf(() => projection(1e10, 40, 1e300, 0))).toBe("range");
  });

  test("property: team, volume and commission never negative; the cumulative net adds up the nets", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 1200 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.option(fc.double({ min: 1e-3, max: 1e12, noNaN: true }), { nil: undefined }),
        (r, months, volume, payout, cost, attrition, cap) => {
          let rows: Array<[number, number, number, number, number, number, number]>;
          try {
            rows = projection(r, months, volume, payout, cost, attrition, cap);
          } catch (e) {
            expect((e as DomainError).kind).toBe("range");
            return;
          }
          const bad: string[] = [];
          let sum = 0;
          for (const [month, team, teamVolume, commission, c, net, cumulative] of rows) {
            if (![team, teamVolume, commission].every((v) => v >= 0)) bad.push(`month ${month}: negative team, volume or commission`);
            if (cap !== undefined && team > Math.max(0, cap - 1) * (1 + 1e-9) + 1e-9) bad.push(`month ${month}: team ${team} passed the cap ${cap} less you`);
            if (commission > teamVolume) bad.push(`month ${month}: commission above volume`);
            if (c !== cost || Math.abs(net - (commission - cost)) > 1e-9 * Math.max(1, commission)) bad.push(`month ${month}: net is not commission - cost`);
            sum += net;
            if (cumulative !== sum) bad.push(`month ${month}: cumulative ${cumulative} is not the sum ${sum}`);
          }
          expect(bad).toEqual([]);
        }
      ),
      { numRuns: 300 }
    );
  });
});
