import { Activity, DEAL_MAKING, WORK, dealShare, hoursIn, shareOf, totalHours } from "../../src/core/hours";

const week = (actual: (number | null)[]): Activity[] =>
  [
    ["Prospecting", DEAL_MAKING, 4],
    ["Follow-ups", DEAL_MAKING, 2],
    ["Partners", DEAL_MAKING, 2],
    ["Orders", WORK, 3],
    ["Admin", WORK, 2],
    ["Posts", WORK, 2],
  ].map(([name, category, planned], i) => ({ name: name as string, category: category as string, planned: planned as number, actual: actual[i] ?? null }));

describe("where the hours go (Work vs Deals)", () => {
  test("shareOf is 0 of nothing", () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(400, 1000)).toBe(0.4);
  });

  test("planned hours by category: 8 of 15 on deal-making", () => {
    const a = week([]);
    expect(hoursIn(a, DEAL_MAKING, "planned")).toBe(8);
    expect(hoursIn(a, WORK, "planned")).toBe(7);
    expect(totalHours(a, "planned")).toBe(15);
  });

  test.each([
    [[], 8 / 15, "planned", "no actual hours yet: the plan's share, 8 / 15"],
    [[5, 1, 0, 4, 3, 2], 6 / 15, "actual", "actual hours logged: 5 + 1 + 0 deal-making of 15"],
    [[0, 0, 0, 0, 0, 0], 8 / 15, "planned", "zeros logged are no hours: the plan's share"],
    [[2, null, null, null, null, null], 1, "actual", "only a deal-making hour logged: all of the actual time"],
  ])("actuals %j: deal share %p of %s hours (%s)", (actual, share, basis) => {
    expect(dealShare(week(actual as (number | null)[]))).toEqual({ share: expect.closeTo(share as number, 12), basis });
  });

  test("categories match in any letter case, as SUMIF matches", () => {
    const a: Activity[] = [
      { name: "x", category: "deal-MAKING", planned: 3, actual: null },
      { name: "y", category: "work", planned: 1, actual: null },
    ];
    expect(dealShare(a).share).toBe(0.75);
  });

  test("no hours at all: a share of 0", () => expect(dealShare([])).toEqual({ share: 0, basis: "planned" }));
});
