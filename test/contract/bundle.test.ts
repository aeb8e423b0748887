import fs from "fs";
import path from "path";
import { distDir, loadBundle } from "../support/excel-runtime";

/**
 * The built add-in end to end, as Excel calls it: every function in functions.json is associated,
 * documented, and answers its worked examples with omitted optionals arriving as null.
 */
const bundle = loadBundle();
const { metadata, call } = bundle;

test("every function in functions.json is associated and documented", () => {
  expect(metadata.functions.length).toBeGreaterThanOrEqual(9);
  for (const f of metadata.functions) {
    expect(bundle.associated.has(f.id)).toBe(true);
    expect(f.id).toMatch(/^[A-Z][A-Z0-9]*$/);
    expect(f.name).toBe(f.id);
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.helpUrl).toBe(`https://localhost:3000/help.html#${f.id}`);
    for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(5);
  }
});

test("the help page names every function", () => {
  const help = fs.readFileSync(path.join(distDir(), "help.html"), "utf8");
  // The build minifies HTML, so attribute quotes may be dropped.
  for (const f of metadata.functions) expect(help).toMatch(new RegExp(`id="?${f.id}"?[ >]`));
});

// [function, arguments (missing trailing ones are omitted), expected value, where it comes from]
const cases: Array<[string, unknown[], unknown, string]> = [
  ["GOAL", [3000, "month", "day"], 100, "issue 2"],
  ["GOAL", [36000, "year", "week"], 36000 / 52, "issue 2: 692.31"],
  ["GOAL", [36000, "year", "workday"], 36000 / 260, "issue 2: 138.46"],
  ["GOAL", [36000, "year", "workday", null, 4, 2], 36000 / 200, "4 days x 50 weeks"],
  [
    "BREAKDOWN",
    [36000],
    [
      ["Year", 36000],
      ["Quarter", 9000],
      ["Month", 3000],
      ["Week", 36000 / 52],
      ["Day", 100],
      ["Workday", 36000 / 260],
    ],
    "issue 2",
  ],
  [
    "BREAKDOWN",
    [3000, "month"],
    [
      ["Year", 36000],
      ["Quarter", 9000],
      ["Month", 3000],
      ["Week", 36000 / 52],
      ["Day", 100],
      ["Workday", 36000 / 260],
    ],
    "from a month",
  ],
  ["SALESNEEDED", [100, 100], 1, "issue 2"],
  ["SALESNEEDED", [100, 50], 2, "issue 2"],
  ["SALESNEEDED", [3000, 100, 0.3], 100, "issue 2"],
  ["FUNNEL", [14, [[0.1, 0.35, 0.5, 0.4]]], [[2000], [200], [70], [35], [14]], "issue 2, rates as a row"],
  ["FUNNEL", [14, [[0.1], [0.35], [""], [0.5], [0.4]]], [[2000], [200], [70], [35], [14]], "rates as a column with a blank cell"],
  ["LEADSNEEDED", [10, 0.25], 40, "issue 2"],
  ["BREAKEVEN", [1000, 50, 30], 50, "issue 2"],
  ["MONTHSTOGOAL", [1000, 3000, 0.1], 12, "issue 2"],
  ["GROSSUP", [70000, 0.25, 4800], 70000 / 0.75 + 4800, "issue 2: 98133.33"],
  ["GROSSUP", [70000, 0.25], 70000 / 0.75, "expenses omitted"],
  [
    "LISTGROWTH",
    [100, 3, 0.1],
    [
      [1, 100],
      [2, 190],
      [3, 271],
    ],
    "issue 2",
  ],
  // Issue 3: downline and comp plans, with omitted optionals arriving as null.
  [
    "DOWNLINE",
    [3, 7],
    [
      [1, 3, 3],
      [2, 9, 12],
      [3, 27, 39],
      [4, 81, 120],
      [5, 243, 363],
      [6, 729, 1092],
      [7, 2187, 3279],
    ],
    "issue 3: last row 7, 2187, 3279",
  ],
  [
    "MATRIX",
    [3, 3, 20],
    [
      [1, 3, 3],
      [2, 9, 9],
      [3, 27, 8],
    ],
    "issue 3: 3, 9, 8 filled",
  ],
  ["LEVELPAY", [[[3], [9], [27]], 100, [[0.1, 0.05, 0.02]]], 129, "issue 3: 30 + 45 + 54"],
  ["BINARY", [[[500]], [[1000]], 0.1], [[1, 500, 50, 0, 500]], "issue 3: pays 50, carry 0/500"],
  [
    "BINARY",
    [[[30], [0]], [[40], [10]], 25, 250],
    [
      [1, 30, 250, 20, 30],
      [2, 20, 250, 10, 30],
    ],
    "issue 3: cap 250, carry 20/30 then 10/30",
  ],
  ["BINARY", [[[250]], [[120]], 10, null, null, 100], [[1, 100, 10, 150, 20]], "issue 3: pairs of 100, 1 pair, carry 150/20"],
  [
    "STAIRSTEP",
    [100, [[200]], [[0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500]], [[0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25]]],
    12,
    "issue 3: Amway-style, pays 12",
  ],
  // Issue 8: no legs yet. G = 1000 reaches the 12% step: 12% x 1000 = 120, as a leg list of one 0 pays.
  [
    "STAIRSTEP",
    [1000, [[""], [""], [""]], [[0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500]], [[0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25]]],
    120,
    "issue 8: an all-blank leg range, 12% x 1000",
  ],
  [
    "STAIRSTEP",
    [1000, [[null]], [[0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500]], [[0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25]]],
    120,
    "issue 8: one blank leg cell, 12% x 1000",
  ],
  [
    "STAIRSTEP",
    [1000, [[0]], [[0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500]], [[0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25]]],
    120,
    "one leg of 0: the same 120",
  ],
  ["LEVELPAY", [[[""], [""]], 100, [[0.1, 0.05]]], 0, "issue 8: no downline yet pays 0"],
  ["DIFFERENTIAL", [100, [[0.1, 0.15, 0.19, 0.21]]], [[10, 5, 4, 2]], "issue 3: same orientation as the rates (a row)"],
  ["DIFFERENTIAL", [100, [[0.1], [0.15], [0.19], [0.21]]], [[10], [5], [4], [2]], "issue 3: a column gives a column"],
  [
    "DOWNLINEGROWTH",
    [0.5, 2, 0.1],
    [
      [1, 0.5, 0.1, 1.4, 1.5],
      [2, 0.7, 0.14, 1.96, 2.2],
    ],
    "issue 3",
  ],
  [
    "PROJECTION",
    [0.5, 2, 100, 0.1, 50],
    [
      [1, 0.5, 50, 5, 50, -45, -45],
      [2, 1.25, 125, 12.5, 50, -37.5, -82.5],
    ],
    "issue 3: net -45 then -37.5, cumulative -82.5",
  ],
  [
    "SIMULATE",
    [1, 12, 1, 0.05, 100, [[0.1]], 50],
    [
      ["Members joined", 1],
      ["Active at end", 1],
      ["Median net per member", -600],
      ["Mean net per member", -600],
      ["10th percentile net", -600],
      ["90th percentile net", -600],
      ["Share with profit", 0],
      ["Top 1% share of commissions", 0],
      ["Share who recruited no one", 1],
    ],
    "a market of one: the founder alone pays 12 x 50",
  ],
  // Issue 10: the plans on a market of 11 filled in month 1 (the founder sponsors the other 10), no attrition, 3 months.
  [
    "SIMULATE",
    [11, 3, 1e9, 0, 100, [[0.1]], 50, null, null, 50],
    [
      ["Members joined", 11],
      ["Active at end", 11],
      ["Median net per member", -150],
      ["Mean net per member", (150 - 1500) / 11],
      ["10th percentile net", -150],
      ["90th percentile net", -150],
      ["Share with profit", 1 / 11],
      ["Top 1% share of commissions", 1],
      ["Share who recruited no one", 10 / 11],
      ["Share at goal", 1 / 11],
    ],
    "founder 10 x 10 x 3 - 150 = 150; at the goal of 50 in the last month: the founder only",
  ],
  [
    "SIMULATEMATRIX",
    [11, 3, 1e9, 0, 100, 3, [[0.1, 0.05]], 50],
    [
      ["Members joined", 11],
      ["Active at end", 11],
      ["Median net per member", -150],
      ["Mean net per member", (45 - 60 - 60 - 120 - 7 * 150) / 11],
      ["10th percentile net", -150],
      ["90th percentile net", -60],
      ["Share with profit", 1 / 11],
      ["Top 1% share of commissions", 195 / 405],
      ["Share who recruited no one", 10 / 11],
    ],
    "3 x 10 + 7 x 5 a month to the founder; 3, 3 and 1 placed under members 1 to 3",
  ],
  [
    "SIMULATEBINARY",
    [11, 3, 1e9, 0, 100, 0.1, 50],
    [
      ["Members joined", 11],
      ["Active at end", 11],
      ["Median net per member", -150],
      ["Mean net per member", (0 - 4 * 120 - 6 * 150) / 11],
      ["10th percentile net", -150],
      ["90th percentile net", -120],
      ["Share with profit", 0],
      ["Top 1% share of commissions", 150 / 270],
      ["Share who recruited no one", 10 / 11],
    ],
    "legs of 5 and 5: the founder 50 a month, break-even; members 1 to 4 10 a month",
  ],
  [
    "SIMULATESTAIRSTEP",
    [11, 3, 1e9, 0, 100, [[0, 500, 1000]], [[0.02, 0.05, 0.1]], 50],
    [
      ["Members joined", 11],
      ["Active at end", 11],
      ["Median net per member", -144],
      ["Mean net per member", (120 - 10 * 144) / 11],
      ["10th percentile net", -144],
      ["90th percentile net", -144],
      ["Share with profit", 1 / 11],
      ["Top 1% share of commissions", 270 / 330],
      ["Share who recruited no one", 10 / 11],
    ],
    "founder's group 1,100 at 10%: 10 + 10 x 8 a month; the others 2 a month",
  ],
  [
    "SIMULATE",
    [11, 3, 1e9, 0, 100, [[0.1]], 50, null, null, null, "brackets"],
    [
      ["", -100, 0, 0],
      [-100, -50, 0, 0],
      [-50, -10, 10, 10 / 11],
      [-10, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 10, 0, 0],
      [10, 100, 1, 1 / 11],
      [100, 500, 0, 0],
      [500, 1000, 0, 0],
      [1000, 5000, 0, 0],
      [5000, 10000, 0, 0],
      [10000, "", 0, 0],
    ],
    "the founder at 50 a month, the ten at -50",
  ],
  // Issue 11: the backward questions, with omitted optionals arriving as null.
  ["TEAMNEEDED", [3000, 100, 0.1], 300, "issue 11: 3000 / (100 x 0.1) = 300"],
  ["TEAMNEEDED", [3000, 100, 0.1, 150], 315, "issue 11: 3150 / 10 = 315"],
  ["TEAMNEEDED", [1.1, 1, 0.1, null], 11, "1.1 / 0.1 = 11.000000000000002 is 11 members"],
  [
    "LEVELSNEEDED",
    [3000, 3, 100, [[0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]]],
    [[6, 1092]],
    "issue 11: five levels pay 1830, six 5475; 3 + 9 + ... + 729 = 1092",
  ],
  [
    "LEVELSNEEDED",
    [3000, 3, 100, [[0.1], [0.05], [""], [0.05], [0.05], [0.05], [0.05], [0.05]], null, null],
    [[6, 1092]],
    "rates as a column with a blank cell, retention and cost omitted",
  ],
  ["LEVELSNEEDED", [50, 4, 100, [[0.1, 0.1, 0.1]], 0.5, 10], [[2, 6]], "4 x 50% = 2 a member: 2 x 10 + 4 x 10 = 60 = 50 + 10"],
  ["RECRUITSNEEDED", [3000, 1, 100, 0.1], 300, "month 1: team = r; 10 r = 3000"],
  ["RECRUITSNEEDED", [3000, 2, 100, 0.1, null, null, null], Math.sqrt(301) - 1, "(1 + r)^2 - 1 = 300: r = 16.349"],
  ["RECRUITSNEEDED", [3000, 12, 100, 0.1, 50], Math.pow(306, 1 / 12) - 1, "(1 + r)^12 - 1 = 305: r = 0.6106"],
  ["RECRUITSNEEDED", [3000, 1, 100, 0.1, 0, 0, 1001], 300.3, "r x (1 - 1/1001) = 300: r = 300.3"],
];

