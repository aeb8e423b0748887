import fc from "fast-check";
import { bestIndex, weightedScore } from "../../src/core/scoring";
import { DomainError } from "../../src/core/errors";

describe("weighted scores (Business Model template)", () => {
  test.each([
    [[4, 3], [3, 1], 3.75, "(4x3 + 3x1) / (3 + 1) = 15 / 4"],
    [[4, 3, 4, 5], [3, 3, 2, 2], 3.9, "service delivery at the default weights: (12 + 9 + 8 + 10) / 10"],
    [[4, 4, 4, 3], [1, 5, 1, 1], 3.875, "training and teaching when interest counts most: (4 + 20 + 4 + 3) / 8"],
    [[5, 1], [0, 2], 1, "a weight of 0 leaves its criterion out"],
    [[2, 2, 2], [1, 1, 1], 2, "equal scores average to themselves"],
  ])("weightedScore(%j, %j) = %p (%s)", (scores, weights, expected) => expect(weightedScore(scores, weights)).toBeCloseTo(expected as number, 12));

  test("all weights 0 is a range error, lists of two lengths a kind error", () => {
    expect(() => weightedScore([1, 2], [0, 0])).toThrow(expect.objectContaining({ kind: "range" }));
    expect(() => weightedScore([1, 2], [1])).toThrow(DomainError);
    expect(() => weightedScore([1, 2], [1])).toThrow(expect.objectContaining({ kind: "kind" }));
  });

  test("the weighted score stays between the lowest and highest score", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 1, maxLength: 8 }), (pairs) => {
        fc.pre(pairs.some(([, w]) => w > 0));
        const s = weightedScore(
          pairs.map(([x]) => x),
          pairs.map(([, w]) => w)
        );
        const xs = pairs.map(([x]) => x);
        return s >= Math.min(...xs) - 1e-9 && s <= Math.max(...xs) + 1e-9;
      })
    );
  });

  test.each([
    [[3.2, 3.9, 2.4, 3.8, 3.3], 1, "the default scores: service delivery"],
    [[1, 5, 5, 2], 1, "a tie goes to the first, as MATCH(MAX(x), x, 0)"],
    [[7], 0, "one option"],
  ])("bestIndex(%j) = %p (%s)", (scores, expected) => expect(bestIndex(scores)).toBe(expected));

  test("bestIndex of nothing is a kind error", () => expect(() => bestIndex([])).toThrow(expect.objectContaining({ kind: "kind" })));
});
