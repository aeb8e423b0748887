import fc from "fast-check";
import {
  BINOMIAL_INVERSION_BELOW,
  POISSON_INVERSION_BELOW,
  POISSON_NORMAL_ABOVE,
  Random,
  binomial,
  gamma,
  logFactorial,
  poisson,
  stirlingTail,
} from "../../src/core/random";

describe("Random: xoshiro128** seeded through splitmix32", () => {
  test("the same seed gives the same stream; different seeds differ", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 8 },
        (
          (r) => () =>
            r.nextUint32()
        )(new Random(seed))
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(0)).not.toEqual(draw(2 ** 32)); // the high half of a seed counts too
    expect(draw(2 ** 53 - 1)).toEqual(draw(2 ** 53 - 1));
  });

  test("next() is in [0, 1) and uniform: mean 1/2, variance 1/12, even deciles", () => {
    const rng = new Random(7);
    const n = 200_000;
    const deciles = new Array(10).fill(0);
    let sum = 0;
    let sumSq = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      sum += u;
      sumSq += u * u;
      deciles[Math.floor(u * 10)]++;
    }
    expect(outside).toBe(0);
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
    for (const count of deciles) expect(Math.abs(count - n / 10)).toBeLessThan(5 * Math.sqrt(n * 0.1 * 0.9));
  });

  test("nextUint32 is a 32-bit unsigned integer", () => {
    const rng = new Random(1);
    const draws = Array.from({ length: 1000 }, () => rng.nextUint32());
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    expect(draws.some((x) => x >= 2 ** 31)).toBe(true); // unsigned: the top bit is used
  });
});

describe("logFactorial", () => {
  test("matches the sum of logs, across the table and the Stirling series", () => {
    let exact = 0;
    for (let k = 0; k <= 2000; k++) {
      if (k > 0) exact += Math.log(k);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, exact));
    }
  });
});

describe("poisson: mean and variance over many draws with a fixed seed", () => {
  // Both are the mean for a Poisson law. The sample mean has standard error sqrt(mean / n); the
  // sample variance has relative standard error about sqrt((2 + 1/mean) / n): 5 of them is the bound.
  test.each([
    [0.05, "inversion, nearly always 0"],
    [0.5, "inversion"],
    [3, "inversion"],
    [POISSON_INVERSION_BELOW - 0.01, "inversion at its largest mean"],
    [POISSON_INVERSION_BELOW, "PTRS at its smallest mean"],
    [37.5, "PTRS"],
    [1000, "PTRS"],
    [1e6, "PTRS, a million"],
    [POISSON_NORMAL_ABOVE * 5, "normal approximation"],
  ])("mean %p (%s)", (mean) => {
    const rng = new Random(2024);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, mean);
      if (!(Number.isInteger(k) && k >= 0)) bad++;
      sum += k;
      sumSq += k * k;
    }
    expect(bad).toBe(0);
    const m = sum / n;
    const v = sumSq / n - m * m;
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(mean / n));
    expect(Math.abs(v / mean - 1)).toBeLessThan(5 * Math.sqrt((2 + 1 / mean) / n));
  });

  test.each([[2], [12], [25]])("the frequencies of each count near the mean %p match the Poisson law", (mean) => {
    const rng = new Random(99);
    const n = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = poisson(rng, mean);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let k = Math.max(0, Math.floor(mean - 2 * Math.sqrt(mean))); k <= mean + 2 * Math.sqrt(mean); k++) {
      const p = Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
      expect(Math.abs((counts.get(k) ?? 0) - n * p)).toBeLessThan(5 * Math.sqrt(n * p * (1 - p)));
    }
  });

  test("no mean, a negative one or NaN draws 0; every draw is a finite whole number", () => {
    const rng = new Random(1);
    expect(poisson(rng, 0)).toBe(0);
    expect(poisson(rng, -3)).toBe(0);
    expect(poisson(rng, NaN)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.integer({ min: 0 }), (mean, seed) => {
        const k = poisson(new Random(seed), mean);
        return Number.isFinite(k) && Number.isInteger(k) && k >= 0;
      })
    );
  });
});

