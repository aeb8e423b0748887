import fc from "fast-check";
import { hostileArgs, isExcelValue } from "../support/hostile";
import { loadBundle } from "../support/excel-runtime";

/**
 * Every function of the BUILT bundle, called the way Excel calls it, with hostile input: huge,
 * tiny, negative and fractional numbers, NaN, empty strings, text, booleans, null, empty and ragged
 * ranges, and ranges of 10,000 cells. Each call answers within its bound with a finite value, a
 * rectangular table, or #NUM!/#VALUE! with a message; nothing else.
 */
const { metadata, call } = loadBundle();

// The bound on one call: generous for a loaded CI machine, far below "Excel froze".
const BOUND_MS = 2000;
const SIMULATE_BOUND_MS = 30000;

async function outcomeOf(name: string, args: unknown[]) {
  const t0 = performance.now();
  const r = await call(name, args);
  const ms = performance.now() - t0;
  const ok = r.error === undefined ? isExcelValue(r.value) : ["#NUM!", "#VALUE!"].includes(r.error) && !!r.message;
  return { ok, ms, r };
}

describe.each(metadata.functions.map((f) => [f.id, f.parameters.length] as const))("BIZ.%s", (id, arity) => {
  const heavy = id.startsWith("SIMULATE");
  test("hostile arguments give a value or a proper Excel error, within the bound", async () => {
    await fc.assert(
      fc.asyncProperty(hostileArgs(arity), async (args) => {
        const { ok, ms, r } = await outcomeOf(id, args);
        if (!ok) throw new Error(`${id}(${JSON.stringify(args)}) gave ${JSON.stringify(r).slice(0, 300)}`);
        if (ms > (heavy ? SIMULATE_BOUND_MS : BOUND_MS)) throw new Error(`${id}(${JSON.stringify(args)}) took ${ms.toFixed(0)} ms`);
      }),
      { numRuns: heavy ? 25 : 300 }
    );
  });

  const rangeParams = metadata.functions
    .find((f) => f.id === id)!
    .parameters.map((p, i) => [p, i] as const)
    .filter(([p]) => p.dimensionality === "matrix");
  if (rangeParams.length) {
    test.each([
      ["a column of 10,000 rates", Array.from({ length: 10000 }, (_, i) => [((i % 9) + 1) / 10])],
      [
        "a 100 x 100 block with blanks and text",
        Array.from({ length: 100 }, (_, r) => Array.from({ length: 100 }, (_, c) => ((r + c) % 17 === 0 ? "" : (r * c) % 23 === 1 ? "x" : 0.5))),
      ],
    ])("every range argument given %s", async (_what, big) => {
      const args: unknown[] = metadata.functions
        .find((f) => f.id === id)!
        .parameters.map((p) => (p.dimensionality === "matrix" ? big : p.type === "string" ? "month" : p.type === "boolean" ? false : 2));
      const { ok, ms, r } = await outcomeOf(id, args);
      expect({ ok, r: ok ? "ok" : JSON.stringify(r).slice(0, 300) }).toEqual({ ok: true, r: "ok" });
      expect(ms).toBeLessThan(heavy ? SIMULATE_BOUND_MS : BOUND_MS);
    });
  }
});
