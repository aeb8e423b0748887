import { Random, binomial, gamma, logFactorial, poisson, stirlingTail } from "../../src/core/random";

/**
 * The samplers draw by draw. Each published method is written here a second way, from its source,
 * bare: no squeeze (the quick accept and reject tests that only save time), exact log factorials
 * from a table of summed logarithms (not the engine's Stirling series), and, for BTRS, the
 * log-gamma form of the acceptance test (TensorFlow's, random_binomial_op.cc) instead of Hörmann's
 * Stirling-tail bound. Fed the same uniforms (a twin generator, whose stream random.vectors.test.ts
 * pins), the engine must give the same draw every time: its squeezes must never change an answer,
 * and its constants and branches must be the published ones. SIMULATE's figures depend on exactly
 * these streams (docs/simulate.md, "Random numbers").
 */

const LOG_FACTORIAL: number[] = [0];
/** ln k!: summed logarithms up to 2 million; past that (PTRS near a mean of 1e9), Stirling's series for ln Gamma(k + 1). */
const lnFact = (k: number) => {
  if (k > 2e6) {
    const n = k + 1;
    return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * n) - 1 / (360 * n ** 3);
  }
  for (let i = LOG_FACTORIAL.length; i <= k; i++) LOG_FACTORIAL.push(LOG_FACTORIAL[i - 1] + Math.log(i));
  return LOG_FACTORIAL[k];
};

/** PTRS (Hörmann 1993), as NumPy's random_poisson_ptrs, without its squeeze and quick reject. */
function ptrs(u: Random, mean: number): number {
  const slam = Math.sqrt(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  for (;;) {
    const U = u.next() - 0.5;
    const V = u.next();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + mean + 0.43);
    if (k < 0) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * Math.log(mean) - lnFact(k)) return k;
  }
}

/** BTRS (Hörmann 1993) for p <= 1/2, in the log-gamma form, without its squeeze. */
function btrs(u: Random, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const alpha = (2.83 + 5.1 / b) * spq;
  const m = Math.floor((n + 1) * p);
  for (;;) {
    const U = u.next() - 0.5;
    const V = u.next();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + c);
    if (k < 0 || k > n) continue;
    const v = Math.log((V * alpha) / (a / (us * us) + b));
    if (v <= lnFact(m) + lnFact(n - m) - lnFact(k) - lnFact(n - k) + (k - m) * Math.log(p / q)) return k;
  }
}

/** Binomial for a small mean: successes counted by geometric gaps (trials to the next success) until they pass n. */
function gaps(u: Random, n: number, p: number): number {
  let trials = 0;
  let successes = 0;
  for (;;) {
    trials += Math.ceil(Math.log(u.next()) / Math.log1p(-p));
    if (trials > n) return successes;
    successes++;
  }
}

/**
 * Marsaglia and Tsang (2000), their acceptance test alone; below shape 1, the boost U^(1 / shape)
 * with its uniform drawn first: for a whole power 1 / shape up to 16, U from one 32-bit draw;
 * otherwise U = exp(-E), E a standard exponential (the same law: P(exp(-E) <= u) = P(E >= -ln u) = u).
 */
