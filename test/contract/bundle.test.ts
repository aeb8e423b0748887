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
  ["BREAKDOWN", [36000], [["Year", 36000], ["Quarter", 9000], ["Month", 3000], ["Week", 36000 / 52], ["Day", 100], ["Workday", 36000 / 260]], "issue 2"],
  ["BREAKDOWN", [3000, "month"], [["Year", 36000], ["Quarter", 9000], ["Month", 3000], ["Week", 36000 / 52], ["Day", 100], ["Workday", 36000 / 260]], "from a month"],
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
  ["LISTGROWTH", [100, 3, 0.1], [[1, 100], [2, 190], [3, 271]], "issue 2"],
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
];

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
