import { AMOUNT, ANY_NUMBER, CAP, LEVELS, MONTHS, NETWORK_SIZE, RECRUITS, SEED, SHARE, SPREAD, WIDTH, checkIn } from "./domains";
import { wrongKind } from "./errors";
import { ExplicitHistory, HistoryParams, Network, grow, networkOf } from "./simulate-history";
import { placeBinary } from "./simulate-legs";
import { PayOut, binaryPay, levelPay, placeMatrix, stairStepPay } from "./simulate-pay";
import { MemberRecords, Money, Report, SimulationSummary, bracketRows, percentileRows, summarize as summarizeRecords, summaryRows } from "./simulate-report";
import { stairStepRate } from "./plans";

export { ExplicitHistory } from "./simulate-history";
export {
  BRACKET_EDGES,
  GOAL_LABEL,
  REPORTS,
  REPORT_PERCENTILES,
  Report,
  SIMULATION_KINDS,
  SIMULATION_LABELS,
  SimulationSummary,
  bracketRows,
  monthsIn,
  netsOf,
  percentileRows,
  percentiles,
  selectRanks,
  summaryRows,
} from "./simulate-report";

/**
 * SIMULATE and its plans: the honest reality check. A member-by-member Monte Carlo of a network
 * that grows from one founder, with saturation and attrition, paying the plan the user is in; it
 * reports what the typical member nets, not what the founder earns. The model (docs/simulate.md
 * has the reasons):
 *
 * Month 0: the founder alone. Each month t = 1..months, in this order:
 * 1. Recruit. Every member active at the start of the month draws Poisson(m) recruits with
 *    m = recruits x (1 - joined / members), `joined` counting everyone who ever joined, the founder
 *    included. By Poisson splitting this is one Poisson(m x active) total whose recruits each pick a
 *    sponsor among those active members: uniformly, or with a recruiting spread in proportion to
 *    each member's lifelong propensity (gamma, mean 1, variance = spread). When the total exceeds
 *    the room left (members - joined) only that many join: the room is shared at random among the
 *    month's recruits, no member gets priority by seniority. Recruits of this month recruit from next month.
 * 2. Sell, pay and earn. Every active member, this month's recruits included, sells the volume and
 *    pays the monthly cost, and is paid by the plan (simulate-pay.ts). A member who quit sells
 *    nothing and is paid nothing; volume passes through its position to the active members above;
 *    a share owed to a quitter is paid to no one.
 * 3. Drop. Every active member but the founder, this month's recruits included, leaves with
 *    probability `attrition` and never comes back.
 *
 * A member's net is the commissions earned minus the costs paid over their months in.
 *
 * The history is drawn first (simulate-history.ts: O(members + months), one step per join and per
 * drop), then the plan pays from it (simulate-pay.ts), so every plan sees the same people.
 */

/** What every plan's simulation takes: the market, its dynamics, and the money. */
export interface NetworkParams {
  /** Most people the network can ever hold, the founder included: 1..1,000,000. */
  members: number;
  /** Months simulated: 1..1200. */
  months: number;
  /** Average recruits per active member per month in an empty market; 0 or more. */
  recruitsPerMemberPerMonth: number;
  /** Probability that an active member (not the founder) leaves in a month: 0..1. */
  monthlyAttrition: number;
  /** Volume each active member sells a month. */
  volumePerMember: number;
  /** What each active member pays a month (kit, autoship, fees). */
  monthlyCost: number;
  /** Whole number 0..2^53-1; the same seed gives the same answer. Default DEFAULT_SEED. */
  seed?: number;
  /** Variance of the members' recruiting propensities (gamma, mean 1), 0..100; default 0: everyone alike. */
  recruitingSpread?: number;
  /** A monthly net income: the summary adds the share of members at it. Default none. */
  goal?: number | null;
}

/** SIMULATE's parameters: a unilevel plan of level rates. */
export interface SimulationParams extends NetworkParams {
  /** Rate paid on the volume at level 1 (your recruits), 2, ...: each 0..1; 1 to 100 of them. */
  levelRates: readonly number[];
}

/** The plans the simulation pays, each with its own parameters. */
export type CompPlan =
  | { kind: "unilevel"; levelRates: readonly number[] }
  | { kind: "matrix"; width: number; levelRates: readonly number[] }
  | { kind: "binary"; rate: number; cap?: number | null; flush?: boolean }
  | { kind: "stairstep"; thresholds: readonly number[]; rates: readonly number[] };

export type PlanKind = CompPlan["kind"];

/** The network parameters once checked, every default applied. */
export interface CheckedNetwork extends HistoryParams, Money {}

