import fc from "fast-check";
import fs from "fs";
import path from "path";
import { excelOutcome, hostileArgs } from "../support/hostile";

/**
 * Every custom function wrapper in src/functions, found by its @customfunction tag, called with
 * hostile arguments: the answer is always a finite value, a rectangular table, or #NUM!/#VALUE!.
 * The SIMULATE functions are heavy by design and have their own bounded tests (test/functions/simulate*.test.ts and the
 * bundle-level adversarial test), so it is left out here.
 */
const dir = path.join(__dirname, "../../src/functions");
const wrappers: Array<{ id: string; fn: (...a: unknown[]) => unknown }> = [];
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const mod = require(path.join(dir, file));
  for (const m of source.matchAll(/@customfunction\s+(\w+)[\s\S]*?export (?:async )?function (\w+)\(/g)) {
    if (!m[1].startsWith("SIMULATE")) wrappers.push({ id: m[1], fn: mod[m[2]] });
  }
}

test("the wrappers were found", () => {
  expect(wrappers.map((w) => w.id)).toEqual(
    expect.arrayContaining(["GOAL", "BREAKDOWN", "SALESNEEDED", "FUNNEL", "LEADSNEEDED", "BREAKEVEN", "MONTHSTOGOAL", "GROSSUP", "LISTGROWTH"])
  );
});

describe.each(wrappers.map((w) => [w.id, w.fn] as const))("%s under hostile input", (id, fn) => {
  test("answers with a finite value, a rectangular table or #NUM!/#VALUE!", async () => {
    await fc.assert(
      fc.asyncProperty(hostileArgs(Math.max(fn.length, 1)), async (args) => {
        const outcome = await excelOutcome(fn, args);
        if (!outcome.ok) throw new Error(`${id}(${JSON.stringify(args)}) ${outcome.what}`);
      }),
      { numRuns: 400 }
    );
  });
});
