import fc from "fast-check";
import { excelOutcome, hostileArgs } from "../support/hostile";
import { simulateFn } from "../../src/functions/simulate";
import { simulateBinaryFn, simulateMatrixFn, simulateStairStepFn } from "../../src/functions/simulate-plans";
import { slowTest } from "../support/under-mutation";

// The wrappers called directly, as Excel calls them: omitted optionals arrive as null, ranges as
// [[...]], and a @cancelable function gets Excel's CancelableInvocation after its parameters.
type Fn = (...a: unknown[]) => Promise<any[][]>;
const SIMULATE = simulateFn as unknown as Fn;
const MATRIX = simulateMatrixFn as unknown as Fn;
const BINARY = simulateBinaryFn as unknown as Fn;
const STAIRSTEP = simulateStairStepFn as unknown as Fn;
const outcome = (fn: Fn, ...args: unknown[]) => Promise.resolve().then(() => fn(...args));

// A market of 11 filled in month 1 (a huge recruiting rate: the founder sponsors the other 10), no attrition,
// 3 months, volume 100, cost 50: every case below is worked by hand from that network.
const FILL = [11, 3, 1e9, 0, 100] as const;

describe("the plans through the runner, on a market of 11 filled in month 1", () => {
  test("SIMULATEMATRIX 3 wide, 10% / 5%: 3 under the founder, then 3, 3 and 1 under them", async () => {
    // Founder: 3 x 10 + 7 x 5 = 65 a month, 195 - 150 = 45. Members 1 and 2: 3 x 10 x 3 = 90 - 150 = -60.
    // Member 3: 30 - 150 = -120. The other 7: -150. Sorted: seven -150, -120, -60, -60, 45: median -150.
    const rows = Object.fromEntries(await MATRIX(...FILL, 3, [[0.1, 0.05]], 50, null, null, null, null));
    expect(rows).toMatchObject({
      "Members joined": 11,
      "Active at end": 11,
      "Median net per member": -150,
      "Share with profit": 1 / 11,
      "Share who recruited no one": 10 / 11,
    });
    expect(rows["Mean net per member"]).toBeCloseTo((45 - 60 - 60 - 120 - 7 * 150) / 11, 9);
    expect(rows["Top 1% share of commissions"]).toBeCloseTo(195 / (195 + 90 + 90 + 30), 12);
  });

  test("SIMULATEBINARY 10%: the founder's legs fill alternately, five and five", async () => {
    // Founder: 500 against 500, 50 a month: 150 - 150 = 0, break-even, not a profit. Members 1 to 4 each have
    // legs of 3 and 1 (or 1 and 1): 10 a month, 30 - 150 = -120. The other 6: -150. Median -150.
    const rows = Object.fromEntries(await BINARY(...FILL, 0.1, 50, null, null, null, null, null, null));
    expect(rows).toMatchObject({ "Members joined": 11, "Median net per member": -150, "Share with profit": 0 });
    expect(rows["Mean net per member"]).toBeCloseTo((0 - 4 * 120 - 6 * 150) / 11, 9);
    expect(rows["Top 1% share of commissions"]).toBeCloseTo(150 / 270, 12);
    // A cap of 30 a month: the founder is paid 30, not 50: 90 - 150 = -60.
    const capped = Object.fromEntries(await BINARY(...FILL, 0.1, 50, 30, null, null, null, null, null));
    expect(capped["Mean net per member"]).toBeCloseTo((-60 - 4 * 120 - 6 * 150) / 11, 9);
  });

  test("SIMULATESTAIRSTEP 2% / 5% from 500 / 10% from 1,000: the founder's group of 1,100 breaks every leg", async () => {
    // Founder: 10% of 100 + 10 legs x (10% - 2%) x 100 = 90 a month, 270 - 150 = 120. Others: 2 a month, 6 - 150 = -144.
    const rows = Object.fromEntries(await STAIRSTEP(...FILL, [[0, 500, 1000]], [[0.02, 0.05, 0.1]], 50, null, null, null, null));
    expect(rows).toMatchObject({ "Median net per member": -144, "Share with profit": 1 / 11 });
    expect(rows["Mean net per member"]).toBeCloseTo((120 - 10 * 144) / 11, 9);
    expect(rows["Top 1% share of commissions"]).toBeCloseTo(270 / 330, 12);
  });

  test("a goal adds the share at goal: the founder nets 100 - 50 = 50 in the last month", async () => {
    const at = async (goal: number) => Object.fromEntries(await SIMULATE(...FILL, [[0.1]], 50, null, null, goal, null))["Share at goal"];
    expect(await at(50)).toBeCloseTo(1 / 11, 12);
    expect(await at(51)).toBe(0);
    expect(await at(-50)).toBe(1); // every member is still in and nets at least -50 in the last month
    const rows = await SIMULATE(...FILL, [[0.1]], 50, null, null, 50, null);
    expect(rows.map((r) => r[0]).slice(-2)).toEqual(["Share who recruited no one", "Share at goal"]);
  });

  test('report "percentiles": PERCENTILE.INC of the nets (the founder 150, ten at -150)', async () => {
    // Rank p x 10 of ten -150 and one 150: 90% is rank 9 (-150); 95% rank 9.5: -150 + 0.5 x 300 = 0; 99%: -150 + 0.9 x 300 = 120.
    const rows = await SIMULATE(...FILL, [[0.1]], 50, null, null, null, "Percentiles ");
    expect(rows.map((r) => r[0])).toEqual([0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99]);
    const value = new Map(rows as Array<[number, number]>);
    expect(value.get(0.9)).toBeCloseTo(-150, 9);
    expect(value.get(0.95)).toBeCloseTo(0, 9);
    expect(value.get(0.99)).toBeCloseTo(120, 9);
  });

  test('report "brackets": the founder at 50 a month, the ten at -50 a month', async () => {
    const rows = await SIMULATE(...FILL, [[0.1]], 50, null, null, null, "brackets");
    expect(rows.length).toBe(12);
    expect(rows.find((r) => r[0] === -50)).toEqual([-50, -10, 10, 10 / 11]);
    expect(rows.find((r) => r[0] === 10)).toEqual([10, 100, 1, 1 / 11]);
    expect(rows[0][0]).toBe("");
    expect(rows[11][1]).toBe("");
  });

  test("the seed, the spread and the report default when omitted or blank", async () => {
    const omitted = await BINARY(2000, 24, 0.5, 0.05, 100, 0.1, 50, null, null, null, null, null, null);
    expect(await BINARY(2000, 24, 0.5, 0.05, 100, 0.1, 50, "", false, 1, 0, "", "summary")).toEqual(omitted);
    expect(await BINARY(2000, 24, 0.5, 0.05, 100, 0.1, 50, null, null, 1, 2, null, null)).not.toEqual(omitted);
  });
});

