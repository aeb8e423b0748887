/**
 * A seeded random number generator and the draws the simulation needs. Math.random cannot be
 * seeded, and a spreadsheet must give the same answer every time it recalculates, so the
 * simulation carries its own generator: xoshiro128** (Blackman and Vigna, period 2^128 - 1),
 * pure 32-bit integer arithmetic, seeded through splitmix32 so that nearby seeds (1, 2, 3) start
 * from unrelated states.
 */

// Math's functions as module constants: the hot loops call them millions of times, and where the
// bundle runs in a context whose global object is not a plain object (Node's vm, as the custom
// functions stand-in and the benchmark use), every `Math.x` is a slow global lookup (10x slower).
const { abs, ceil, exp, floor, imul, log, log1p, max, min, round, sqrt } = Math;

const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/** One step of splitmix32: a well-mixed 32-bit value from a counter. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = imul(z ^ (z >>> 16), 0x85ebca6b);
  z = imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  /**
   * xoshiro128**'s four 32-bit words, in a typed array: object fields holding 32-bit values would
   * be boxed as heap numbers, which makes each draw about twice as slow.
   */
  private readonly s = new Int32Array(4);

  /** Any whole seed from 0 to 2^53 - 1; both 32-bit halves feed the state. */
  constructor(seed: number) {
    const lo = (seed % TWO_POW_32) >>> 0;
    const hi = floor(seed / TWO_POW_32) >>> 0;
    let x = splitmix32(lo ^ splitmix32(hi ^ 0x5bd1e995));
    for (let i = 0; i < 4; i++) {
      this.s[i] = x;
      x = splitmix32(x);
    }
    // The all-zero state, the one xoshiro cannot leave, is never reached: each word is splitmix32 of
    // the one before, and a 0 word is followed by splitmix32(0) = 0x92ca2f0e.
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const a = s[0];
    const b = s[1];
    const result = imul(rotl(imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    const c = s[2] ^ a;
    const d = s[3] ^ b;
    s[1] = b ^ c;
    s[0] = a ^ d;
    s[2] = c ^ t;
    s[3] = rotl(d, 11);
    return result;
  }

  /** A uniform double in [0, 1) with all 53 bits random. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / TWO_POW_53;
  }

  /** A uniform double in (0, 1) from one 32-bit draw, (k + 1/2) / 2^32: never 0, so its logarithm is finite. */
  nextOpen32(): number {
    return (this.nextUint32() + 0.5) / TWO_POW_32;
  }

  /**
   * A standard exponential draw by the ziggurat (Marsaglia and Tsang 2000, "The ziggurat method for
   * generating random variables", Journal of Statistical Software 5(8), their EXP with 256 layers):
   * one 32-bit draw, its low 8 bits the layer and its high 24 the point along it, and no logarithm
   * 99% of the time. Layer and point come from different bits (Doornik 2005 showed the paper's
   * reuse of the layer's bits in the point to be a flaw). Bounded: see ZIGGURAT_MAX_TRIES.
   */
  exponential(): number {
    const u = this.nextUint32();
    const i = u & 255;
    const j = u >>> 8;
    if (j < EXP_K[i]) return j * EXP_W[i];
    return this.exponentialSlow(u);
  }

  private exponentialSlow(first: number): number {
    let u = first;
    for (let tries = 0; tries < ZIGGURAT_MAX_TRIES; tries++) {
      const i = u & 255;
      const j = u >>> 8;
      if (j < EXP_K[i]) return j * EXP_W[i];
      // The base layer's tail beyond r is r plus an exponential (memorylessness).
      if (i === 0) return EXP_R - log(this.nextOpen32());
      // The wedge between the layer's rectangle and the curve: under the curve with its height.
      const x = j * EXP_W[i];
      if (EXP_F[i] + this.nextOpen32() * (EXP_F[i - 1] - EXP_F[i]) < exp(-x)) return x;
      u = this.nextUint32();
    }
    return 1;
  }

  /**
   * A standard normal draw by the ziggurat (Marsaglia and Tsang 2000, their RNOR with 128 layers):
   * one 32-bit draw, its low 7 bits the layer, the 8th the sign and the high 24 the point along the
   * layer; no logarithm or square root 99% of the time. Bounded: see ZIGGURAT_MAX_TRIES.
   */
  normal(): number {
    const u = this.nextUint32();
    const i = u & 127;
    const j = u >>> 8;
    // The sign as a factor of 1 or -1 from bit 7, not a branch: a coin toss mispredicts half the time.
    if (j < NORMAL_K[i]) return j * NORMAL_W[i] * (1 - ((u >>> 6) & 2));
    return this.normalSlow(u);
  }

  private normalSlow(first: number): number {
    let u = first;
    for (let tries = 0; tries < ZIGGURAT_MAX_TRIES; tries++) {
      const i = u & 127;
      const j = u >>> 8;
      const sign = u & 128 ? -1 : 1;
      if (j < NORMAL_K[i]) return sign * j * NORMAL_W[i];
      if (i === 0) {
        // The tail beyond r: Marsaglia's (1964) method, x = -ln(u1) / r accepted when -2 ln(u2) > x^2.
        for (let t = 0; t < ZIGGURAT_MAX_TRIES; t++) {
          const x = -log(this.nextOpen32()) / NORMAL_R;
          const y = -log(this.nextOpen32());
          if (y + y > x * x) return sign * (NORMAL_R + x);
        }
        return sign * NORMAL_R;
      }
      const x = j * NORMAL_W[i];
      if (NORMAL_F[i] + this.nextOpen32() * (NORMAL_F[i - 1] - NORMAL_F[i]) < exp(-0.5 * x * x)) return sign * x;
      u = this.nextUint32();
    }
    return 0;
  }
}

/**
 * Tries of a ziggurat's slow path before giving up (returning the mean's neighbourhood: 1 for the
 * exponential, 0 for the normal). Each try leaves the slow path with probability above 0.98, so 1000
 * in a row has probability below 1e-1600: never in practice.
 */
const ZIGGURAT_MAX_TRIES = 1000;

/** The points along a layer: 24 bits of a 32-bit draw. */
const ZIGGURAT_POINTS = 16777216;

/**
 * The ziggurat's layers, set up as in the paper: r the right edge of the base layer (which holds
 * the tail beyond r) and v the area of each layer, its published constants; from r, each layer's
 * right edge x[i] comes from the one below it: f(x[i]) = f(x[i+1]) + v / x[i+1]. Then, for a draw
 * j along layer i, the point is j x W[i] (W[i] = x[i] / 2^24), inside the layer's rectangle (under
 * the curve for sure) when j < K[i] = 2^24 x x[i-1] / x[i], and F[i] = f(x[i]) bounds the wedge.
 * K is kept as a double, not rounded down as in the paper, so that the test is exactly j x W[i] < x[i-1].
 */
function zigguratTables(layers: number, r: number, v: number, f: (x: number) => number, fInverse: (y: number) => number) {
  const K = new Float64Array(layers);
  const W = new Float64Array(layers);
  const F = new Float64Array(layers);
  const q = v / f(r);
  K[0] = (r / q) * ZIGGURAT_POINTS; // the base layer: its rectangle is r wide of the q its draw spans
  K[1] = 0;
  W[0] = q / ZIGGURAT_POINTS;
  W[layers - 1] = r / ZIGGURAT_POINTS;
  F[0] = 1;
  F[layers - 1] = f(r);
  let x = r;
  for (let i = layers - 2; i >= 1; i--) {
    const below = x;
    x = fInverse(v / below + f(below));
    K[i + 1] = (x / below) * ZIGGURAT_POINTS;
    F[i] = f(x);
    W[i] = x / ZIGGURAT_POINTS;
  }
  return { K, W, F };
}

const EXP_R = 7.69711747013105;
const NORMAL_R = 3.442619855899;
const {
  K: EXP_K,
  W: EXP_W,
  F: EXP_F,
} = zigguratTables(
  256,
  EXP_R,
  3.949659822581572e-3,
  (x) => exp(-x),
  (y) => -log(y)
);
const {
  K: NORMAL_K,
  W: NORMAL_W,
  F: NORMAL_F,
} = zigguratTables(
  128,
  NORMAL_R,
  9.91256303526217e-3,
  (x) => exp(-0.5 * x * x),
  (y) => sqrt(-2 * log(y))
);

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Below this mean, Poisson draws use inversion; from it up, PTRS transformed rejection. */
export const POISSON_INVERSION_BELOW = 10;
/** Above this mean a Poisson draw is a rounded normal: the skew is under 1/sqrt(1e9) = 3e-5. */
export const POISSON_NORMAL_ABOVE = 1e9;
/** Inversion never looks past this many terms (with a mean under 10 the tail beyond is < 1e-300). */
const INVERSION_MAX_TERMS = 1000;
/** PTRS accepts in about 1.1 tries on average; this many rejections in a row has probability < 1e-100. */
const PTRS_MAX_TRIES = 1000;

/**
 * A Poisson draw with the given mean. Every path is bounded: inversion stops after a fixed number of
 * terms, rejection after a fixed number of tries (falling back to the rounded mean, which is never
 * reached in practice), and huge means use the normal approximation.
 */
export function poisson(rng: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < POISSON_INVERSION_BELOW) return poissonInversion(rng, mean);
  if (mean <= POISSON_NORMAL_ABOVE) return poissonPtrs(rng, mean);
  return max(0, round(mean + sqrt(mean) * rng.normal()));
}

