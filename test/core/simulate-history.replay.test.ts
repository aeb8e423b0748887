import { EVENTS_PER_SLICE, HistoryParams, Network, grow } from "../../src/core/simulate-history";
import { Random, binomial, gamma, poisson } from "../../src/core/random";

/**
 * The history a seed draws, member by member: SIMULATE's figures are stored in users' sheets
 * ("existing calls keep their figures", issue 10), so the order in which the history consumes the
 * generator is part of the contract. docs/simulate.md, "The model, month by month" and "How it
 * draws", states that order; `replay` below follows the docs with plain arrays, a bisection per
 * recruit (not the engine's single sweep), and shares nothing with src/core/simulate-history.ts
 * but the generator and the samplers (random.ts, checked against the exact laws in
 * random.test.ts). Every member's sponsor, join month and last month must agree exactly.
 *
 * The rules, from the docs:
 *  - the founder's propensity is drawn first (with a spread), before month 1;
 *  - each month with room left and recruits > 0: Poisson(min(m x A, 1e9)) recruits, m = recruits x
 *    (1 - joined / members), A the members active at the start of the month, clipped to the room;
 *  - spread 0: each recruit, in turn, picks slot floor(u x A) of the active list;
 *  - spread > 0: count + 1 exponential gaps (ziggurat draws) laid end to end, scaled to the total
 *    propensity of the A members; the j-th running sum lands in the stretch of the first member (in
 *    list order) whose running propensity passes it (the last member with a propensity if none
 *    does); the picks are shuffled (Fisher-Yates, k from count - 1 down to 1, other = floor(u x (k + 1)));
 *    then each recruit joins and draws its propensity, round(gamma(1 / s) x s x 2^20), capped at
 *    2^32 - 1. If every propensity is 0 the month picks uniformly, as spread 0, and the propensities
 *    of a slice of 16,384 recruits are drawn after that slice's picks;
 *  - joining appends to the active list; Binomial(A' - 1, attrition) leavers, each at slot
 *    1 + floor(u x (A' - 1)) of the active list as it then is, the last slot moved into its place.
 */
interface Replayed {
  sponsor: number[];
  join: number[];
  /** The month a member left, or months + 1 for one still in. */
  last: number[];
  /** Each member's propensity, in units of 2^-20 (with a spread). */
  weight: number[];
}

function replay(p: HistoryParams): Replayed {
  const rng = new Random(p.seed);
  const stays = p.months + 1;
  const s = p.recruitingSpread;
  const drawWeight = () => Math.min(4294967295, Math.round(gamma(rng, 1 / s) * s * 1048576));
  const h: Replayed = { sponsor: [-1], join: [0], last: [stays], weight: [s > 0 ? drawWeight() : 1] };
  const active = [0];
  const newcomer = (sponsor: number, t: number) => {
    h.sponsor.push(sponsor);
    h.join.push(t);
    h.last.push(stays);
    h.weight.push(0);
    active.push(h.sponsor.length - 1);
    return h.sponsor.length - 1;
  };
  for (let t = 1; t <= p.months; t++) {
    const joined = h.sponsor.length;
    const room = p.members - joined;
    if (room > 0 && p.recruitsPerMemberPerMonth > 0) {
      const sponsors = active.slice();
      const m = p.recruitsPerMemberPerMonth * (1 - joined / p.members);
      const count = Math.min(room, poisson(rng, Math.min(m * sponsors.length, 1e9)));
      const total = sponsors.reduce((sum, i) => sum + h.weight[i], 0);
      if (s > 0 && count > 0 && total > 0) {
        const gaps: number[] = [];
        let sum = 0;
        for (let j = 0; j <= count; j++) {
          sum += rng.exponential();
          gaps.push(sum);
        }
        // Running propensities of the members who have one, in list order; each point found by bisection.
        const holders = sponsors.filter((i) => h.weight[i] > 0);
        const running: number[] = [];
        for (const i of holders) running.push((running.length > 0 ? running[running.length - 1] : 0) + h.weight[i]);
        const picks = gaps.slice(0, count).map((g) => {
          const at = (g * total) / sum;
          let lo = 0;
          let hi = holders.length - 1; // the last holder takes a point that rounding left at the very end
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (at < running[mid]) hi = mid;
            else lo = mid + 1;
          }
          return holders[lo];
        });
        for (let k = count - 1; k > 0; k--) {
          const other = Math.floor(rng.next() * (k + 1));
          [picks[k], picks[other]] = [picks[other], picks[k]];
        }
        for (const sponsor of picks) h.weight[newcomer(sponsor, t)] = drawWeight();
      } else {
        for (let done = 0; done < count; done += EVENTS_PER_SLICE) {
          const slice: number[] = [];
          for (let j = done; j < Math.min(count, done + EVENTS_PER_SLICE); j++) slice.push(newcomer(sponsors[Math.floor(rng.next() * sponsors.length)], t));
          if (s > 0) for (const i of slice) h.weight[i] = drawWeight();
        }
      }
    }
    let leavers = binomial(rng, active.length - 1, p.monthlyAttrition);
    for (; leavers > 0; leavers--) {
      const slot = 1 + Math.floor(rng.next() * (active.length - 1));
      h.last[active[slot]] = t;
      active[slot] = active[active.length - 1];
      active.pop();
    }
  }
  return h;
}