describe("the plans' errors", () => {
  test.each<[string, Fn, unknown[], string]>([
    ["a width of 0", MATRIX, [1000, 24, 1, 0.05, 100, 0, [[0.1]], 50], "#NUM!"],
    ["a binary rate above 1", BINARY, [1000, 24, 1, 0.05, 100, 1.2, 50], "#NUM!"],
    ["a cap of 0", BINARY, [1000, 24, 1, 0.05, 100, 0.1, 50, 0], "#NUM!"],
    ["thresholds out of order", STAIRSTEP, [1000, 24, 1, 0.05, 100, [[0, 300, 200]], [[0, 0.1, 0.2]], 50], "#VALUE!"],
    ["thresholds and rates of different lengths", STAIRSTEP, [1000, 24, 1, 0.05, 100, [[0, 300]], [[0.1]], 50], "#VALUE!"],
    ["a spread above 100", SIMULATE, [1000, 24, 1, 0.05, 100, [[0.1]], 50, null, 101], "#NUM!"],
    ["text for the goal", SIMULATE, [1000, 24, 1, 0.05, 100, [[0.1]], 50, null, null, "a lot"], "#VALUE!"],
    ["an unknown report", SIMULATE, [1000, 24, 1, 0.05, 100, [[0.1]], 50, null, null, null, "histogram"], "#VALUE!"],
  ])("%s is %s", async (_, fn, args, code) => {
    await expect(outcome(fn, ...args)).rejects.toMatchObject({ code: code === "#NUM!" ? "#NUM!" : "#VALUE!", message: expect.stringMatching(/\w/) });
  });

  test.each([
    ["SIMULATEMATRIX", MATRIX, 13],
    ["SIMULATEBINARY", BINARY, 14],
    ["SIMULATESTAIRSTEP", STAIRSTEP, 13],
  ] as const)("%s under hostile input answers with a finite table or #NUM!/#VALUE!", async (id, fn, arity) => {
    await fc.assert(
      fc.asyncProperty(hostileArgs(arity - 1), async (args) => {
        const o = await excelOutcome(fn, [1000, 12, ...args.slice(2)]);
        if (!o.ok) throw new Error(`${id}(${JSON.stringify(args)}) ${o.what}`);
      }),
      { numRuns: 150 }
    );
  });
});

describe("Excel cancels a call: the run stops", () => {
  slowTest("onCanceled during a run of a million members: the promise rejects instead of running to the end", async () => {
    for (const [fn, args] of [
      [SIMULATE, [1_000_000, 36, 1, 0.05, 100, [[0.1, 0.05]], 50, null, null, null, null]],
      [BINARY, [1_000_000, 36, 1, 0.05, 100, 0.1, 50, null, null, null, null, null, null]],
      [STAIRSTEP, [1_000_000, 36, 1, 0.05, 100, [[0, 1000]], [[0.05, 0.1]], 50, null, null, null, null]],
    ] as const) {
      const invocation: { onCanceled?: () => void } = {};
      const run = fn(...args, invocation);
      expect(typeof invocation.onCanceled).toBe("function");
      // Excel cancels once the call has started (the run pauses for the event loop every 50 ms).
      await new Promise((resolve) => setTimeout(resolve, 0));
      invocation.onCanceled!();
      await expect(run).rejects.toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/canceled/) });
    }
  });

  test("a call that is not canceled gives its answer, the same as without an invocation", async () => {
    const args = [3000, 24, 0.5, 0.05, 100, [[0.1]], 50, 4, null, null, null];
    expect(await SIMULATE(...args, {})).toEqual(await SIMULATE(...args));
  });
});