/** The seed when none is given: a fixed one, so that a sheet shows the same figures on every recalculation. */
export const DEFAULT_SEED = 1;

/** Checks the network parameters against their domains (#NUM! messages name the input). */
export function checkNetwork(p: NetworkParams): CheckedNetwork {
  return {
    members: checkIn(NETWORK_SIZE, p.members, "members"),
    months: checkIn(MONTHS, p.months, "months"),
    recruitsPerMemberPerMonth: checkIn(RECRUITS, p.recruitsPerMemberPerMonth, "recruits_per_member_per_month"),
    monthlyAttrition: checkIn(SHARE, p.monthlyAttrition, "monthly_attrition"),
    volumePerMember: checkIn(AMOUNT, p.volumePerMember, "volume_per_member"),
    monthlyCost: checkIn(AMOUNT, p.monthlyCost, "monthly_cost"),
    seed: checkIn(SEED, p.seed ?? DEFAULT_SEED, "seed"),
    recruitingSpread: checkIn(SPREAD, p.recruitingSpread ?? 0, "recruiting_spread"),
    goal: p.goal === undefined || p.goal === null ? undefined : checkIn(ANY_NUMBER, p.goal, "goal"),
  };
}

function checkLevelRates(rates: readonly number[]): number[] {
  const levelRates = rates.map((r) => checkIn(SHARE, r, "each level rate"));
  checkIn(LEVELS, levelRates.length, "the number of level rates");
  return levelRates;
}

/** Checks a plan's own parameters (#NUM! out of range, #VALUE! for schedules that do not fit together). */
export function checkPlan(plan: CompPlan): CompPlan {
  switch (plan.kind) {
    case "unilevel":
      return { kind: "unilevel", levelRates: checkLevelRates(plan.levelRates) };
    case "matrix":
      return { kind: "matrix", width: checkIn(WIDTH, plan.width, "width"), levelRates: checkLevelRates(plan.levelRates) };
    case "binary":
      return {
        kind: "binary",
        rate: checkIn(SHARE, plan.rate, "binary_rate"),
        cap: plan.cap === undefined || plan.cap === null ? undefined : checkIn(CAP, plan.cap, "cap"),
        flush: plan.flush ?? false,
      };
    case "stairstep": {
      const thresholds = plan.thresholds.map((t) => checkIn(AMOUNT, t, "each threshold"));
      const rates = plan.rates.map((r) => checkIn(SHARE, r, "each rate"));
      if (thresholds.length === 0) throw wrongKind("thresholds has no numbers");
      stairStepRate(0, thresholds, rates); // same length, ascending: STAIRSTEP's own checks
      return { kind: "stairstep", thresholds, rates };
    }
  }
}

/** Checks SIMULATE's parameters (a unilevel plan) against their domains. */
export function checkParams(p: SimulationParams): CheckedNetwork & { levelRates: number[] } {
  const levelRates = checkLevelRates(p.levelRates);
  return { ...checkNetwork(p), levelRates };
}

/** What a run leaves behind: every member's history and pay, with the parameters it ran with. */
export interface SimulationRun extends MemberRecords {
  params: CheckedNetwork;
  plan: CompPlan;
  /** Where each member was placed (matrix: the position above; binary: the position above, `side` 0 left or 1 right). */
  placement?: Int32Array;
  side?: Uint8Array;
}

/** How the async runs pause and stop. */
export interface RunOptions {
  /** Pause for the event loop whenever this many milliseconds of work have passed (default 50). */
  yieldEveryMs?: number;
  /** Asked between slices of work; when it returns true the run stops with a SimulationCanceled error. */
  isCanceled?: () => boolean;
}

/** Thrown by a run that was canceled (Excel cancels a call whose inputs changed). */
export class SimulationCanceled extends Error {
  constructor() {
    super("the simulation was canceled");
    this.name = "SimulationCanceled";
  }
}

/**
 * Pays one plan over a history, the chain in `net.ints` rewritten for a matrix: its sponsors are
 * copied first into `out.sponsor`, unless the caller already holds them (`sponsor`).
 */