test.each(cases)("BIZ.%s(%j) = %j (%s)", async (name, args, expected) => {
  const r = await call(name, args);
  expect(r.error).toBeUndefined();
  if (typeof expected === "number") expect(r.value as number).toBeCloseTo(expected, 9);
  else expect(roundDeep(r.value)).toEqual(roundDeep(expected));
});

const errors: Array<[string, unknown[], string, string]> = [
  ["GOAL", [-1, "month", "day"], "#NUM!", "negative amount"],
  ["GOAL", [1, "fortnight", "day"], "#VALUE!", "unknown period"],
  ["GOAL", [1, "month", "day", 2], "#NUM!", "basis 2"],
  ["GOAL", [1, "month", "workday", 0, 0], "#NUM!", "no workdays"],
  ["GOAL", [1, "month", "workday", 0, 5, 52], "#NUM!", "52 weeks off"],
  ["SALESNEEDED", [100, 0], "#NUM!", "price 0"],
  ["SALESNEEDED", [100, 10, 1.5], "#NUM!", "commission above 1"],
  ["SALESNEEDED", [100, 10, 0], "#NUM!", "commission 0"],
  ["FUNNEL", [14, [[0.1, "lots", 0.5]]], "#VALUE!", "text in the rates"],
  ["FUNNEL", [14, [[0.1, 0, 0.5]]], "#NUM!", "a rate of 0"],
  ["LEADSNEEDED", [10, 1.2], "#NUM!", "close rate above 1"],
  ["BREAKEVEN", [1000, 30, 30], "#NUM!", "price does not exceed unit cost"],
  ["MONTHSTOGOAL", [1000, 3000, 0], "#NUM!", "no growth"],
  ["MONTHSTOGOAL", [0, 3000, 0.1], "#NUM!", "from zero income"],
  ["GROSSUP", [1000, 1], "#NUM!", "tax of 100%"],
  ["LISTGROWTH", [100, 0], "#NUM!", "0 months"],
  ["LISTGROWTH", [100, 1201], "#NUM!", "1201 months"],
  ["LISTGROWTH", [100, 3, 1.1], "#NUM!", "churn above 1"],
  ["DOWNLINE", [3, 101], "#NUM!", "101 levels"],
  ["DOWNLINE", [3, 5, 1.2], "#NUM!", "retention above 1"],
  ["DOWNLINE", [3, 5, null, 0], "#NUM!", "a cap of 0"],
  ["MATRIX", [0, 3], "#NUM!", "width below 1"],
  ["LEVELPAY", [[[3], [9]], 100, [[0.1, 1.5]]], "#NUM!", "a level rate above 1"],
  ["LEVELPAY", [[[3], ["many"]], 100, [[0.1]]], "#VALUE!", "text in the members"],
  ["BINARY", [[[1], [2]], [[1]], 0.1], "#VALUE!", "legs of different lengths"],
  ["STAIRSTEP", [100, [[200]], [[0, 300, 100]], [[0, 0.03, 0.06]]], "#VALUE!", "thresholds not ascending"],
  ["STAIRSTEP", [100, [[200]], [[0, 100]], [[0, 0.03, 0.06]]], "#VALUE!", "thresholds and rates of different lengths"],
  ["STAIRSTEP", [100, [[""]], [[""]], [[""]]], "#VALUE!", "no legs is fine, no schedule is not"],
  ["LEVELPAY", [[[3]], 100, [[""]]], "#VALUE!", "no level rates"],
  ["DIFFERENTIAL", [100, [[""]]], "#VALUE!", "no uplines: nothing to list"],
  ["BINARY", [[[""]], [[""]], 0.1], "#VALUE!", "no periods: nothing to list"],
  ["DOWNLINEGROWTH", [0.5, 1201], "#NUM!", "1201 months"],
  ["PROJECTION", [0.5, 12, 100, 1.5], "#NUM!", "payout above 1"],
  ["SIMULATE", [1000001, 12, 1, 0.05, 100, [[0.1]], 50], "#NUM!", "more than 1,000,000 members"],
  ["SIMULATE", [1000, 12, 1, 0.05, 100, [[0.1, "x"]], 50], "#VALUE!", "text in the level rates"],
  ["TEAMNEEDED", [3000, 0, 0.1], "#NUM!", "a volume of 0 pays nothing"],
  ["TEAMNEEDED", [3000, 100, 0], "#NUM!", "a payout of 0 pays nothing"],
  ["TEAMNEEDED", [3000, 100, 1.5], "#NUM!", "payout above 1"],
  ["TEAMNEEDED", [-1, 100, 0.1], "#NUM!", "a negative goal"],
  ["TEAMNEEDED", ["lots", 100, 0.1], "#VALUE!", "text for the goal"],
  ["LEVELSNEEDED", [20000, 3, 100, [[0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]]], "#NUM!", "all seven levels pay 16410 < 20000"],
  ["LEVELSNEEDED", [3000, 3, 100, [[0.1, "x"]]], "#VALUE!", "text in the level rates"],
  ["LEVELSNEEDED", [3000, 3, 100, [[0.1, 1.2]]], "#NUM!", "a level rate above 1"],
  ["RECRUITSNEEDED", [3000, 12, 100, 0.1, 0, 0, 300], "#NUM!", "a team of 300 needs a market of 301"],
  ["RECRUITSNEEDED", [500, 12, 100, 0.1, 0, 0.5, 100], "#NUM!", "a market of 100 losing half a month never holds 50"],
  ["RECRUITSNEEDED", [3000, 0, 100, 0.1], "#NUM!", "0 months"],
  ["RECRUITSNEEDED", [3000, 12, 100, 0], "#NUM!", "a payout of 0"],
  ["SIMULATE", [1000, 12, 1, 0.05, 100, [[0.1]], 50, null, 101], "#NUM!", "a recruiting spread above 100"],
  ["SIMULATE", [1000, 12, 1, 0.05, 100, [[0.1]], 50, null, null, null, "histogram"], "#VALUE!", "an unknown report"],
  ["SIMULATEMATRIX", [1000, 12, 1, 0.05, 100, 0, [[0.1]], 50], "#NUM!", "width 0"],
  ["SIMULATEBINARY", [1000, 12, 1, 0.05, 100, 0.1, 50, 0], "#NUM!", "a cap of 0"],
  ["SIMULATESTAIRSTEP", [1000, 12, 1, 0.05, 100, [[0, 300, 200]], [[0, 0.1, 0.2]], 50], "#VALUE!", "thresholds not ascending"],
];

