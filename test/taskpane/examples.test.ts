import fs from "fs";
import path from "path";
import { EXAMPLES } from "../../src/taskpane/examples";
import { parseFunctions, signature } from "../../src/taskpane/function-list";
import { distDir, loadBundle } from "../support/excel-runtime";
import { required } from "../support/required";

/**
 * The function reference's worked examples, run through the BUILT functions (dist, or HBP_DIST):
 * each must compute without an error in an empty cell, and every function must have one, so the
 * "Insert formula" button never puts a broken formula into a user's cell.
 */

/** Excel's argument syntax as used by the examples: numbers, "text" and array constants {1,2;3,4}. */
function parseArgs(inner: string): unknown[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      args.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  args.push(inner.slice(start));
  const scalar = (s: string): unknown => {
    const t = s.trim();
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^(TRUE|FALSE)$/i.test(t)) return t.toUpperCase() === "TRUE";
    const n = Number(t);
    if (t === "" || !Number.isFinite(n)) throw new Error(`not a constant: ${s}`);
    return n;
  };
  return args.map((a) => {
    const t = a.trim();
    if (!t.startsWith("{")) return scalar(t);
    return t.slice(1, -1).split(";").map((row) => row.split(",").map(scalar));
  });
}

const built = fs.existsSync(path.join(distDir(), "functions.js"));
(required(built, "test/taskpane/examples.test.ts: dist/functions.js is not built (npm run build)") ? describe : describe.skip)("function reference examples", () => {
  const bundle = built ? loadBundle() : (undefined as never);

  test.each(Object.entries(EXAMPLES))("%s: %s computes", async (name, formula) => {
    const m = /^=BIZ\.([A-Z0-9]+)\((.*)\)$/.exec(formula);
    expect(m?.[1]).toBe(name);
    const outcome = await bundle.call(name, parseArgs(m![2]));
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toBeDefined();
  });

  test("every function in functions.json has an example (add one to src/taskpane/examples.ts)", () => {
    const missing = bundle.metadata.functions.map((f) => f.name.toUpperCase()).filter((n) => !EXAMPLES[n]);
    expect(missing).toEqual([]);
  });

  test("the pane reads functions.json as the help page does", () => {
    const json = JSON.parse(fs.readFileSync(path.join(distDir(), "functions.json"), "utf8"));
    const fns = parseFunctions(json);
    expect(fns.length).toBe(json.functions.length);
    const goal = fns.find((f) => f.name === "GOAL")!;
    expect(signature(goal)).toBe("BIZ.GOAL(amount, from_period, to_period, [basis], [workdays_per_week], [weeks_off])");
    expect(fns.find((f) => f.name === "BREAKDOWN")?.spills).toBe(true);
  });
});

test("parseFunctions keeps only text from the file", () => {
  const fns = parseFunctions({ functions: [{ name: "X", description: { html: "<b>" }, parameters: [{ name: "a", optional: "yes" }] }, { name: 3 }] });
  expect(fns).toEqual([{ name: "X", description: "", parameters: [{ name: "a", description: "", optional: false, dimensionality: "" }], spills: false }]);
});
