import { outOfRange, wrongKind } from "./errors";

/**
 * Choosing between options scored on weighted criteria (the Business Model template's five models).
 * Scores are on any common scale (the template uses 1 to 5, 5 best); weights say how much each
 * criterion counts and need not add up to anything.
 */

/**
 * The weighted average of one option's scores: sum of score x weight / sum of weights, so it stays
 * on the scores' own scale. Scores (4, 3) with weights (3, 1) give (12 + 3) / 4 = 3.75.
 */
export function weightedScore(scores: readonly number[], weights: readonly number[]): number {
  if (scores.length !== weights.length)
    throw wrongKind(`scores and weights must have the same length; scores has ${scores.length}, weights has ${weights.length}`);
  let total = 0;
  let weightTotal = 0;
  for (let i = 0; i < scores.length; i++) {
    total += scores[i] * weights[i];
    weightTotal += weights[i];
  }
  if (!(weightTotal > 0)) throw outOfRange("the weights add up to 0: give at least one criterion a weight above 0");
  return total / weightTotal;
}

/** The position of the highest score; on a tie the first, as Excel's MATCH(MAX(x), x, 0) picks it. */
export function bestIndex(scores: readonly number[]): number {
  if (scores.length === 0) throw wrongKind("there is nothing to choose from");
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}
