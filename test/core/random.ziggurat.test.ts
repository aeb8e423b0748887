import { Random } from "../../src/core/random";
import { slowDescribe } from "../support/under-mutation";

/**
 * The ziggurat samplers (Marsaglia and Tsang 2000, "The ziggurat method for generating random
 * variables", Journal of Statistical Software 5(8)), proven two ways:
 *
 * 1. Draw by draw. The layers are built here from their definition alone: N layers of equal area v
 *    under the curve f, the base one a rectangle [0, r] x [0, f(r)] plus the tail beyond r, each
 *    layer above it [0, x_i] x [f(x_i), f(x_{i-1})], the top one reaching f(0) = 1. r is found by
 *    bisection from that closing condition (not taken from the paper), and must agree with the
 *    paper's constant. Then a plain sampler (pick a layer from the low bits of a 32-bit draw, a point
 *    along it from the high 24; inside the next layer's edge: accept; in the wedge: accept under the
 *    curve; in the base beyond r: the tail), fed the same 32-bit draws (a twin generator), must give
 *    the engine's draw every time, to rounding.
 * 2. By law, on a million draws: the Kolmogorov-Smirnov distance to the exact distribution, the
 *    first moments, and the share of the tail beyond r (only the slow path reaches it).
 */

const POINTS = 2 ** 24;

interface Ziggurat {
  /** x[i] for i = 1..N-1, x[N-1] = r; x[0] = 0 (the top layer has no part sure to be under the curve). */
  x: number[];
  r: number;
  v: number;
  /** The base layer's draw spans [0, v / f(r)): the rectangle to r, then the tail's share. */
  baseWidth: number;
}

/** The layers for a given r: from the base up, f(x_{i-1}) = f(x_i) + v / x_i; `closing` is f(x_0) - 1, 0 for the right r. */
function layersFor(n: number, r: number, f: (x: number) => number, fInverse: (y: number) => number, tail: (r: number) => number) {
  const v = r * f(r) + tail(r);
  const x = new Array<number>(n).fill(0);
  x[n - 1] = r;
  for (let i = n - 1; i >= 2; i--) {
    const y = f(x[i]) + v / x[i];
    if (!(y < 1)) return { closing: 1, zig: undefined }; // the layers reach the top too early: r too small
    x[i - 1] = fInverse(y);
  }
  return { closing: f(x[1]) + v / x[1] - 1, zig: { x, r, v, baseWidth: v / f(r) } as Ziggurat };
}

/** r by bisection: too small an r leaves the layers over the top (closing > 0), too large short of it. */
function solve(n: number, lo: number, hi: number, f: (x: number) => number, fInverse: (y: number) => number, tail: (r: number) => number): Ziggurat {
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (layersFor(n, mid, f, fInverse, tail).closing > 0) lo = mid;
    else hi = mid;
  }
  return layersFor(n, (lo + hi) / 2, f, fInverse, tail).zig!;
}

const expF = (x: number) => Math.exp(-x);
const normalF = (x: number) => Math.exp(-0.5 * x * x);
/** The tail of exp(-x^2 / 2) beyond r, by Simpson's rule to r + 40 (the rest is below 1e-300). */
function normalTail(r: number): number {
  const steps = 200000;
  const h = 40 / steps;
  let sum = normalF(r) + normalF(r + 40);
  for (let k = 1; k < steps; k++) sum += (k % 2 === 1 ? 4 : 2) * normalF(r + k * h);
  return (sum * h) / 3;
}

const EXP = solve(
  256,
  5,
  10,
  expF,
  (y) => -Math.log(y),
  (r) => Math.exp(-r)
);
const NORMAL = solve(128, 2, 5, normalF, (y) => Math.sqrt(-2 * Math.log(y)), normalTail);

/** The plain exponential sampler on the test's own layers. */
function exponentialReference(twin: Random): number {
  const { x, r, baseWidth } = EXP;
  for (;;) {
    const u = twin.nextUint32();
    const i = u & 255;
    const along = (u >>> 8) / POINTS;
    if (i === 0) {
      const at = along * baseWidth;
      if (at < r) return at;
      return r - Math.log(twin.nextOpen32()); // beyond r: r plus an exponential
    }
    const at = along * x[i];
    if (at < x[i - 1]) return at;
    if (expF(x[i]) + twin.nextOpen32() * (expF(x[i - 1]) - expF(x[i])) < expF(at)) return at;
  }
}

/** The plain normal sampler on the test's own layers (the 8th bit is the sign). */
function normalReference(twin: Random): number {
  const { x, r, baseWidth } = NORMAL;
  for (;;) {
    const u = twin.nextUint32();
    const i = u & 127;
    const sign = u & 128 ? -1 : 1;
    const along = (u >>> 8) / POINTS;
    if (i === 0) {
      const at = along * baseWidth;
      if (at < r) return sign * at;
      // Beyond r: Marsaglia (1964), "Generating a variable from the tail of the normal distribution", Technometrics 6, 101-102.
      for (;;) {
        const t = -Math.log(twin.nextOpen32()) / r;
        const y = -Math.log(twin.nextOpen32());
        if (2 * y > t * t) return sign * (r + t);
      }
    }
    const at = along * x[i];
    if (at < x[i - 1]) return sign * at;
    if (normalF(x[i]) + twin.nextOpen32() * (normalF(x[i - 1]) - normalF(x[i])) < normalF(at)) return sign * at;
  }
}

