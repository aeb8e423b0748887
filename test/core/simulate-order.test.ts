import { depthFirst, monthsPerPass } from "../../src/core/simulate-order";

/**
 * The depth-first numbering the month-by-month plans pay in (src/core/simulate-order.ts), on a tree
 * small enough to number by hand, and the number of months each pass over it pays.
 */

/** Records as the network keeps them: 8 shorts a member, join month at 8i + 2 and last month at 8i + 3. */
function recordsOf(stays: Array<[number, number]>): Uint16Array {
  const shorts = new Uint16Array(8 * stays.length);
  stays.forEach(([join, last], i) => {
    shorts[8 * i + 2] = join;
    shorts[8 * i + 3] = last;
  });
  return shorts;
}

describe("depthFirst", () => {
  //        0
  //      /   \
  //     1     2
  //    / \     \
  //   3   4     5
  // Pre-order, children in join order: 0, 1, 3, 4, 2, 5. Positions of the parents: 1 and 2 under 0 at
  // position 0; 3 and 4 under 1 at position 1; 5 under 2 at position 4.
  const parents = new Int32Array([-1, 0, 0, 1, 1, 2]);
  const stays: Array<[number, number]> = [
    [0, 13],
    [1, 12],
    [1, 4],
    [2, 13],
    [3, 3],
    [5, 13],
  ];

  const stay = (join: number, last: number) => join + 65536 * last;
  // Per position: member, parent's position, depth x 2 (+ side), stay.
  const worked = [
    [0, -1, 0, stay(0, 13)],
    [1, 0, 2, stay(1, 12)],
    [3, 1, 4, stay(2, 13)],
    [4, 1, 4, stay(3, 3)],
    [2, 0, 2, stay(1, 4)],
    [5, 4, 4, stay(5, 13)],
  ];

  test("numbers a member, then its subtrees, and records each position's parent, depth x 2 and stay", () => {
    const { at, maxDepth } = depthFirst(parents, 1, 6, recordsOf(stays));
    const rows = Array.from({ length: 6 }, (_, k) => Array.from(at.subarray(4 * k, 4 * k + 4)));
    expect(rows).toEqual(worked);
    expect(maxDepth).toBe(2);
  });

  test("a side per member goes with it: depth x 2 + side", () => {
    // Sides by member: 1 left, 2 right, 3 left, 4 right, 5 left (the founder's is never read).
    const side = Uint8Array.from([0, 0, 1, 0, 1, 0]);
    const { at } = depthFirst(parents, 1, 6, recordsOf(stays), side);
    // Positions hold members 0, 1, 3, 4, 2, 5 at depths 0, 1, 2, 2, 1, 2.
    expect(Array.from({ length: 6 }, (_, k) => at[4 * k + 2])).toEqual([0, 2, 4, 5, 3, 4]);
  });

  test("reads the parents from records of any stride (the network's sponsors are every 4th number)", () => {
    const strided = new Int32Array(24);
    parents.forEach((p, i) => (strided[4 * i] = p));
    const { at } = depthFirst(strided, 4, 6, recordsOf(stays));
    expect(Array.from({ length: 6 }, (_, k) => at[4 * k])).toEqual([0, 1, 3, 4, 2, 5]);
  });

  test("a line of 5 is numbered in join order, each one deeper", () => {
    const { at, maxDepth } = depthFirst(new Int32Array([-1, 0, 1, 2, 3]), 1, 5, new Uint16Array(40));
    expect(Array.from({ length: 5 }, (_, k) => [at[4 * k], at[4 * k + 1], at[4 * k + 2] / 2])).toEqual([
      [0, -1, 0],
      [1, 0, 1],
      [2, 1, 2],
      [3, 2, 3],
      [4, 3, 4],
    ]);
    expect(maxDepth).toBe(4);
  });

  test("the founder alone", () => {
    const { at, maxDepth } = depthFirst(new Int32Array([-1]), 1, 1, recordsOf([[0, 37]]));
    expect(Array.from(at)).toEqual([0, -1, 0, 37 * 65536]);
    expect(maxDepth).toBe(0);
  });

  test("in room given full of old numbers: the same positions as worked above, written into the room", () => {
    // Sides as in the test above: members 2 and 4 on the right, so positions 3 and 4 get + 1.
    const side = Uint8Array.from([0, 0, 1, 0, 1, 0]);
    const expected = worked.map(([member, up, depth, s], k) => [member, up, depth + (k === 3 || k === 4 ? 1 : 0), s]).flat();
    // Room of exactly 7 cells a member is enough; more is fine (a binary hands on 8).
    for (const [old, cells] of [
      [7, 7 * 6],
      [-1, 7 * 6 + 3],
      [0x7fffffff, 8 * 6],
    ]) {
      const room = new Int32Array(cells).fill(old);
      const { at, maxDepth } = depthFirst(parents, 1, 6, recordsOf(stays), side, room);
      expect(Array.from(at)).toEqual(expected);
      expect(at.buffer).toBe(room.buffer);
      expect(maxDepth).toBe(2);
    }
  });

  test("room too small for 7 cells a member is not used", () => {
    const room = new Int32Array(7 * 6 - 1).fill(9);
    const { at } = depthFirst(parents, 1, 6, recordsOf(stays), undefined, room);
    expect(at.buffer).not.toBe(room.buffer);
    expect(Array.from(room)).toEqual(new Array(7 * 6 - 1).fill(9));
    expect(Array.from({ length: 6 }, (_, k) => at[4 * k])).toEqual([0, 1, 3, 4, 2, 5]);
  });
});

