import { stairStepRate } from "./plans";

/**
 * What a plan pays on a downline pictured level by level (the Downline Projection template's level
 * table), for the two plans whose pay is not a rate per level: a binary (the weaker of two legs)
 * and a stair-step breakaway (rate differences on each frontline leg).
 */

/**
 * The two legs of a binary tree filled level by level, left to right (spillover, as MATRIX(2, ...)
 * fills it): level k holds 2^k positions, the left half of them in the left leg, which fills first.
 * Members per level (2, 4, 8, 6) give a left leg of 1 + 2 + 4 + 6 = 13 and a right leg of 7.
 */
export function binaryLegs(levelMembers: readonly number[]): { left: number; right: number } {
  let left = 0;
  let right = 0;
  levelMembers.forEach((members, i) => {
    const half = 2 ** i; // half of level i + 1's 2^(i + 1) positions
    left += Math.min(members, half);
    right += Math.max(0, members - half);
  });
  return { left, right };
}

/**
 * A stair-step bonus on a level table's picture of a team: your personal volume plus a team volume
 * split evenly over `legCount` frontline legs (the members at level 1; an expectation such as 1.5
 * is allowed). Your rate comes from the group volume (personal + team); each leg pays you your rate
 * less the leg's own rate, times its volume, when positive: a leg at your rate has broken away.
 * The same figure as stairStep(personal, legCount legs of teamVolume / legCount, ...) for a whole
 * count of legs.
 */
export function stairStepOnEqualLegs(
  personalVolume: number,
  legCount: number,
  teamVolume: number,
  thresholds: readonly number[],
  rates: readonly number[]
): { groupVolume: number; legVolume: number; groupRate: number; legRate: number; onPersonal: number; onLegs: number } {
  const groupVolume = personalVolume + teamVolume;
  const legVolume = legCount > 0 ? teamVolume / legCount : 0;
  const groupRate = stairStepRate(groupVolume, thresholds, rates);
  const legRate = stairStepRate(legVolume, thresholds, rates);
  const onPersonal = groupRate * personalVolume;
  const onLegs = legRate < groupRate ? legCount * (groupRate * legVolume - legRate * legVolume) : 0;
  return { groupVolume, legVolume, groupRate, legRate, onPersonal, onLegs };
}

/**
 * The share of a team's volume a plan pays you: commission / team volume, 0 for an empty team, and
 * never above 1 (a plan cannot pay out more than the volume it pays on, which PROJECTION requires).
 */
export function effectivePayoutRate(commission: number, teamVolume: number): number {
  return teamVolume > 0 ? Math.min(1, commission / teamVolume) : 0;
}
