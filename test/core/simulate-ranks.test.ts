import { percentiles, sumOfLargest, valuesAtRanks } from "../../src/core/simulate-report";

/**
 * Ranks of a million nets without a sort (src/core/simulate-report.ts valuesAtRanks): values are
 * bucketed by their top 16 bits, then selected within the wanted buckets. The expectations are
 * the sorted lists written out by hand.
 */

describe("valuesAtRanks: the value a sort would put at each rank", () => {
  test("negatives, zero and positives across buckets", () => {
    // Sorted: -1800, -50, -0.5, 0, 0, 3, 7.25, 1e6
    const values = Float64Array.from([3, -50, 0, 1e6, -1800, 7.25, 0, -0.5]);
    expect(valuesAtRanks(values, [0, 1, 2, 3, 4, 5, 6, 7])).toEqual([-1800, -50, -0.5, 0, 0, 3, 7.25, 1e6]);
    // The values are not moved.
    expect(Array.from(values)).toEqual([3, -50, 0, 1e6, -1800, 7.25, 0, -0.5]);
  });

  test("values that share a bucket (1, 1.01, 1.02, 1.03 agree in their top 16 bits) are told apart", () => {
    const values = Float64Array.from([1.03, 1.01, 1.02, 1, -1.02, -1.01]);
    // Sorted: -1.02, -1.01, 1, 1.01, 1.02, 1.03
    expect(valuesAtRanks(values, [5, 0, 3, 1])).toEqual([1.03, -1.02, 1.01, -1.01]);
  });

  test("ties: 1,000 members at -1,800 and one at 40", () => {
    const values = new Float64Array(1001).fill(-1800);
    values[517] = 40;
    expect(valuesAtRanks(values, [0, 999, 1000, 500])).toEqual([-1800, -1800, 40, -1800]);
  });

  test("the same rank asked twice, and one value", () => {
    expect(valuesAtRanks(Float64Array.from([2, 1]), [1, 1, 0])).toEqual([2, 2, 1]);
    expect(valuesAtRanks(Float64Array.from([-3]), [0])).toEqual([-3]);
  });

  test("a view into a larger array reads only its own values", () => {
    const all = Float64Array.from([99, 5, 4, 6, -99]);
    expect(valuesAtRanks(all.subarray(1, 4), [0, 1, 2])).toEqual([4, 5, 6]);
  });
});

describe("sumOfLargest", () => {
  test("the 3 largest of 10, 40, 20, 30, 5: 40 + 30 + 20 = 90", () => {
    expect(sumOfLargest(Float64Array.from([10, 40, 20, 30, 5]), 3)).toBe(90);
  });
  test("ties at the cut count as often as needed: the 2 largest of 7, 7, 7, 1 are 14", () => {
    expect(sumOfLargest(Float64Array.from([7, 1, 7, 7]), 2)).toBe(14);
  });
  test("all of them, and one", () => {
    expect(sumOfLargest(Float64Array.from([0, 2.5, 0]), 3)).toBe(2.5);
    expect(sumOfLargest(Float64Array.from([0, 2.5, 0]), 1)).toBe(2.5);
  });
});

describe("percentiles as PERCENTILE.INC", () => {
  test("of 1..10: 10th 1.9, median 5.5, 90th 9.1", () => {
    // PERCENTILE.INC({1..10}, p): rank p x 9. 0.1 -> 0.9: 1 + 0.9 x 1 = 1.9; 0.5 -> 4.5: 5.5; 0.9 -> 8.1: 9.1.
    const got = percentiles(Float64Array.from([7, 3, 10, 1, 5, 9, 2, 8, 4, 6]), [0.1, 0.5, 0.9]);
    expect(got[0]).toBeCloseTo(1.9, 12);
    expect(got[1]).toBe(5.5);
    expect(got[2]).toBeCloseTo(9.1, 12);
  });
});