function marsagliaTsang(u: Random, shape: number): number {
  if (shape < 1) {
    const power = 1 / shape;
    const w = Number.isInteger(power) && power <= 16 ? u.nextOpen32() : Math.exp(-u.exponential());
    return marsagliaTsang(u, shape + 1) * w ** power;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = u.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    if (Math.log(u.nextOpen32()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** The first index at which two lists of draws differ, with both values; null when they agree. */
function firstDifference(engine: number[], reference: number[], tolerance: number) {
  const i = engine.findIndex((x, j) => !(x === reference[j] || Math.abs(x - reference[j]) <= tolerance * Math.abs(reference[j])));
  return i < 0 ? null : { draw: i, engine: engine[i], reference: reference[i] };
}

/** `tolerance`: relative; 0 (the same number) but for gamma's boost, where u^(1/shape) is products or exp(-E / shape) in the engine, a few units in the last place away. */
function compare(draws: number, seed: number, engine: (rng: Random) => number, reference: (rng: Random) => number, tolerance = 0) {
  const rng = new Random(seed);
  const twin = new Random(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < draws; i++) {
    a.push(engine(rng));
    b.push(reference(twin));
  }
  expect(firstDifference(a, b, tolerance)).toBeNull();
  expect(rng.next()).toBe(twin.next()); // and both used as many uniforms
  return a;
}

describe("poisson, draw by draw", () => {
  test.each([10, 10.5, 37.5, 1000, 123456.7, 1e9])("mean %p: PTRS", (mean) => {
    compare(
      20000,
      21,
      (r) => poisson(r, mean),
      (r) => ptrs(r, mean)
    );
  });

  test.each([1e9 * (1 + 2 ** -52), 2e9, 1e12])("mean %p: past 1e9, a normal rounded (never below 0)", (mean) => {
    compare(
      2000,
      22,
      (r) => poisson(r, mean),
      (r) => Math.max(0, Math.round(mean + Math.sqrt(mean) * r.normal()))
    );
  });
});

describe("binomial, draw by draw", () => {
  test.each<[number, number]>([
    [1, 0.5],
    [3, 0.3],
    [50, 0.1],
    [1000, 0.001],
    [19, 0.5], // a mean of 9.5: still gaps
  ])("n %p, p %p: geometric gaps", (n, p) => {
    compare(
      20000,
      31,
      (r) => binomial(r, n, p),
      (r) => gaps(r, n, p)
    );
  });

  test.each<[number, number]>([
    [20, 0.5], // a mean of exactly 10: BTRS from there
    [1000, 0.3],
    [100000, 0.01],
    [1e6, 0.05],
  ])("n %p, p %p: BTRS", (n, p) => {
    compare(
      20000,
      32,
      (r) => binomial(r, n, p),
      (r) => btrs(r, n, p)
    );
  });

  test.each<[number, number, (r: Random) => number]>([
    [3, 0.7, (r) => 3 - gaps(r, 3, 0.3)],
    [1000, 0.9, (r) => 1000 - btrs(r, 1000, 0.1)],
  ])("n %p, p %p: n less the failures, drawn as successes of 1 - p", (n, p, reference) => {
    compare(20000, 33, (r) => binomial(r, n, p), reference);
  });
});

describe("gamma, draw by draw", () => {
  test.each([0.01, 1 / 17, 0.0625, 0.25, 0.5, 0.999, 1, 1.25, 2.5, 10, 1000])("shape %p", (shape) => {
    compare(
      20000,
      41,
      (r) => gamma(r, shape),
      (r) => marsagliaTsang(r, shape),
      shape < 1 ? 1e-13 : 0
    );
  });
});

describe("nothing to draw: the answer without taking a uniform from the stream", () => {
  test.each<[string, (r: Random) => number, number]>([
    ["poisson, mean 0", (r) => poisson(r, 0), 0],
    ["poisson, mean -1", (r) => poisson(r, -1), 0],
    ["poisson, mean NaN", (r) => poisson(r, Number.NaN), 0],
    ["binomial, n 0", (r) => binomial(r, 0, 0.3), 0],
    ["binomial, n -2", (r) => binomial(r, -2, 0.3), 0],
    ["binomial, p 0", (r) => binomial(r, 5, 0), 0],
    ["binomial, p 1", (r) => binomial(r, 5, 1), 5],
    ["binomial, p 1.5", (r) => binomial(r, 5, 1.5), 5],
    ["gamma, shape 0", (r) => gamma(r, 0), 0],
    ["gamma, shape -1", (r) => gamma(r, -1), 0],
    ["gamma, shape NaN", (r) => gamma(r, Number.NaN), 0],
  ])("%s: %p", (_, engine, answer) => {
    compare(10, 23, engine, () => answer);
  });
});

describe("the log factorials the rejection tests use", () => {
  test("ln k! from the series is the summed logarithms to 2e-12, from 32 (where the table ends) up", () => {
    // The series' third term at k = 32 is (1/33)^5 / 1260 = 2e-11: a wrong sign or coefficient there shows.
    for (let k = 30; k <= 200; k++) expect([k, Math.abs(logFactorial(k) - lnFact(k)) < 2e-12]).toEqual([k, true]);
  });

  test("stirlingTail(k) is ln k! less Stirling's (k + 1/2) ln(k + 1) - (k + 1) + ln(2 pi) / 2, for large k too", () => {
    const stirling = (k: number) => (k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI);
    // Up to 100, the difference itself (summed logs lose nothing there): the series the engine uses
    // from 10 up leaves out 1/(1680 (k + 1)^7), 3e-11 at k = 10.
    for (const k of [0, 1, 5, 9, 10, 11, 50, 100]) expect([k, Math.abs(stirlingTail(k) - (lnFact(k) - stirling(k))) < 1e-10]).toEqual([k, true]);
    // For large k the difference of two numbers near 1.3e7 (k = 1e6) would lose 9 of the tail's
    // digits; the asymptotic series 1/(12n) - 1/(360n^3) + 1/(1260n^5), n = k + 1, has them all.
    for (const k of [1e4, 1e6, 1e9]) {
      const n = k + 1;
      const series = 1 / (12 * n) - 1 / (360 * n ** 3) + 1 / (1260 * n ** 5);
      expect([k, Math.abs(stirlingTail(k) - series) / series < 1e-12]).toEqual([k, true]);
    }
  });
});