test.each(["SIMULATE", "SIMULATEMATRIX", "SIMULATEBINARY", "SIMULATESTAIRSTEP"])("BIZ.%s is @cancelable, and Excel's cancel stops it", async (id) => {
  expect(metadata.functions.find((f) => f.id === id)!.options).toMatchObject({ cancelable: true });
  const args: Record<string, unknown[]> = {
    SIMULATE: [1_000_000, 36, 1, 0.05, 100, [[0.1, 0.05]], 50],
    SIMULATEMATRIX: [1_000_000, 36, 1, 0.05, 100, 3, [[0.1, 0.05]], 50],
    SIMULATEBINARY: [1_000_000, 36, 1, 0.05, 100, 0.1, 50],
    SIMULATESTAIRSTEP: [1_000_000, 36, 1, 0.05, 100, [[0, 1000]], [[0.05, 0.1]], 50],
  };
  const invocation: { onCanceled?: () => void } = {};
  const running = call(id, args[id], invocation);
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(typeof invocation.onCanceled).toBe("function");
  invocation.onCanceled!();
  const r = await running;
  expect(r.error).toBe("#VALUE!");
  expect(r.message).toMatch(/canceled/);
});

test.each(errors)("BIZ.%s(%j) is %s (%s)", async (name, args, code) => {
  const r = await call(name, args);
  expect(r.error).toBe(code);
  expect(r.message).toBeTruthy();
});

function roundDeep(v: unknown): unknown {
  if (typeof v === "number") return Math.round(v * 1e9) / 1e9;
  if (Array.isArray(v)) return v.map(roundDeep);
  return v;
}