/** The engine's history, read off its records. */
function drawn(p: HistoryParams): Replayed & { net: Network } {
  const net = new Network(p.members, p.months, p.seed);
  const months = grow(net, p);
  while (!months.next().done);
  const h: Replayed & { net: Network } = { sponsor: [], join: [], last: [], weight: [], net };
  for (let i = 0; i < net.joined; i++) {
    h.sponsor.push(net.ints[4 * i]);
    h.join.push(net.shorts[8 * i + 2]);
    h.last.push(net.shorts[8 * i + 3]);
  }
  return h;
}

const base = { members: 300, months: 12, recruitsPerMemberPerMonth: 0.7, monthlyAttrition: 0.1, recruitingSpread: 0, seed: 1 };

describe("the history a seed draws is the one docs/simulate.md describes, member by member", () => {
  test.each<[string, Partial<HistoryParams>]>([
    ["no spread", {}],
    ["no spread, another seed", { seed: 9 }],
    ["no spread, the market full by month 6", { recruitsPerMemberPerMonth: 3, months: 10 }],
    ["no spread, nobody quits", { monthlyAttrition: 0 }],
    ["no spread, everyone but the founder quits each month", { monthlyAttrition: 1, recruitsPerMemberPerMonth: 2 }],
    ["no recruiting at all", { recruitsPerMemberPerMonth: 0 }],
    ["no recruiting, with a spread", { recruitsPerMemberPerMonth: 0, recruitingSpread: 2 }],
    ["spread 1", { recruitingSpread: 1 }],
    ["spread 4", { recruitingSpread: 4, seed: 5 }],
    ["spread 4, the market full", { recruitingSpread: 4, recruitsPerMemberPerMonth: 3 }],
    ["spread 0.5, heavy attrition", { recruitingSpread: 0.5, monthlyAttrition: 0.4, recruitsPerMemberPerMonth: 1.5 }],
    // At spread 100 (shape 0.01) most propensities round to 0: whole months pick uniformly.
    ["spread 100", { recruitingSpread: 100, recruitsPerMemberPerMonth: 2, seed: 3 }],
    ["spread 100, another seed", { recruitingSpread: 100, recruitsPerMemberPerMonth: 2, seed: 4 }],
    // A network of thousands, whose active list is reshuffled by thousands of drops: propensities must move with their members.
    ["spread 2, 5,000 members", { members: 5000, recruitingSpread: 2, recruitsPerMemberPerMonth: 1, months: 18 }],
    [
      "spread 1, 100,000 members (months of more than 16,384 joins)",
      { members: 100000, recruitsPerMemberPerMonth: 4, months: 12, monthlyAttrition: 0.5, recruitingSpread: 1 },
    ],
    [
      "no spread, 100,000 members (months of more than 16,384 joins and drops)",
      { members: 100000, recruitsPerMemberPerMonth: 4, months: 12, monthlyAttrition: 0.5 },
    ],
  ])("%s", (_, change) => {
    const p = { ...base, ...change };
    const engine = drawn(p);
    const expected = replay(p);
    expect(engine.sponsor.length).toBeGreaterThan(p.recruitsPerMemberPerMonth > 0 ? 20 : 0);
    expect(engine.sponsor.length).toBe(expected.sponsor.length);
    for (const key of ["sponsor", "join", "last"] as const) {
      const first = engine[key].findIndex((x, i) => x !== expected[key][i]);
      expect({ key, first, at: first < 0 ? null : [engine[key][first], expected[key][first]] }).toEqual({ key, first: -1, at: null });
    }
    // The engine keeps each active member's propensity beside it in the list: the one it was given.
    const { net } = engine;
    if (p.recruitingSpread > 0) {
      let wrong = -1;
      for (let a = 0; a < net.activeCount && wrong < 0; a++) if (net.activeWeight[a] !== expected.weight[net.activeList[a]]) wrong = net.activeList[a];
      expect(wrong).toBe(-1);
    } else expect(net.activeWeight.length).toBe(0);
  });

  test("the cases reach what they are for: zero propensities, full months, big months", () => {
    const zero = replay({ ...base, recruitingSpread: 100, recruitsPerMemberPerMonth: 2, seed: 4 });
    expect(zero.weight[0]).toBe(0); // the founder recruits in month 1 by the uniform fallback
    expect(zero.weight.filter((w) => w === 0).length).toBeGreaterThan(zero.weight.length / 2);
    const spread4 = replay({ ...base, recruitingSpread: 4, seed: 5 });
    expect(new Set(spread4.sponsor).size).toBeLessThan(spread4.sponsor.length / 3);
    const big = replay({ ...base, members: 100000, recruitsPerMemberPerMonth: 4, months: 12, monthlyAttrition: 0.5 });
    const joinsByMonth = new Map<number, number>();
    for (const j of big.join) joinsByMonth.set(j, (joinsByMonth.get(j) ?? 0) + 1);
    expect(Math.max(...joinsByMonth.values())).toBeGreaterThan(EVENTS_PER_SLICE);
    const leftByMonth = new Map<number, number>();
    for (const l of big.last) leftByMonth.set(l, (leftByMonth.get(l) ?? 0) + 1);
    leftByMonth.delete(13); // still in
    expect(Math.max(...leftByMonth.values())).toBeGreaterThan(EVENTS_PER_SLICE);
  });
});