/** Sequential search of the cumulative distribution: exact, a handful of steps for small means. */
function poissonInversion(rng: Random, mean: number): number {
  const u = rng.next();
  let p = exp(-mean);
  let cdf = p;
  let k = 0;
  while (u >= cdf && k < INVERSION_MAX_TERMS) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * PTRS, W. Hörmann (1993), "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12, 39-45; the constants are the paper's, as
 * NumPy uses them. Exact for means of 10 and more.
 */
function poissonPtrs(rng: Random, mean: number): number {
  const slam = sqrt(mean);
  const loglam = log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (let tries = 0; tries < PTRS_MAX_TRIES; tries++) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + log(invalpha) - log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
  return round(mean);
}

/** Below this mean (n x min(p, 1 - p)), binomial draws count geometric gaps; from it up, BTRS. */
export const BINOMIAL_INVERSION_BELOW = 10;
/** BTRS accepts in about 1.15 tries on average; this many rejections in a row has probability < 1e-60. */
const BTRS_MAX_TRIES = 1000;

/**
 * A binomial draw: successes in n independent trials of probability p (n whole). Exact: for a small
 * mean it counts the geometric gaps between successes that fit in n trials (at most n + 1 steps,
 * about n x p + 1 on average); otherwise BTRS. Uses the symmetry k(p) = n - k(1 - p).
 */
export function binomial(rng: Random, n: number, p: number): number {
  if (!(n > 0) || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  if (n * p < BINOMIAL_INVERSION_BELOW) return binomialGaps(rng, n, p);
  return binomialBtrs(rng, n, p);
}

function binomialGaps(rng: Random, n: number, p: number): number {
  const logMiss = log1p(-p);
  let trials = 0;
  for (let successes = 0; successes <= n; successes++) {
    // The trials up to and including the next success: geometric, at least 1 (u = 0 gives Infinity: no more).
    trials += ceil(log(rng.next()) / logMiss);
    if (trials > n) return successes;
  }
  return n;
}

/**
 * BTRS, W. Hörmann (1993), "The generation of binomial random variates", Journal of Statistical
 * Computation and Simulation 46, 101-110, for p <= 1/2 and n x p >= 10; the constants are the
 * paper's, as TensorFlow uses them.
 */
function binomialBtrs(rng: Random, n: number, p: number): number {
  const spq = sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = floor((n + 1) * p);
  for (let tries = 0; tries < BTRS_MAX_TRIES; tries++) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = log((v * alpha) / (a / (us * us) + b));
    const bound =
      (m + 0.5) * log((m + 1) / (r * (n - m + 1))) +
      (n + 1) * log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * log((r * (n - k + 1)) / (k + 1)) +
      stirlingTail(m) +
      stirlingTail(n - m) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (v <= bound) return k;
  }
  return max(0, min(n, round(n * p)));
}

/** ln(k!) - [(k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi) / 2]: what Stirling's formula leaves out. */
export function stirlingTail(k: number): number {
  if (k < 10) return logFactorial(k) - ((k + 0.5) * log(k + 1) - (k + 1) + 0.9189385332046728);
  const n2 = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / n2) / n2) / (k + 1);
}

