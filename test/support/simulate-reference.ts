/**
 * A second engine for the SIMULATE plans: the model of docs/simulate.md written the slow, obvious
 * way, month by month and member by member, sharing no code with src/core (its own generator,
 * its own samplers, its own placement by literal breadth-first search, its own pay rules). The
 * tests hold the fast engine against it member by member on the same history, and in distribution
 * over many seeds; `npm run bench` times it beside the fast engine.
 *
 * Rules and where they come from (issue 10): history as SIMULATE's (each active member draws
 * Poisson(m x its share of the propensity) recruits, the room shared at random, a coin per member
 * for attrition); unilevel: the upline k sponsors up earns rate k x volume; matrix: first open
 * position breadth-first, left to right, under the sponsor, paid by placement; binary: the sponsor's
 * leg with fewer members placed (left on a tie), first open position breadth-first in it, paid as
 * BIZ.BINARY (carry, weaker leg matched, rate, cap, flush); stair-step as BIZ.STAIRSTEP on group
 * volumes by sponsorship. A member who quit sells nothing and is paid nothing.
 */

export interface RefHistory {
  months: number;
  sponsor: number[];
  /** Join month (0 for the founder). */
  join: number[];
  /** Last month active (months if still in). */
  last: number[];
  /** Still in after the last month. */
  stays: boolean[];
}

/** A run of the engine as the reference reads it: its records copied out, nothing of its code. */
export function refHistoryOf(run: {
  params: { months: number };
  sponsor: ArrayLike<number>;
  joinMonth: ArrayLike<number>;
  lastMonth: ArrayLike<number>;
  active: ArrayLike<number>;
}): RefHistory {
  return {
    months: run.params.months,
    sponsor: Array.from(run.sponsor),
    join: Array.from(run.joinMonth),
    last: Array.from(run.lastMonth),
    stays: Array.from(run.active, (a) => a === 1),
  };
}

export type RefPlan =
  | { kind: "unilevel"; levelRates: number[] }
  | { kind: "matrix"; width: number; levelRates: number[] }
  | { kind: "binary"; rate: number; cap?: number; flush?: boolean }
  | { kind: "stairstep"; thresholds: number[]; rates: number[] };

/** mulberry32: a small seeded generator, not the engine's. */
export function refRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson by multiplying uniforms (Knuth): fine for the small means of these tests. */
function poissonKnuth(u: () => number, mean: number): number {
  if (!(mean > 0)) return 0;
  const limit = Math.exp(-mean);
  let k = 0;
  let p = u();
  while (p > limit) {
    k++;
    p *= u();
  }
  return k;
}

/**
 * The history month by month. `spread` 0 or 1 only: at 1 each member's propensity is Exp(1), the
 * gamma law of mean 1 and variance 1 (shape 1), drawn as -log(U): no gamma sampler needed.
 */
export function referenceHistory(p: { members: number; months: number; recruits: number; attrition: number; spread: 0 | 1 }, seed: number): RefHistory {
  const u = refRandom(seed);
  const h: RefHistory = { months: p.months, sponsor: [-1], join: [0], last: [p.months], stays: [true] };
  const weight = [p.spread === 1 ? -Math.log(1 - u()) : 1];
  let active = [0];
  for (let t = 1; t <= p.months; t++) {
    const joined = h.sponsor.length;
    const m = p.recruits * (1 - joined / p.members);
    const totalWeight = active.reduce((s, i) => s + weight[i], 0);
    // Each active member draws its own Poisson number of recruits.
    const recruits: number[] = [];
    for (const i of active) {
      const mean = totalWeight > 0 ? (m * active.length * weight[i]) / totalWeight : m;
      const k = poissonKnuth(u, mean);
      for (let j = 0; j < k; j++) recruits.push(i);
    }
    // More recruits than room: a random `room` of them join (Fisher-Yates).
    const room = p.members - joined;
    for (let j = recruits.length - 1; j > 0; j--) {
      const r = Math.floor(u() * (j + 1));
      [recruits[j], recruits[r]] = [recruits[r], recruits[j]];
    }
    const newcomers: number[] = [];
    for (const s of recruits.slice(0, Math.max(0, room))) {
      h.sponsor.push(s);
      h.join.push(t);
      h.last.push(p.months);
      h.stays.push(true);
      weight.push(p.spread === 1 ? -Math.log(1 - u()) : 1);
      newcomers.push(h.sponsor.length - 1);
    }
    // Everyone active this month, the newcomers included, flips a coin; the founder never quits.
    const next: number[] = [];
    for (const i of [...active, ...newcomers]) {
      if (i !== 0 && u() < p.attrition) {
        h.last[i] = t;
        h.stays[i] = false;
      } else next.push(i);
    }
    active = next;
  }
  return h;
}

const activeIn = (h: RefHistory, i: number, t: number) => Math.max(h.join[i], 1) <= t && t <= h.last[i];

/** Children lists of a parent array. */
function childrenOf(parent: number[]): number[][] {
  const kids: number[][] = parent.map(() => []);
  parent.forEach((p, i) => p >= 0 && kids[p].push(i));
  return kids;
}

