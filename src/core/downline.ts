import { outOfRange } from "./errors";

// Builtins read once per module: in a sandboxed host (jest's vm context, the custom-functions stand-in)
// every global lookup such as Math.min goes through the sandbox and costs ~150 ns, ten times the
// arithmetic of a row; these loops run up to 1200 times a call.
const { min } = Math;
const finite = Number.isFinite;
const NO_CAP = Infinity;

/**
 * How a downline fills, level by level, and what a level-based (unilevel) plan pays on it.
 * A level is 1 for the people you sponsor, 2 for the people they sponsor, and so on. Inputs arrive
 * already validated against their domains (domains.ts); what is checked here is only what a single
 * input cannot show, and figures too large for a number, which are refused rather than returned as
 * Infinity. Members are expectations (an average of 1.5 recruits is allowed), so they are not rounded.
 */

/** Most positions a matrix may have: beyond 2^53 whole counts are no longer exact numbers. */
export const MAX_MATRIX_POSITIONS = Number.MAX_SAFE_INTEGER;

function tooLarge(what: string, level: number): never {
  throw outOfRange(`${what} passes the largest number a spreadsheet can hold at level ${level}; give a population cap or fewer levels`);
}

/**
 * Members at each level when everyone recruits `recruitsPerMember` and `retention` of them stay:
 * level 1 = recruits x retention, each next level = the previous x recruits x retention. With a
 * population cap, the level that would pass it gets only what is left and deeper levels get 0.
 * DOWNLINE(3, 7) ends with [7, 2187, 3279].
 */
export function downline(recruitsPerMember: number, levels: number, retention = 1, populationCap?: number): Array<[number, number, number]> {
  const cap = populationCap ?? NO_CAP;
  const growth = recruitsPerMember * retention;
  const rows: Array<[number, number, number]> = [];
  let members = 1; // you, at level 0: level 1 grows from here
  let cumulative = 0;
  for (let level = 1; level <= levels; level++) {
    members *= growth;
    const left = cap - cumulative;
    if (members >= left) {
      // This level reaches the cap: it takes what is left; the min keeps deeper levels at 0.
      members = left;
      cumulative = cap;
    } else {
      cumulative += members;
    }
    if (!finite(cumulative)) tooLarge("the downline", level);
    rows.push([level, members, cumulative]);
  }
  return rows;
}

/**
 * A forced matrix `width` wide and `depth` deep: level k holds width^k positions, filled level by
 * level (spillover) with `members` people (default: full; more than it holds fills it).
 * MATRIX(3, 3, 20) = [1, 3, 3], [2, 9, 9], [3, 27, 8].
 */
export function matrix(width: number, depth: number, members?: number): Array<[number, number, number]> {
  const rows: Array<[number, number, number]> = [];
  let left = members ?? NO_CAP;
  let capacity = 1;
  let positions = 0;
  for (let level = 1; level <= depth; level++) {
    capacity *= width;
    positions += capacity;
    if (positions > MAX_MATRIX_POSITIONS) {
      throw outOfRange(
        `a matrix ${width} wide and ${depth} deep has more than ${MAX_MATRIX_POSITIONS} positions (passed at level ${level}); choose a smaller width or depth`
      );
    }
    const filled = min(capacity, left);
    left -= filled;
    rows.push([level, capacity, filled]);
  }
  return rows;
}

/**
 * A unilevel payout: the sum over levels of members x volume per member x that level's rate.
 * Levels beyond the rates pay nothing, and rates beyond the levels find nobody to pay on.
 * LEVELPAY({3; 9; 27}, 100, {0.1, 0.05, 0.02}) = 30 + 45 + 54 = 129.
 */
export function levelPay(levelMembers: readonly number[], volumePerMember: number, levelRates: readonly number[]): number {
  const n = min(levelMembers.length, levelRates.length);
  let total = 0;
  // volume x rate first: it never overflows (a rate is at most 1), so a level with rate 0 pays 0
  // even on a huge membership instead of Infinity x 0 = NaN.
  for (let i = 0; i < n; i++) total += levelMembers[i] * (volumePerMember * levelRates[i]);
  if (!finite(total)) throw outOfRange("the commission passes the largest number a spreadsheet can hold");
  return total;
}