const SMALL_LOG_FACTORIALS: number[] = (() => {
  const out = [0];
  for (let k = 1; k < 32; k++) out.push(out[k - 1] + log(k));
  return out;
})();

/** ln(k!) exactly from a table for small k, by Stirling's series (error < 1e-15) from 32 up. */
export function logFactorial(k: number): number {
  if (k < SMALL_LOG_FACTORIALS.length) return SMALL_LOG_FACTORIALS[k];
  const n = k + 1;
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (n - 0.5) * log(n) - n + 0.9189385332046728 + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** Whole powers 1 / shape up to this are taken by products in gamma's boost; above, by an exponential. */
const BOOST_PRODUCTS_UP_TO = 16;

/** Marsaglia-Tsang rejection accepts in about 1.03 tries at worst; this many in a row has probability < 1e-300. */
const GAMMA_MAX_TRIES = 1000;

/**
 * A Gamma(shape, 1) draw. Marsaglia and Tsang (2000), "A simple method for generating gamma
 * variables", ACM Transactions on Mathematical Software 26, 363-372: for shape >= 1 directly; for
 * shape < 1 the paper's boost, Gamma(shape + 1) x U^(1 / shape). Bounded: after GAMMA_MAX_TRIES
 * rejections (never reached in practice) it returns the mean.
 */
export function gamma(rng: Random, shape: number): number {
  if (!(shape > 0)) return 0;
  if (shape < 1) {
    const power = 1 / shape;
    let boost: number;
    if (power === floor(power) && power <= BOOST_PRODUCTS_UP_TO) {
      // A whole power (a spread of 2, 3, 4...): U^n as n - 1 products, neither logarithm nor exponential.
      const u = rng.nextOpen32();
      boost = u;
      for (let k = 1; k < power; k++) boost *= u;
    } else {
      // U^(1 / shape) with U uniform is exp(-E / shape) with E exponential: no logarithm.
      boost = exp(-rng.exponential() * power);
    }
    return gamma(rng, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (let tries = 0; tries < GAMMA_MAX_TRIES; tries++) {
    const x = rng.normal();
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextOpen32(); // 32 bits are plenty for an acceptance test, and its log is finite
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (log(u) < 0.5 * x * x + d * (1 - v + log(v))) return d * v;
  }
  return shape;
}