/** First position with fewer than `width` children, breadth-first, left to right, from `root`. */
function firstOpenBfs(kids: number[][], root: number, width: number): number {
  const queue = [root];
  for (let q = 0; q < queue.length; q++) {
    if (kids[queue[q]].length < width) return queue[q];
    queue.push(...kids[queue[q]]);
  }
  throw new Error("no open position");
}

function subtreeSize(kids: number[][], root: number): number {
  let n = 1;
  for (const c of kids[root]) n += subtreeSize(kids, c);
  return n;
}

/** Matrix placement: in join order, under the first open position breadth-first under the sponsor. */
export function referenceMatrixPlacement(h: RefHistory, width: number): number[] {
  const parent = [-1];
  const kids: number[][] = [[]];
  for (let i = 1; i < h.sponsor.length; i++) {
    const p = firstOpenBfs(kids, h.sponsor[i], width);
    parent.push(p);
    kids.push([]);
    kids[p].push(i);
  }
  return parent;
}

/** Binary placement: the sponsor's leg with fewer members placed (left on a tie), first open position breadth-first in it. */
export function referenceBinaryPlacement(h: RefHistory): { parent: number[]; kids: number[][] } {
  const parent = [-1];
  const kids: number[][] = [[]];
  for (let i = 1; i < h.sponsor.length; i++) {
    const s = h.sponsor[i];
    let p: number;
    if (kids[s].length < 2) p = s;
    else {
      const [left, right] = kids[s];
      p = firstOpenBfs(kids, subtreeSize(kids, left) <= subtreeSize(kids, right) ? left : right, 2);
    }
    parent.push(p);
    kids.push([]);
    kids[p].push(i);
  }
  return { parent, kids };
}

function activeBelow(kids: number[][], h: RefHistory, root: number, t: number): number {
  let n = activeIn(h, root, t) ? 1 : 0;
  for (const c of kids[root]) n += activeBelow(kids, h, c, t);
  return n;
}

export interface RefPay {
  commissions: number[];
  lastMonth: number[];
  placement?: number[];
}

/** Every member's commissions, month by month, sale by sale. */
export function referencePay(h: RefHistory, plan: RefPlan, volume: number): RefPay {
  const n = h.sponsor.length;
  const commissions = new Array<number>(n).fill(0);
  const lastMonth = new Array<number>(n).fill(0);
  const earn = (i: number, t: number, amount: number) => {
    commissions[i] += amount;
    if (t === h.months) lastMonth[i] += amount;
  };
  if (plan.kind === "unilevel" || plan.kind === "matrix") {
    const up = plan.kind === "matrix" ? referenceMatrixPlacement(h, plan.width) : h.sponsor;
    for (let t = 1; t <= h.months; t++) {
      for (let seller = 0; seller < n; seller++) {
        if (!activeIn(h, seller, t)) continue;
        let a = up[seller];
        for (let k = 0; k < plan.levelRates.length && a >= 0; k++, a = up[a]) if (activeIn(h, a, t)) earn(a, t, volume * plan.levelRates[k]);
      }
    }
    return { commissions, lastMonth, placement: plan.kind === "matrix" ? up : undefined };
  }
  if (plan.kind === "binary") {
    const { parent, kids } = referenceBinaryPlacement(h);
    const carry = parent.map(() => [0, 0]);
    for (let t = 1; t <= h.months; t++) {
      for (let a = 0; a < n; a++) {
        if (!activeIn(h, a, t)) continue;
        const legs = [0, 1].map((side) => (kids[a][side] === undefined ? 0 : activeBelow(kids, h, kids[a][side], t) * volume));
        // BIZ.BINARY for one period (docs/comp-plans.md): add, match the weaker, pay, cap, carry.
        const c = carry[a];
        c[0] += legs[0];
        c[1] += legs[1];
        const matched = Math.min(c[0], c[1]);
        let pay = matched * plan.rate;
        let paidOn = matched;
        if (plan.cap !== undefined && pay > plan.cap) {
          pay = plan.cap;
          paidOn = plan.cap / plan.rate;
        }
        const leaving = plan.flush ? matched : paidOn;
        c[0] = Math.max(0, c[0] - leaving);
        c[1] = Math.max(0, c[1] - leaving);
        earn(a, t, pay);
      }
    }
    return { commissions, lastMonth, placement: parent };
  }
  // Stair-step: group volumes by sponsorship.
  const kids = childrenOf(h.sponsor);
  const rateOf = (v: number) => {
    let r = 0;
    plan.thresholds.forEach((th, k) => v >= th - 1e-9 * Math.max(1, th) && (r = plan.rates[k]));
    return r;
  };
  for (let t = 1; t <= h.months; t++) {
    for (let a = 0; a < n; a++) {
      if (!activeIn(h, a, t)) continue;
      const legs = kids[a].map((c) => activeBelow(kids, h, c, t) * volume);
      const group = volume + legs.reduce((s, x) => s + x, 0);
      const rate = rateOf(group);
      let pay = rate * volume;
      for (const leg of legs) if (rateOf(leg) < rate) pay += (rate - rateOf(leg)) * leg;
      earn(a, t, pay);
    }
  }
  return { commissions, lastMonth };
}
