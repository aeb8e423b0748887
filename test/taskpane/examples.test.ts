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
    return t
      .slice(1, -1)
      .split(";")
      .map((row) => row.split(",").map(scalar));
  });
}

const near = (x: number) => expect.closeTo(x, 9);
/** Rows of a spill with every number compared to 9 decimals. */
const rows = (r: unknown[][]) => r.map((row) => row.map((v) => (typeof v === "number" ? near(v) : v)));

/**
 * What each example of src/taskpane/examples.ts computes, worked by hand (a function where only
 * part of the figure can be: SIMULATE is random).
 */
const KNOWN: Record<string, unknown> = {
  GOAL: 100, // 3000 x 12 / 360
  BREAKDOWN: rows([
    ["Year", 36000],
    ["Quarter", 9000],
    ["Month", 3000],
    ["Week", 36000 / 52],
    ["Day", 100],
    ["Workday", 36000 / 260],
  ]),
  SALESNEEDED: 240, // 3000 / (50 x 25%)
  FUNNEL: [[1000], [100], [50], [10]], // 10 / 0.2 = 50; 50 / 0.5 = 100; 100 / 0.1 = 1000
  LEADSNEEDED: 50, // 10 / 0.2
  BREAKEVEN: 40, // 1200 / (50 - 20)
  MONTHSTOGOAL: 19, // 500 x 1.1^n >= 3000: n >= ln 6 / ln 1.1 = 18.8
  GROSSUP: 4200, // 3000 / (1 - 25%) + 200
  // Each month keeps 98% and adds 100: 100, 198, 294.04, ...; month 12 = 100 x (1 - 0.98^12) / 0.02 = 1076.416.
  LISTGROWTH: (v: unknown) => {
    const r = v as number[][];
    expect(r.length).toBe(12);
    expect(r.slice(0, 3)).toEqual(
      rows([
        [1, 100],
        [2, 198],
        [3, 294.04],
      ])
    );
    expect(r[11]).toEqual(rows([[12, (100 * (1 - 0.98 ** 12)) / 0.02]])[0]);
  },
  // 3 x 50% = 1.5 per member per level: 1.5, 2.25, 3.375, 5.0625, 7.59375, totals 1.5 ... 19.78125.
  DOWNLINE: rows([
    [1, 1.5, 1.5],
    [2, 2.25, 3.75],
    [3, 3.375, 7.125],
    [4, 5.0625, 12.1875],
    [5, 7.59375, 19.78125],
  ]),
  MATRIX: [
    [1, 3, 3],
    [2, 9, 9],
    [3, 27, 27],
    [4, 81, 11],
  ], // 50 placed: 3 + 9 + 27 = 39 fill three levels, 11 on the fourth
  LEVELPAY: near(156), // 100 x (3 x 10% + 9 x 5% + 27 x 3%) = 30 + 45 + 81
  // Month 1: new 0.2 x 1 x (1 - 1/10000) = 0.19998, dropped 0.1 x 1, active 1.09998, joined 1.19998.
  GROWTH: (v: unknown) => {
    const r = v as number[][];
    expect(r.length).toBe(12);
    expect(r[0]).toEqual(rows([[1, 0.19998, 0.1, 1.09998, 1.19998]])[0]);
  },
  // Month 1: team 0.2, volume 20, commission 2, cost 50, net -48; month 2: 0.2 + 0.2 x 1.2 - 0.1 x 0.2 = 0.42, net 4.2 - 50 = -45.8, cumulative -93.8.
  PROJECTION: (v: unknown) => {
    const r = v as number[][];
    expect(r.length).toBe(12);
    expect(r.slice(0, 2)).toEqual(
      rows([
        [1, 0.2, 20, 2, 50, -48, -48],
        [2, 0.42, 42, 4.2, 50, -45.8, -93.8],
      ])
    );
  },
  // 500/400: 400 match, 10% = 40, 100 carries left; 400/600: 400, 40, 200 carries right; 800/400: 400, 40, 400 left.
  BINARY: [
    [1, 400, 40, 100, 0],
    [2, 400, 40, 0, 200],
    [3, 400, 40, 400, 0],
  ],
  STAIRSTEP: near(20), // group 200 + 1500 + 3000 = 4700 earns 10%; each leg earns 10% too: only 10% of your 200
  DIFFERENTIAL: [[5, 5, 10]], // 5%, then 10% - 5%, then 20% - 10% of 100
  // Random, so what any run must show: the eight labels, 1 to 1000 members, shares from 0 to 1.
  SIMULATE: (v: unknown) => {
    const r = v as Array<[string, number]>;
    expect(r.map((x) => x[0])).toEqual([...SUMMARY_LABELS]);
    expect(r[0][1]).toBeGreaterThanOrEqual(1);
    expect(r[0][1]).toBeLessThanOrEqual(1000);
    for (const i of [6, 7, 8]) {
      expect(r[i][1]).toBeGreaterThanOrEqual(0);
      expect(r[i][1]).toBeLessThanOrEqual(1);
    }
    expect(r[4][1]).toBeGreaterThanOrEqual(-12 * 50); // nobody pays more than 12 months of 50
  },
  TEAMNEEDED: 315, // (3000 + 150) / (100 x 10%) = 315
  // 3 a member, all stay: 3, 9, 27, 81, 243, 729; five levels pay 100 x (3 x 10% + (9 + 27 + 81 + 243) x 5%) = 30 + 1800 = 1830 < 3000,
  // six add 729 x 5% x 100 = 3645: 5475 >= 3000; members 3 + 9 + 27 + 81 + 243 + 729 = 1092.
  LEVELSNEEDED: [[6, 1092]],
  // No cap: the team grows T(m) = (1 + r - a) T(m-1) + r from T(0) = 0, so T(12) = r ((1 + r - a)^12 - 1) / (r - a); the net
  // 10 T(12) - 50 reaches 3000 at T(12) = 305. The answer fed into that closed form gives 305, and 1e-6 less falls short.
  RECRUITSNEEDED: (v: unknown) => {
    const r = v as number;
    const team = (x: number) => (x * ((1 + x - 0.05) ** 12 - 1)) / (x - 0.05);
    expect(team(r)).toBeCloseTo(305, 6);
    expect(team(r * (1 - 1e-6))).toBeLessThan(305);
  },
  SIMULATEMATRIX: (v: unknown) => (KNOWN.SIMULATE as (v: unknown) => void)(v),
  SIMULATEBINARY: (v: unknown) => (KNOWN.SIMULATE as (v: unknown) => void)(v),
  // The brackets report: twelve rows of (from, to, members, share); the members of a run of at most 1000 add up to 1 to 1000, the shares to 1.
  SIMULATESTAIRSTEP: (v: unknown) => {
    const r = v as Array<[number | string, number | string, number, number]>;
    expect(r.length).toBe(12);
    const members = r.reduce((t, x) => t + x[2], 0);
    expect(members).toBeGreaterThanOrEqual(1);
    expect(members).toBeLessThanOrEqual(1000);
    expect(r.reduce((t, x) => t + x[3], 0)).toBeCloseTo(1, 12);
    expect([r[0][0], r[11][1]]).toEqual(["", ""]); // open ends
  },
};

