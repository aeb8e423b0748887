import { firstMonthAtLeast } from "../../src/core/milestones";

describe("first month a figure reaches a level", () => {
  test.each([
    [[1, 2, 3], [-45, -37.5, 0], 0, 3, "a net of exactly 0 breaks even"],
    [[1, 2, 3], [-1, 5, -2], 0, 2, "the first month counts, even if a later one falls back"],
    [[1, 2, 3], [-1, -2, -3], 0, null, "never"],
    [[7, 8], [10, 20], 15, 8, "another level, months numbered as given"],
    [[], [], 0, null, "no months"],
  ])("months %j values %j level %p: %p (%s)", (months, values, level, expected, _why) => expect(firstMonthAtLeast(months, values, level)).toBe(expected));
});
