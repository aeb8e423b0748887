import { Random, poisson } from "../../src/core/random";

/**
 * Known answers for the generator under the samplers: exact values, not statistics, so that a
 * generator that is merely "random-looking" but not xoshiro128** (Blackman and Vigna), or seeded
 * otherwise than docs/simulate.md says, fails. SIMULATE's figures are stored in users' sheets, so
 * the stream a seed gives is part of the contract.
 */

/** The generator's four state words (private: set and read only here, to start from a published state). */
const stateOf = (rng: Random) => (rng as unknown as { s: Int32Array }).s;
const fromState = (words: number[]) => {
  const rng = new Random(0);
  stateOf(rng).set(Int32Array.from(words));
  return rng;
};
const u32 = (words: Int32Array) => Array.from(words, (w) => w >>> 0);

// Output and states of the C reference implementation (xoshiro128starstar.c, prng.di.unimi.it), as
// recorded for verification in edorfaus/xoshiro-6502, test-rom/testdata.asm (VerifyValuesXoshiro128,
// third column, and VerifyStatesXoshiro128). The same file's xoshiro128+ column is s0 + s3 of each
// state (0x964D4A0C + 0x3006F0F0 = 0xC6543AFC), which confirms how its words are ordered.
const START = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0];
const OUTPUTS = [0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70];
const STATES = [
  [0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20],
  [0xff3a011b, 0xb33a90fc, 0x2c5a18ae, 0xd81b946b],
  [0x941b058c, 0x605a8949, 0xa641e1b5, 0x0824bb59],
  [0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343],
];

describe("xoshiro128**: the C reference's outputs and states", () => {
  test("four steps from a published state", () => {
    const rng = fromState(START);
    for (let i = 0; i < 4; i++) {
      expect(rng.nextUint32()).toBe(OUTPUTS[i]);
      expect(u32(stateOf(rng))).toEqual(STATES[i]);
    }
  });

  test("next() is the first output's top 27 bits and the second's top 26, over 2^53", () => {
    const rng = fromState(START);
    // 0xf1391922 >>> 5 = 126,470,345 (4,047,051,042 / 32); 0x6fe53806 >>> 6 = 29,332,704 (1,877,293,062 / 64, by hand, then x 2^26 + ...).
    expect(0xf1391922 >>> 5).toBe(126470345);
    expect(0x6fe53806 >>> 6).toBe(29332704);
    expect(rng.next()).toBe((126470345 * 67108864 + 29332704) / 2 ** 53);
    // The next double is made of the third and fourth outputs.
    expect(rng.next()).toBe(((0xa5be2840 >>> 5) * 67108864 + (0xf510ee70 >>> 6)) / 2 ** 53);
  });
});

/** splitmix32 as docs/simulate.md names it, in BigInt arithmetic (nothing shared with the engine's imul). */
function splitmix32(x: bigint): bigint {
  const M = 0xffffffffn;
  let z = (x + 0x9e3779b9n) & M;
  z = ((z ^ (z >> 16n)) * 0x85ebca6bn) & M;
  z = ((z ^ (z >> 13n)) * 0xc2b2ae35n) & M;
  return z ^ (z >> 16n);
}

describe("seeding: both 32-bit halves of the seed through splitmix32", () => {
  test("a 0 word is followed by a non-zero one, so no seed gives the all-zero state xoshiro cannot leave", () => {
    expect(splitmix32(0n)).toBe(0x92ca2f0en);
  });

  test.each([0, 1, 2, 42, 2 ** 32, 2 ** 32 + 5, 123456789012345, 2 ** 53 - 1])("seed %p", (seed) => {
    const lo = BigInt(seed) & 0xffffffffn;
    const hi = BigInt(seed) >> 32n;
    let x = splitmix32(lo ^ splitmix32(hi ^ 0x5bd1e995n));
    const expected: number[] = [];
    for (let i = 0; i < 4; i++) {
      expected.push(Number(x));
      x = splitmix32(x);
    }
    expect(u32(stateOf(new Random(seed)))).toEqual(expected);
  });
});

describe("poisson below a mean of 10: inversion of the exact distribution", () => {
  test.each([0.3, 1, 4.5, 9.99])("mean %p: k is the first whose cumulative probability passes u", (mean) => {
    const rng = new Random(3);
    const twin = new Random(3);
    // P(K = k) = e^-m m^k / k!, summed term by term from k = 0.
    const cdf: number[] = [];
    let sum = 0;
    let factorial = 1;
    for (let k = 0; k < 60; k++) {
      if (k > 0) factorial *= k;
      sum += (Math.exp(-mean) * mean ** k) / factorial;
      cdf.push(sum);
    }
    for (let i = 0; i < 2000; i++) {
      const u = twin.next();
      const k = cdf.findIndex((c) => u < c);
      expect([i, poisson(rng, mean)]).toEqual([i, k]);
    }
  });
});