function* payPlan(net: Network, plan: CompPlan, volume: number, wantLastMonth: boolean, sponsor?: Int32Array): Generator<void, PayOut, void> {
  const out: PayOut = { lastMonth: new Float64Array(net.joined), wantLastMonth };
  switch (plan.kind) {
    case "unilevel":
      yield* levelPay(net, plan.levelRates, volume, out);
      break;
    case "matrix": {
      const parent = yield* placeMatrix(net, plan.width);
      out.sponsor = sponsor ?? sponsorsOf(net);
      for (let i = 0; i < net.joined; i++) net.ints[4 * i] = parent[i];
      out.placement = parent;
      yield* levelPay(net, plan.levelRates, volume, out);
      break;
    }
    case "binary": {
      const { parent, side, spare } = yield* placeBinary(net);
      out.placement = parent;
      out.side = side;
      yield* binaryPay(net, parent, side, volume, { rate: plan.rate, cap: plan.cap ?? Infinity, flush: plan.flush ?? false }, out, spare);
      break;
    }
    case "stairstep":
      yield* stairStepPay(net, volume, plan, out);
      break;
  }
  return out;
}

/** Each member's sponsor, copied out before a plan rewrites the chain. */
function sponsorsOf(net: Network): Int32Array {
  const { ints, joined } = net;
  const sponsor = new Int32Array(joined);
  for (let i = 0; i < joined; i++) sponsor[i] = ints[4 * i];
  return sponsor;
}

/**
 * A copy of the history's records, for paying one more plan on the same people. The history itself
 * is never paid (each plan is paid on a copy), so its records still hold the sponsors and no
 * commissions: a plain copy is what the next plan needs.
 */
function copyOf(net: Network): Network {
  const copy = Object.create(Network.prototype) as Network;
  Object.assign(copy, net);
  const records = new Int32Array(net.ints.subarray(0, 4 * net.joined));
  copy.ints = records;
  copy.shorts = new Uint16Array(records.buffer);
  copy.money = new Float64Array(records.buffer);
  return copy;
}

/**
 * Each member's history and pay, copied out of the records into plain arrays. The sponsors come
 * from the records too unless held already (`shared`, or copied by the plan that rewrote them,
 * `out.sponsor`): one loop fewer over a million members, which on a first call also runs in the
 * interpreter for a while.
 */
function recordsOf(net: Network, params: CheckedNetwork, plan: CompPlan, out: PayOut, shared?: Int32Array): SimulationRun {
  const n = net.joined;
  const given = shared ?? out.sponsor;
  const copySponsors = given === undefined;
  const sponsor = given ?? new Int32Array(n);
  const joinMonth = new Uint16Array(n);
  const lastMonth = new Uint16Array(n);
  const active = new Uint8Array(n);
  const commissions = new Float64Array(n);
  // Read into locals first: a property read inside the loop is a load per member.
  const { ints, shorts, money, stays } = net;
  const months = params.months;
  for (let i = 0; i < n; i++) {
    if (copySponsors) sponsor[i] = ints[4 * i];
    joinMonth[i] = shorts[8 * i + 2];
    const last = shorts[8 * i + 3];
    active[i] = last === stays ? 1 : 0;
    lastMonth[i] = last === stays ? months : last;
    commissions[i] = money[2 * i + 1];
  }
  return {
    params,
    plan,
    joined: n,
    sponsor,
    joinMonth,
    lastMonth,
    active,
    commissions,
    lastMonthCommissions: out.lastMonth,
    placement: out.placement,
    side: out.side,
  };
}

/** The whole run, history then pay, as steps shared by the sync and async entry points. */
function* runPlan(params: CheckedNetwork, plan: CompPlan): Generator<void, SimulationRun, void> {
  const net = new Network(params.members, params.months, params.seed);
  yield* grow(net, params);
  const out = yield* payPlan(net, plan, params.volumePerMember, params.goal !== undefined);
  return recordsOf(net, params, plan, out);
}

function finish<T>(steps: Generator<void, T, void>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

async function finishAsync<T>(steps: Generator<void, T, void>, options: RunOptions): Promise<T> {
  const every = options.yieldEveryMs ?? 50;
  const canceled = options.isCanceled ?? (() => false);
  let since = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (canceled()) throw new SimulationCanceled();
    if (Date.now() - since >= every) {
      await pause();
      since = Date.now();
      if (canceled()) throw new SimulationCanceled();
    }
    step = steps.next();
  }
  return step.value;
}

/** Lets the event loop run: a zero timeout where timers exist (they do in Excel's runtimes and Node), else a microtask. */
function pause(): Promise<void> {
  return new Promise<void>((resolve) => (typeof setTimeout === "function" ? setTimeout(resolve, 0) : resolve()));
}

/** Runs one plan to the end and returns every member's history and pay (for tests and templates). */
export function simulatePlanMembers(params: NetworkParams, plan: CompPlan): SimulationRun {
  return finish(runPlan(checkNetwork(params), checkPlan(plan)));
}

