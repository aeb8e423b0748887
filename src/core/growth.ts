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
  const rows: Array<[number, number, number, number, number]> = [];
  let active = startMembers;
  let joined = startMembers;
  for (let month = 1; month <= months; month++) {
    const added = recruited(recruitsPerMemberPerMonth, active, joined, cap);
    const dropped = monthlyAttrition * active;
    active = max(0, active + added - dropped);
    joined = added === cap - joined ? cap : joined + added; // land on the cap exactly
    if (!finite(active) || !finite(joined)) tooLarge(month);
    rows.push([month, added, dropped, active, joined]);
  }
  return rows;
}

/** One month of your own team's projection, with the recruiting figures the table leaves out. */
export interface ProjectedMonth {
  readonly month: number;
  /** New members this month: recruits x (1 + team last month) x the market factor, never past the cap. */
  readonly added: number;
  readonly dropped: number;
  readonly team: number;
  /** Everyone who ever joined, you included: what the market factor counts against the cap. */
  readonly joined: number;
  readonly teamVolume: number;
  readonly commission: number;
  readonly cost: number;
  readonly net: number;
  readonly cumulativeNet: number;
}

/**
 * What your own team earns you, month by month: you stay and recruit too, your team starts at 0.
 * new = recruits x (1 + team(t-1)) x max(0, 1 - joined(t-1) / cap), never past the cap, where
 * joined(0) = 1 (you); dropped = attrition x team(t-1); team = team(t-1) + new - dropped; team
 * volume = team x volume; commission = team volume x payout rate; net = commission - cost.
 * The Downline Projection template writes this recurrence as native formulas, one row a month, in
 * this order of operations, so a spreadsheet recomputes the same figures (see PROJECTION below).
 */
export function projectionMonths(
  recruitsPerMemberPerMonth: number,
  months: number,
  volumePerMember: number,
  payoutRate: number,
  monthlyCost = 0,
  monthlyAttrition = 0,
  populationCap?: number
): ProjectedMonth[] {
  const cap = populationCap ?? NO_CAP;
  const rows: ProjectedMonth[] = [];
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
    rows.push({ month, added, dropped, team, joined: everJoined, teamVolume, commission, cost: monthlyCost, net, cumulativeNet });
  }
  return rows;
}

/**
 * PROJECTION's table of projectionMonths. Rows: month, team, team volume, commission, cost, net,
 * cumulative net.
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
  return projectionMonths(recruitsPerMemberPerMonth, months, volumePerMember, payoutRate, monthlyCost, monthlyAttrition, populationCap).map((m) => [
    m.month,
    m.team,
    m.teamVolume,
    m.commission,
    m.cost,
    m.net,
    m.cumulativeNet,
  ]);
}