describe("binomial: mean and variance over many draws with a fixed seed", () => {
  // Mean n p and variance n p (1 - p); the same 5-standard-error bounds as for Poisson.
  test.each([
    [20, 0.05, "counting gaps"],
    [1000, 0.003, "counting gaps, rare"],
    [40, (BINOMIAL_INVERSION_BELOW - 0.01) / 40, "counting gaps at its largest mean"],
    [40, BINOMIAL_INVERSION_BELOW / 40, "BTRS at its smallest mean"],
    [100, 0.5, "BTRS, a fair coin"],
    [500_000, 0.05, "BTRS, a month's leavers in a big network"],
    [1_000_000, 0.999, "BTRS through symmetry: nearly everyone"],
    [30, 0.9, "counting gaps through symmetry"],
  ])("n %p, p %p (%s)", (n, p) => {
    const rng = new Random(4242);
    const draws = 100_000;
    let sum = 0;
    let sumSq = 0;
    let bad = 0;
    for (let i = 0; i < draws; i++) {
      const k = binomial(rng, n, p);
      if (!(Number.isInteger(k) && k >= 0 && k <= n)) bad++;
      sum += k;
      sumSq += k * k;
    }
    expect(bad).toBe(0);
    const mean = n * p;
    const variance = n * p * (1 - p);
    const m = sum / draws;
    const v = sumSq / draws - m * m;
    expect(Math.abs(m - mean)).toBeLessThan(5 * Math.sqrt(variance / draws));
    expect(Math.abs(v / variance - 1)).toBeLessThan(5 * Math.sqrt(2 / draws) + 5 / draws);
  });

  test.each([
    [60, 0.2],
    [25, 0.5],
    [1000, 0.02],
  ])("the frequencies of each count near the mean of n %p, p %p match the binomial law", (n, p) => {
    const rng = new Random(7);
    const draws = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = binomial(rng, n, p);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const sd = Math.sqrt(n * p * (1 - p));
    for (let k = Math.max(0, Math.floor(n * p - 2 * sd)); k <= n * p + 2 * sd; k++) {
      const pk = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
      expect(Math.abs((counts.get(k) ?? 0) - draws * pk)).toBeLessThan(5 * Math.sqrt(draws * pk * (1 - pk)));
    }
  });

  test("edge cases: no trials, p 0 or 1, NaN; every draw is a whole number from 0 to n", () => {
    const rng = new Random(1);
    expect(binomial(rng, 0, 0.5)).toBe(0);
    expect(binomial(rng, 10, 0)).toBe(0);
    expect(binomial(rng, 10, 1)).toBe(10);
    expect(binomial(rng, 10, NaN)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0 }), (n, p, seed) => {
        const k = binomial(new Random(seed), n, p);
        return Number.isInteger(k) && k >= 0 && k <= n;
      })
    );
  });

  test("stirlingTail is what Stirling's formula leaves out of ln k!", () => {
    for (let k = 0; k <= 200; k++) {
      const stirling = (k + 0.5) * Math.log(k + 1) - (k + 1) + 0.5 * Math.log(2 * Math.PI);
      // The series for k >= 10 stops at the 1/n^5 term: what it leaves out is below 1/(1680 n^7) < 1e-10.
      expect(Math.abs(stirlingTail(k) - (logFactorial(k) - stirling))).toBeLessThan(k < 10 ? 1e-14 : 1e-10);
    }
  });
});

describe("gamma", () => {
  // Gamma(k, 1) has mean k and variance k (any textbook; e.g. NIST/SEMATECH e-Handbook, 1.3.6.6.11).
  test.each([0.25, 0.5, 1, 2.5, 10])("Gamma(%p): mean and variance k over 100,000 draws", (k) => {
    const rng = new Random(77);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const x = gamma(rng, k);
      if (!(x >= 0) || !Number.isFinite(x)) throw new Error(`draw ${x}`);
      sum += x;
      sq += x * x;
    }
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    // Standard error of the mean sqrt(k / n); of the variance about sqrt((E[x^4] - k^2) / n), with E[x^4] = k(k+1)(k+2)(k+3).
    expect(Math.abs(mean - k)).toBeLessThan(5 * Math.sqrt(k / n));
    expect(Math.abs(variance - k)).toBeLessThan(5 * Math.sqrt((k * (k + 1) * (k + 2) * (k + 3) - k * k) / n));
  });

  test("Gamma(1) is Exp(1): P(X > 1) = e^-1", () => {
    const rng = new Random(5);
    let above = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) if (gamma(rng, 1) > 1) above++;
    const p = Math.exp(-1);
    expect(Math.abs(above / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });
});