/** The same, without holding the thread, pausing and stopping as `options` say. */
export function simulatePlanMembersAsync(params: NetworkParams, plan: CompPlan, options: RunOptions = {}): Promise<SimulationRun> {
  let steps: Generator<void, SimulationRun, void>;
  try {
    steps = runPlan(checkNetwork(params), checkPlan(plan));
  } catch (e) {
    return Promise.reject(e);
  }
  return finishAsync(steps, options);
}

/** One plan's summary, synchronously: fine for modest sizes (the templates cache a value with it). */
export function simulatePlan(params: NetworkParams, plan: CompPlan): SimulationSummary {
  return summarize(simulatePlanMembers(params, plan));
}

/** The rows of one report of a run, as the SIMULATE functions spill them. */
export function reportRows(run: SimulationRun, report: Report): Array<Array<number | string>> {
  if (report === "percentiles") return percentileRows(run, run.params);
  if (report === "brackets") return bracketRows(run, run.params);
  return summaryRows(summarize(run));
}

/** The summary figures of a run. */
export function summarize(run: SimulationRun): SimulationSummary {
  return summarizeRecords(run, run.params);
}

/** Every plan's parameters, for paying all four on one history. */
export interface AllPlans {
  unilevel: { levelRates: readonly number[] };
  matrix: { width: number; levelRates: readonly number[] };
  binary: { rate: number; cap?: number | null; flush?: boolean };
  stairstep: { thresholds: readonly number[]; rates: readonly number[] };
}

/**
 * "The same people, four plans": one history, paid by each plan, and each plan's run. The
 * Downline Projection template compares their summaries (median net, share with profit, top 1%).
 */
export function simulateAllPlanMembers(params: NetworkParams, plans: AllPlans): Record<PlanKind, SimulationRun> {
  const checked = checkNetwork(params);
  const list: CompPlan[] = [
    checkPlan({ kind: "unilevel", ...plans.unilevel }),
    checkPlan({ kind: "matrix", ...plans.matrix }),
    checkPlan({ kind: "binary", ...plans.binary }),
    checkPlan({ kind: "stairstep", ...plans.stairstep }),
  ];
  const net = new Network(checked.members, checked.months, checked.seed);
  finish(grow(net, checked));
  const sponsor = sponsorsOf(net);
  const runs = {} as Record<PlanKind, SimulationRun>;
  for (const plan of list) {
    const copy = copyOf(net);
    const out = finish(payPlan(copy, plan, checked.volumePerMember, checked.goal !== undefined, sponsor));
    runs[plan.kind] = recordsOf(copy, checked, plan, out, sponsor);
  }
  return runs;
}

/** Each plan's summary over one history (see simulateAllPlanMembers). */
export function simulateAllPlans(params: NetworkParams, plans: AllPlans): Record<PlanKind, SimulationSummary> {
  const runs = simulateAllPlanMembers(params, plans);
  return { unilevel: summarize(runs.unilevel), matrix: summarize(runs.matrix), binary: summarize(runs.binary), stairstep: summarize(runs.stairstep) };
}

/**
 * Pays a plan over a history given member by member (for worked cases): the same pay as the
 * simulation's, on people chosen by hand. `money` gives the volume, the cost and the goal.
 */
export function payHistory(
  history: ExplicitHistory,
  plan: CompPlan,
  money: { volumePerMember: number; monthlyCost: number; goal?: number | null }
): SimulationRun {
  const net = networkOf(history);
  const params = checkNetwork({ members: net.joined, months: history.months, recruitsPerMemberPerMonth: 0, monthlyAttrition: 0, ...money });
  const checked = checkPlan(plan);
  const out = finish(payPlan(net, checked, params.volumePerMember, true));
  return recordsOf(net, params, checked, out);
}

// SIMULATE as it always was: a unilevel plan of level rates.

/** Runs SIMULATE (unilevel) to the end and returns every member's history (for tests and templates). */
export function simulateMembers(params: SimulationParams): SimulationRun {
  return simulatePlanMembers(params, { kind: "unilevel", levelRates: params.levelRates });
}

/** SIMULATE, synchronously: fine for modest sizes (the templates cache a value with it). */
export function simulate(params: SimulationParams): SimulationSummary {
  return summarize(simulateMembers(params));
}

/**
 * SIMULATE without holding the thread: the same steps as `simulate`, pausing on a zero timeout
 * whenever `yieldEveryMs` have passed since the last pause, so Excel and other functions stay
 * responsive during a large run; stopping when `isCanceled` says so.
 */
export async function simulateAsync(params: SimulationParams, options: RunOptions = {}): Promise<SimulationSummary> {
  return summarize(await simulatePlanMembersAsync(params, { kind: "unilevel", levelRates: params.levelRates }, options));
}