describe("depthFirst reads members 0..n-1 only: the records may have room for more", () => {
  test("the founder alone in records with room for three more (zeros, as the network reserves them)", () => {
    // Slots 1 to 3 are not members: the founder is still alone at depth 0, not the parent of a fourth.
    const { at, maxDepth } = depthFirst(new Int32Array([-1, 0, 0, 0]), 1, 1, recordsOf([[0, 37]]));
    expect(Array.from(at)).toEqual([0, -1, 0, 37 * 65536]);
    expect(maxDepth).toBe(0);
  });

  test("records past the last member left over from a bigger tree are not read", () => {
    //     0
    //    / \
    //   1   3
    //   |
    //   2
    // Pre-order: 0, 1, 2, 3; parents' positions 0, 1, 0. Slots 4 and 5 still name member 1 as sponsor,
    // as a bigger tree would have left them: read, they would change 1's subtree size or take a
    // position, and 3 would land on another member's.
    const parents = new Int32Array([-1, 0, 1, 0, 1, 1]);
    const { at, maxDepth } = depthFirst(parents, 1, 4, new Uint16Array(48));
    expect(Array.from({ length: 4 }, (_, k) => [at[4 * k], at[4 * k + 1], at[4 * k + 2] / 2])).toEqual([
      [0, -1, 0],
      [1, 0, 1],
      [2, 1, 2],
      [3, 0, 1],
    ]);
    expect(maxDepth).toBe(2);
  });
});

describe("monthsPerPass: every month in one pass while a row per depth fits in 2^20 cells", () => {
  test.each([
    // [max depth, months, months a pass]: 2^20 = 1,048,576 cells over (depth + 1) rows.
    [0, 36, 36],
    [40, 36, 36],
    [29126, 36, 36], // 29,127 rows x 36 = 1,048,572 cells: fits
    [29127, 36, 35], // 29,128 rows: 1,048,576 / 29,128 = 35.99
    [1199, 1200, 873], // 1,048,576 / 1,200 = 873.8
    [1048575, 36, 1], // 2^20 rows: 1 month a pass
    [5000000, 36, 1], // never fewer than one month
  ])("depth %d over %d months: %d a pass", (depth, months, expected) => {
    expect(monthsPerPass(depth, months)).toBe(expected);
  });
});
