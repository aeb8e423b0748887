import { ExplicitHistory, payHistory } from "../../src/core/simulate";
import { referenceBinaryPlacement } from "../support/simulate-reference";

/**
 * The binary's placement (src/core/simulate-legs.ts): its rows, its three chains of even positions
 * up the line and its cursors, held against placements worked by hand and against the tests' own
 * placement (literal breadth-first search and subtree sizes counted afresh, test/support).
 */

const money = { volumePerMember: 100, monthlyCost: 50 };
const binary = { kind: "binary" as const, rate: 0.1 };

/**
 * Nobody quits, and each member joins as early as a history allows (a month after its sponsor, not
 * before the member before it): only the sponsors matter to placement.
 */
function historyOf(sponsor: number[]): ExplicitHistory {
  const joinMonth = [0];
  for (let i = 1; i < sponsor.length; i++) joinMonth.push(Math.max(joinMonth[i - 1], joinMonth[sponsor[i]] + 1));
  return { months: joinMonth[joinMonth.length - 1], sponsor, joinMonth, quitMonth: sponsor.map(() => null) };
}

describe("the founder sponsors 16,400 members (more than one slice of 16,384 joins)", () => {
  // Worked by hand. Member 1 heads the left leg and 2 the right. Member 2k + 1 finds k members in
  // each leg (1, 3, ..., 2k - 1 and 2, 4, ..., 2k), a tie: the left. Member 2k + 2 finds k + 1 on
  // the left and k on the right: the right. So the left leg holds the odd members in join order
  // and the right the even ones, each filled breadth-first, left to right: the leg's j-th member
  // (from 0) sits under its ((j - 1) / 2, rounded down)-th, on the left when j is odd.
  const n = 16400;
  const run = payHistory(historyOf(Array.from({ length: n }, (_, i) => (i === 0 ? -1 : 0))), binary, money);
  const expectedParent = [-1];
  const expectedSide = [0];
  for (let i = 1; i < n; i++) {
    const leg = i % 2 === 1 ? 1 : 2; // the leg's head, and its j-th member is leg + 2j
    const j = (i - leg) / 2;
    expectedParent.push(j === 0 ? 0 : leg + 2 * Math.floor((j - 1) / 2));
    expectedSide.push(j === 0 ? leg - 1 : j % 2 === 1 ? 0 : 1);
  }

  test("member i's position and side as worked", () => {
    // Member 16,385 (the first of the second slice) is the left leg's j = 8,192nd: under its
    // 4,095th, member 1 + 2 x 4,095 = 8,191, on the right (j even).
    expect(run.placement![16385]).toBe(8191);
    expect(run.side![16385]).toBe(1);
    expect(Array.from(run.placement!)).toEqual(expectedParent);
    expect(Array.from(run.side!)).toEqual(expectedSide);
  });
});

describe("deep and shallow networks agree position by position with the tests' own placement", () => {
  /** Sponsors drawn by a small LCG: each member's sponsor among the `recent` members before it (all if 0). */
  function sponsors(n: number, seed: number, recent: number): number[] {
    let x = seed;
    const u = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x / 2 ** 32;
    };
    return Array.from({ length: n }, (_, i) => (i === 0 ? -1 : recent > 0 ? Math.max(0, i - 1 - Math.floor(u() * recent)) : Math.floor(u() * i)));
  }

  test.each([
    // Sponsors among the last 3 make lines hundreds of positions deep (chains of every length mod
    // 3); among everyone, a bushy tree about 20 deep; the last 1, one line.
    ["1,500 members, sponsors among the last 3", 1500, 1, 3],
    ["1,500 members, sponsors among the last 8", 1500, 2, 8],
    ["2,000 members, sponsors among the last 40", 2000, 3, 40],
    ["2,000 members, sponsors among everyone before", 2000, 4, 0],
    ["700 members, each sponsored by the one before", 700, 5, 1],
  ] as const)("%s", (_, n, seed, recent) => {
    const sponsor = sponsors(n, seed, recent);
    expect(historyOf(sponsor).months).toBeLessThanOrEqual(1200); // a history's longest
    const run = payHistory(historyOf(sponsor), binary, money);
    const ref = referenceBinaryPlacement({ months: 1, sponsor, join: [], last: [], stays: [] });
    expect(Array.from(run.placement!)).toEqual(ref.parent);
    const refSide = ref.parent.map((p, i) => (p < 0 ? 0 : ref.kids[p].indexOf(i)));
    expect(Array.from(run.side!)).toEqual(refSide);
  });

  test("the lines above are deep enough to use all three chains with every remainder", () => {
    const sponsor = sponsors(1500, 1, 3);
    const { parent } = referenceBinaryPlacement({ months: 1, sponsor, join: [], last: [], stays: [] });
    const depth = [0];
    for (let i = 1; i < parent.length; i++) depth.push(depth[parent[i]] + 1);
    // Even positions above a member: about depth / 2; the walk's three chains differ in what is
    // left over after the last full step (mod 3), so every remainder must occur below depth 12+.
    const evenAbove = depth.filter((d) => d >= 12).map((d) => Math.floor(d / 2) % 3);
    expect(new Set(evenAbove)).toEqual(new Set([0, 1, 2]));
  });
});
