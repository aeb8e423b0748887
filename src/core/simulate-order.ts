/**
 * A tree of members (the sponsorship, or a plan's placement) numbered depth first, so that the
 * plans that pay month by month can pay one member at a time, all its months at once.
 *
 * In join order a member's parent is anywhere before it, so a month's pass that adds each member
 * into its parent jumps across the whole network: a cache miss per member per month. Depth first,
 * a member's subtree is the run of positions just after it, so going down the positions
 * (children before parents) only the members on the path from the root to the current one are
 * ever open: each keeps one small row of per-month sums (its legs, its group) at its depth, a few
 * rows in all, all in cache (see `monthRows`).
 */
export interface DepthFirst {
  /**
   * Four numbers per position k, side by side (the passes read them in order, one cache line for
   * four positions): at[4k] the member there (pre-order: a member, then its subtrees), at[4k + 1] the
   * position of its parent (-1 for the founder at 0), at[4k + 2] its depth below the founder x 2
   * plus its side (the `side` given: a binary's leg, 0 or 1; else 0),
   * at[4k + 3] its stay: join month + 65536 x last month (the records' `shorts[8i + 2]` and `shorts[8i + 3]`).
   */
  at: Int32Array;
  maxDepth: number;
}

/**
 * The members 0..n-1 of a tree depth first: the parent of i is at `parents[stride x i]`, before it
 * (parent < i), and member 0, the founder, is the root; `shorts` are the network's records, and
 * `side` (if given) a number 0 or 1 per member carried into its position's record. Children in join order.
 * `room`, if given and of at least 7n cells, holds the result and the work instead of new arrays.
 *
 * No stack and no lists of children: subtree sizes first (children before parents, from the last
 * member), then each member's position is its parent's next free one, and the parent's next free
 * one moves past the member's subtree. Two passes, each touching one parent's entry per member.
 */
export function depthFirst(parents: Int32Array, stride: number, n: number, shorts: Uint16Array, side?: Uint8Array, room?: Int32Array): DepthFirst {
  // Memory already touched (a binary's placement rows, no longer needed) when it is given: the
  // system maps a new page on its first write, and on this scale that costs more than the pass.
  // Every cell below is written before it is read, the founder's included, so old contents do not matter.
  const fits = room !== undefined && room.length >= 7 * n;
  const at = fits ? room.subarray(0, 4 * n) : new Int32Array(4 * n);
  // Per member, side by side: its position, the next free position in its subtree, its depth. The
  // middle one holds the subtree's size until the member is placed (one array less to fill).
  const place = fits ? room.subarray(4 * n, 7 * n) : new Int32Array(3 * n);
  for (let i = 0; i < n; i++) place[3 * i + 1] = 1;
  for (let i = n - 1; i > 0; i--) place[3 * parents[stride * i] + 1] += place[3 * i + 1];
  place[0] = 0;
  place[1] = 1;
  place[2] = 0;
  at[0] = 0;
  at[1] = -1;
  at[2] = 0;
  at[3] = shorts[2] | (shorts[3] << 16);
  let maxDepth = 0;
  for (let i = 1; i < n; i++) {
    const p = 3 * parents[stride * i];
    const k = place[p + 1];
    place[p + 1] = k + place[3 * i + 1]; // past i's subtree: its size, read before i's own next free is set below
    const d = place[p + 2] + 1;
    place[3 * i] = k;
    place[3 * i + 1] = k + 1;
    place[3 * i + 2] = d;
    at[4 * k] = i;
    at[4 * k + 1] = place[p];
    at[4 * k + 2] = 2 * d + (side ? side[i] : 0);
    at[4 * k + 3] = shorts[8 * i + 2] | (shorts[8 * i + 3] << 16);
    if (d > maxDepth) maxDepth = d;
  }
  return { at, maxDepth };
}

/** At most this many cells of per-month rows are held at once (8 MB of doubles). */
const MONTH_ROW_CELLS = 1 << 20;

/**
 * How many months each pass over the tree pays: all of them when a row per depth fits in
 * MONTH_ROW_CELLS, else fewer, each pass then carrying on from the last (a network's depth is at
 * most months x (log2 members + 2): a sponsor joins before its recruits, and a placement goes at
 * most that many levels under the sponsor, so this is rarely below the months).
 */
export function monthsPerPass(maxDepth: number, months: number): number {
  return Math.max(1, Math.min(months, Math.floor(MONTH_ROW_CELLS / (maxDepth + 1))));
}