describe("the layers, from their definition", () => {
  test.each([
    ["exponential, 256 layers", EXP, 7.69711747013105, 3.949659822581572e-3],
    ["normal, 128 layers", NORMAL, 3.442619855899, 9.91256303526217e-3],
  ])("%s: r and v by bisection are the paper's constants", (_, zig, r, v) => {
    expect(Math.abs(zig.r - r)).toBeLessThan(1e-9 * r);
    expect(Math.abs(zig.v - v)).toBeLessThan(1e-9 * v);
  });
});

describe("draw by draw against the plain sampler on the same 32-bit draws", () => {
  test.each([
    ["exponential", (r: Random) => r.exponential(), exponentialReference],
    ["normal", (r: Random) => r.normal(), normalReference],
  ])("%s: 300,000 draws agree to rounding, and use as many 32-bit draws", (_, engine, reference) => {
    const rng = new Random(2026);
    const twin = new Random(2026);
    let first: { draw: number; engine: number; reference: number } | null = null;
    for (let k = 0; k < 300000 && first === null; k++) {
      const a = engine(rng);
      const b = reference(twin);
      if (!(Math.abs(a - b) <= 1e-9 * Math.abs(b))) first = { draw: k, engine: a, reference: b };
    }
    expect(first).toBeNull();
    expect(rng.nextUint32()).toBe(twin.nextUint32());
  });

  test("nextOpen32 is (k + 1/2) / 2^32 for the 32-bit draw k: inside (0, 1) even at k = 0 and 2^32 - 1", () => {
    const rng = new Random(9);
    const twin = new Random(9);
    for (let k = 0; k < 1000; k++) expect(rng.nextOpen32()).toBe((twin.nextUint32() + 0.5) / 2 ** 32);
    const edges = [0, 2 ** 32 - 1].map((k) => (k + 0.5) / 2 ** 32);
    expect(edges[0]).toBeGreaterThan(0);
    expect(edges[1]).toBeLessThan(1);
  });
});

/** The largest distance between the empirical distribution of `draws` (sorted here) and `cdf`. */
function ksDistance(draws: Float64Array, cdf: (x: number) => number): number {
  draws.sort();
  const n = draws.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const c = cdf(draws[i]);
    d = Math.max(d, (i + 1) / n - c, c - i / n);
  }
  return d;
}

/** Phi(x) through erfc by its continued fraction for large |x|, its series otherwise (to 1e-14). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  let erfc: number;
  if (z < 3) {
    // erf(z) = 2 / sqrt(pi) x sum_k (-1)^k z^(2k+1) / (k! (2k + 1))
    let term = z;
    let sum = z;
    for (let k = 1; k < 100; k++) {
      term *= (-z * z) / k;
      sum += term / (2 * k + 1);
    }
    erfc = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc(z) = exp(-z^2) / sqrt(pi) x 1 / (z + 1/2 / (z + 1 / (z + 3/2 / (z + ...))))
    let f = z;
    for (let k = 60; k >= 1; k--) f = z + k / 2 / f;
    erfc = Math.exp(-z * z) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

// Left out under mutation (test/support/under-mutation.ts): the draw-by-draw tests above reach every
// mutant of the samplers; these prove the plain sampler itself is the right law.
slowDescribe("by law, over a million draws", () => {
  const n = 1_000_000;
  // Kolmogorov's limit: P(sqrt(n) D > 1.95) = 0.001.
  const ksLimit = 1.95 / Math.sqrt(n);

  test("exponential: Exp(1) by Kolmogorov-Smirnov, mean 1, variance 1, and e^-r of the draws beyond r", () => {
    const rng = new Random(31);
    const draws = new Float64Array(n);
    let sum = 0;
    let sq = 0;
    let beyond = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.exponential();
      draws[i] = x;
      sum += x;
      sq += x * x;
      if (x > EXP.r) beyond++;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 1)).toBeLessThan(4 / Math.sqrt(n)); // sd of one draw: 1
    // The sample variance's standard error: sqrt((mu4 - 1) / n), with Exp(1)'s fourth central moment mu4 = 9.
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(4 * Math.sqrt(8 / n));
    const p = Math.exp(-EXP.r);
    expect(Math.abs(beyond - n * p)).toBeLessThan(4 * Math.sqrt(n * p));
    expect(beyond).toBeGreaterThan(0);
    expect(ksDistance(draws, (x) => 1 - Math.exp(-x))).toBeLessThan(ksLimit);
  });

  test("normal: N(0, 1) by Kolmogorov-Smirnov, mean 0, variance 1, symmetric, and 2 (1 - Phi(r)) of the draws beyond +-r", () => {
    const rng = new Random(37);
    const draws = new Float64Array(n);
    let sum = 0;
    let sq = 0;
    let beyond = 0;
    let negative = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.normal();
      draws[i] = x;
      sum += x;
      sq += x * x;
      if (Math.abs(x) > NORMAL.r) beyond++;
      if (x < 0) negative++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(sq / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n)); // Var(Z^2) = 3 - 1 = 2
    expect(Math.abs(negative - n / 2)).toBeLessThan(4 * Math.sqrt(n / 4));
    const p = 2 * (1 - normalCdf(NORMAL.r));
    expect(Math.abs(beyond - n * p)).toBeLessThan(4 * Math.sqrt(n * p));
    expect(ksDistance(draws, normalCdf)).toBeLessThan(ksLimit);
  });

  test("the test's normal CDF: Phi(1.959963984540054) = 0.975 and Phi(-3) = 0.0013498980316301", () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 13);
    expect(normalCdf(3.5)).toBeCloseTo(1 - 0.000232629079035525, 13);
  });
});
