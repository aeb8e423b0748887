import { outOfRange } from "./errors";

// Builtins read once per module: in a sandboxed host (jest's vm context, the custom-functions stand-in)
// every global lookup such as Math.min goes through the sandbox and costs ~150 ns, ten times the
// arithmetic of a row; these loops run up to 1200 times a call.
const { min, max } = Math;
const finite = Number.isFinite;
const NO_CAP = Infinity;

/**
 * A downline month by month, with attrition and a saturating market: each month every active member
 * recruits at a rate that falls as the people who ever joined approach the population cap, and a
 * share of last month's members drops out. Members are expectations, so they are not rounded.
 * Inputs arrive already validated against their domains (domains.ts); figures too large for a number
 * are refused rather than returned as Infinity.
 */

/**
 * New members one month: recruits x recruiters x (1 - joined / cap), and never past the cap.
 * `joined` counts everyone who ever joined, including whoever the recruiting started from.
 */
function recruited(recruitsPerMember: number, recruiters: number, joined: number, cap: number): number {
  if (cap === NO_CAP) return recruitsPerMember * recruiters;
  if (joined >= cap) return 0;
  // The market factor is above 0 here, so an enormous recruits x recruiters is Infinity, never NaN.
  const added = recruitsPerMember * recruiters * (1 - joined / cap);
  return min(added, cap - joined);
}

function tooLarge(month: number): never {
  throw outOfRange(`the team passes the largest number a spreadsheet can hold by month ${month}; give a population cap or fewer months`);
}

/**
 * Rows of month, new, dropped, active, total joined. active(0) = joined(0) = start; new = recruits x
 * active(t-1) x max(0, 1 - joined(t-1) / cap), never past the cap; dropped = attrition x active(t-1);
 * active(t) = active(t-1) + new - dropped.
 * DOWNLINEGROWTH(0.5, 2, 0.1) = [1, 0.5, 0.1, 1.4, 1.5], [2, 0.7, 0.14, 1.96, 2.2].
 */
export function growth(
  recruitsPerMemberPerMonth: number,
  months: number,
  monthlyAttrition = 0,
  populationCap?: number,
  startMembers = 1
): Array<[number, number, number, number, number]> {
  const cap = populationCap ?? NO_CAP;
  const rows = new Array<[number, number, number, number, number]>(months);
  let active = startMembers;
  let joined = startMembers;
  for (let month = 1; month <= months; month++) {
    const added = recruited(recruitsPerMemberPerMonth, active, joined, cap);
    const dropped = monthlyAttrition * active;
    active = max(0, active + added - dropped);
    joined = added === cap - joined ? cap : joined + added; // land on the cap exactly
    if (!finite(active) || !finite(joined)) tooLarge(month);
    rows[month - 1] = [month, added, dropped, active, joined];
  }
  return rows;
}

/**
 * What your own team earns you, month by month: you stay and recruit too, your team starts at 0.
 * new = recruits x (1 + team(t-1)) x max(0, 1 - (1 + joined(t-1)) / cap); dropped = attrition x
 * team(t-1); team volume = team x volume; commission = team volume x payout rate; net = commission
 * - cost. Rows: month, team, team volume, commission, cost, net, cumulative net.
 * PROJECTION(0.5, 2, 100, 0.1, 50): team 0.5 then 1.25, net -45 then -37.5, cumulative -82.5.
 */
export function projection(
  recruitsPerMemberPerMonth: number,
  months: number,
  volumePerMember: number,
  payoutRate: number,
  monthlyCost = 0,
  monthlyAttrition = 0,
  populationCap?: number
): Array<[number, number, number, number, number, number, number]> {
  const cap = populationCap ?? NO_CAP;
  const rows = new Array<[number, number, number, number, number, number, number]>(months);
  let team = 0;
  let everJoined = 1; // you, then everyone your team ever recruited
  let cumulativeNet = 0;
  for (let month = 1; month <= months; month++) {
    const added = recruited(recruitsPerMemberPerMonth, 1 + team, everJoined, cap);
    const dropped = monthlyAttrition * team;
    team = max(0, team + added - dropped);
    everJoined = added === cap - everJoined ? cap : everJoined + added;
    const teamVolume = team * volumePerMember;
    const commission = teamVolume * payoutRate;
    const net = commission - monthlyCost;
    cumulativeNet += net;
    // A team volume of Infinity would make the commission NaN at a payout of 0: refuse it here.
    if (!finite(teamVolume) || !finite(everJoined) || !finite(cumulativeNet)) tooLarge(month);
    rows[month - 1] = [month, team, teamVolume, commission, monthlyCost, net, cumulativeNet];
  }
  return rows;
}
