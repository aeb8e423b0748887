/**
 * The straightforward way to pay each SIMULATE plan, for `npm run bench` to measure the fast engine
 * against in the same run: month by month, every active member every month, on the same history
 * (who joins under whom, when, and when they quit). Nothing clever: uplines walked sale by sale,
 * placements found by a breadth-first search from the sponsor for every new member, leg and group
 * volumes recounted every month. It shares no code with src/core/simulate-pay.ts; the unit tests
 * hold a still simpler engine (test/support/simulate-reference.ts) against the fast one.
 */

export interface History {
  months: number;
  sponsor: ArrayLike<number>;
  joinMonth: ArrayLike<number>;
  lastMonth: ArrayLike<number>;
}

export type Plan =
  | { kind: "unilevel"; levelRates: number[] }
  | { kind: "matrix"; width: number; levelRates: number[] }
  | { kind: "binary"; rate: number; cap?: number; flush?: boolean }
  | { kind: "stairstep"; thresholds: number[]; rates: number[] };

/** Breadth-first placement: each new member under the first position with fewer than `width` below it, searched from `root`. */
function bfsOpen(kids: number[][], root: number, width: number, queue: Int32Array): number {
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  while (head < tail) {
    const p = queue[head++];
    const k = kids[p];
    if (k.length < width) return p;
    for (const c of k) queue[tail++] = c;
  }
  throw new Error("no open position");
}

/** Every member's commissions over the run. */
export function payMonthByMonth(h: History, plan: Plan, volume: number): Float64Array {
  const n = h.sponsor.length;
  const pay = new Float64Array(n);
  const active = (i: number, t: number) => Math.max(h.joinMonth[i], 1) <= t && t <= h.lastMonth[i];
  const queue = new Int32Array(n);
  if (plan.kind === "unilevel" || plan.kind === "matrix") {
    let up: ArrayLike<number> = h.sponsor;
    if (plan.kind === "matrix") {
      const kids: number[][] = Array.from({ length: n }, () => []);
      const parent = new Int32Array(n).fill(-1);
      for (let i = 1; i < n; i++) {
        const p = bfsOpen(kids, h.sponsor[i], plan.width, queue);
        parent[i] = p;
        kids[p].push(i);
      }
      up = parent;
    }
    for (let t = 1; t <= h.months; t++) {
      for (let seller = 1; seller < n; seller++) {
        if (!active(seller, t)) continue;
        let a = up[seller];
        for (let k = 0; k < plan.levelRates.length && a >= 0; k++, a = up[a]) if (active(a, t)) pay[a] += volume * plan.levelRates[k];
      }
    }
    return pay;
  }
  if (plan.kind === "binary") {
    const kids: number[][] = Array.from({ length: n }, () => []);
    const parent = new Int32Array(n).fill(-1);
    const size = new Int32Array(n).fill(1);
    for (let i = 1; i < n; i++) {
      const s = h.sponsor[i];
      const p = kids[s].length < 2 ? s : bfsOpen(kids, size[kids[s][0]] <= size[kids[s][1]] ? kids[s][0] : kids[s][1], 2, queue);
      parent[i] = p;
      kids[p].push(i);
      for (let q = p; q >= 0; q = parent[q]) size[q]++;
    }
    const below = new Int32Array(n);
    const carryL = new Float64Array(n);
    const carryR = new Float64Array(n);
    for (let t = 1; t <= h.months; t++) {
      // Active members in each subtree, children after parents in join order.
      for (let i = n - 1; i >= 0; i--) {
        let c = active(i, t) ? 1 : 0;
        for (const k of kids[i]) c += below[k];
        below[i] = c;
      }
      for (let a = 0; a < n; a++) {
        if (!active(a, t)) continue;
        const k = kids[a];
        carryL[a] += (k.length > 0 ? below[k[0]] : 0) * volume;
        carryR[a] += (k.length > 1 ? below[k[1]] : 0) * volume;
        const matched = Math.min(carryL[a], carryR[a]);
        let commission = matched * plan.rate;
        let paidOn = matched;
        if (plan.cap !== undefined && commission > plan.cap) {
          commission = plan.cap;
          paidOn = plan.cap / plan.rate;
        }
        const leaving = plan.flush ? matched : paidOn;
        carryL[a] -= leaving;
        carryR[a] -= leaving;
        pay[a] += commission;
      }
    }
    return pay;
  }
  const kids: number[][] = Array.from({ length: n }, () => []);
  for (let i = 1; i < n; i++) kids[h.sponsor[i]].push(i);
  const group = new Float64Array(n);
  const rateOf = (v: number) => {
    let r = 0;
    for (let k = 0; k < plan.thresholds.length && v >= plan.thresholds[k]; k++) r = plan.rates[k];
    return r;
  };
  for (let t = 1; t <= h.months; t++) {
    for (let i = n - 1; i >= 0; i--) {
      let g = active(i, t) ? volume : 0;
      for (const k of kids[i]) g += group[k];
      group[i] = g;
    }
    for (let a = 0; a < n; a++) {
      if (!active(a, t)) continue;
      const rate = rateOf(group[a]);
      let bonus = rate * volume;
      for (const k of kids[a]) {
        const legRate = rateOf(group[k]);
        if (legRate < rate) bonus += (rate - legRate) * group[k];
      }
      pay[a] += bonus;
    }
  }
  return pay;
}
