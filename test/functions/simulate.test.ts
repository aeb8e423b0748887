import fc from "fast-check";
import { SIMULATION_LABELS } from "../../src/core/simulate";
import { excelOutcome, hostileArgs } from "../support/hostile";
import { simulateFn } from "../../src/functions/simulate";

// The wrapper called directly, as Excel calls it: omitted optionals arrive as null, ranges as
// [[...]] with "" for blank cells. Its errors come out of the promise (or are thrown before one is
// made): `outcome` treats both alike.
const call = (...args: unknown[]) => (simulateFn as (...a: unknown[]) => Promise<any[][]>)(...args);
const outcome = (...args: unknown[]) => Promise.resolve().then(() => call(...args));

const rates = [[0.1, 0.05, 0.02]];

describe("SIMULATE through the runner", () => {
  test("spills 9 rows of label and value (today's 8, then the share who recruited no one)", async () => {
    const rows = await call(1000, 24, 1, 0.05, 100, rates, 50, null);
    expect(rows.length).toBe(9);
    expect(rows.map((r) => r[0])).toEqual([...SIMULATION_LABELS]);
    for (const [, v] of rows) expect(Number.isFinite(v)).toBe(true);
  });

  test("a market of 11 filled in month 1 (a huge recruiting rate), no attrition: the worked case of the core tests", async () => {
    // Founder: 10 recruits x 100 x 10% x 3 months - 3 x 50 = 150; each recruit: -150.
    const rows = await call(11, 3, 1e9, 0, 100, [[0.1]], 50, null);
    const value = Object.fromEntries(rows);
    expect(value).toMatchObject({
      "Members joined": 11,
      "Active at end": 11,
      "Median net per member": -150,
      "10th percentile net": -150,
      "90th percentile net": -150,
      "Top 1% share of commissions": 1,
    });
    expect(value["Mean net per member"]).toBeCloseTo((150 - 1500) / 11, 9);
    expect(value["Share with profit"]).toBeCloseTo(1 / 11, 12);
  });

  test("an omitted seed (null) is the default seed 1: the same answer on every recalculation", async () => {
    const omitted = await call(2000, 24, 1, 0.05, 100, rates, 50, null);
    expect(await call(2000, 24, 1, 0.05, 100, rates, 50, 1)).toEqual(omitted);
    expect(await call(2000, 24, 1, 0.05, 100, rates, 50, null)).toEqual(omitted);
    expect(await call(2000, 24, 1, 0.05, 100, rates, 50, 2)).not.toEqual(omitted);
  });

  test("level rates as a row, a column, or with blank cells (ignored, as everywhere in BIZ) give the same answer", async () => {
    const row = await call(2000, 24, 1, 0.05, 100, rates, 50, 7);
    expect(await call(2000, 24, 1, 0.05, 100, [[0.1], [0.05], [0.02]], 50, 7)).toEqual(row);
    expect(await call(2000, 24, 1, 0.05, 100, [[0.1], [""], [0.05], [null], [0.02]], 50, 7)).toEqual(row);
  });

  test("counts are truncated like Excel's: 11.9 members and 3.9 months are 11 and 3", async () => {
    expect(await call(11.9, 3.9, 1e9, 0, 100, [[0.1]], 50, 1.9)).toEqual(await call(11, 3, 1e9, 0, 100, [[0.1]], 50, 1));
  });

  test.each<[string, string, unknown[]]>([
    ["members 1,000,001", "#NUM!", [1_000_001, 24, 1, 0.05, 100, rates, 50, null]],
    ["members 0", "#NUM!", [0, 24, 1, 0.05, 100, rates, 50, null]],
    ["months 0", "#NUM!", [1000, 0, 1, 0.05, 100, rates, 50, null]],
    ["months 1201", "#NUM!", [1000, 1201, 1, 0.05, 100, rates, 50, null]],
    ["negative recruits", "#NUM!", [1000, 24, -1, 0.05, 100, rates, 50, null]],
    ["attrition above 1", "#NUM!", [1000, 24, 1, 1.5, 100, rates, 50, null]],
    ["negative volume", "#NUM!", [1000, 24, 1, 0.05, -100, rates, 50, null]],
    ["negative cost", "#NUM!", [1000, 24, 1, 0.05, 100, rates, -50, null]],
    ["a level rate above 1", "#NUM!", [1000, 24, 1, 0.05, 100, [[0.1, 1.2]], 50, null]],
    ["101 level rates", "#NUM!", [1000, 24, 1, 0.05, 100, [new Array(101).fill(0.01)], 50, null]],
    ["a negative seed", "#NUM!", [1000, 24, 1, 0.05, 100, rates, 50, -1]],
    ["text in the level rates", "#VALUE!", [1000, 24, 1, 0.05, 100, [[0.1, "ten percent"]], 50, null]],
    ["only blank level rates", "#VALUE!", [1000, 24, 1, 0.05, 100, [["", null]], 50, null]],
    ["text for members", "#VALUE!", [["a thousand"], 24, 1, 0.05, 100, rates, 50, null]],
    ["a range for months", "#VALUE!", [1000, [[12, 24]], 1, 0.05, 100, rates, 50, null]],
    ["text for the seed", "#VALUE!", [1000, 24, 1, 0.05, 100, rates, 50, "lucky"]],
    ["a required argument missing", "#VALUE!", [1000, 24, 1, null, 100, rates, 50, null]],
  ])("%s is %s", async (_, code, args) => {
    await expect(outcome(...args)).rejects.toMatchObject({ code, message: expect.stringMatching(/\w/) });
  });

  test("under hostile input it answers with a finite table or #NUM!/#VALUE!, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(hostileArgs(8), async (args) => {
        const outcome = await excelOutcome(call, args);
        if (!outcome.ok) throw new Error(`SIMULATE(${JSON.stringify(args)}) ${outcome.what}`);
      }),
      { numRuns: 300 }
    );
  });
});