/** SIMULATE's summary rows (docs/simulate.md), written out here rather than read from core. */
const SUMMARY_LABELS = [
  "Members joined",
  "Active at end",
  "Median net per member",
  "Mean net per member",
  "10th percentile net",
  "90th percentile net",
  "Share with profit",
  "Top 1% share of commissions",
  "Share who recruited no one",
] as const;
KNOWN.DOWNLINEGROWTH = KNOWN.GROWTH; // GROWTH's new name (branch fix)

const built = fs.existsSync(path.join(distDir(), "functions.js"));
(required(built, "test/taskpane/examples.test.ts: dist/functions.js is not built (npm run build)") ? describe : describe.skip)(
  "function reference examples",
  () => {
    const bundle = built ? loadBundle() : (undefined as never);

    test.each(Object.entries(EXAMPLES))("%s: %s computes", async (name, formula) => {
      const m = /^=BIZ\.([A-Z0-9]+)\((.*)\)$/.exec(formula);
      expect(m?.[1]).toBe(name);
      const outcome = await bundle.call(name, parseArgs(m![2]));
      expect(outcome.error).toBeUndefined();
      const known = KNOWN[name];
      if (known === undefined) throw new Error(`no hand-worked figure for the ${name} example: add one to KNOWN`);
      if (typeof known === "function") known(outcome.value);
      else expect(outcome.value).toEqual(known);
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
  }
);

test("parseFunctions keeps only text from the file", () => {
  const fns = parseFunctions({ functions: [{ name: "X", description: { html: "<b>" }, parameters: [{ name: "a", optional: "yes" }] }, { name: 3 }] });
  expect(fns).toEqual([{ name: "X", description: "", parameters: [{ name: "a", description: "", optional: false, dimensionality: "" }], spills: false }]);
});
