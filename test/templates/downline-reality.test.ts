import JSZip from "jszip";
import { PLAN_TYPES, downlineProjection } from "../../src/templates/downline-projection";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { insertTemplate } from "../../src/workbook/officejs";
import { validateInputs } from "../../src/templates/inputs";
import { MemorySheet, readName } from "../../src/workbook/memory";
import { loadBundle } from "../support/excel-runtime";
import { createRecorder } from "../workbook/excel-recorder";
import { write } from "./helpers";

/**
 * The Downline Projection's reality check against a second engine: the BUILT add-in
 * (dist/functions.js, loaded as Excel's JavaScript runtime loads it), called on the exact
 * arguments the written formulas pass. The formulas are read off the sheet and evaluated here by a
 * small, strict evaluator of the few Excel forms they use (names, table columns, ranges, IF, INDEX,
 * MATCH, comparisons); anything else throws, so a formula that changes shape fails the test.
 * Expected figures of a network small enough to work by hand are in the comments.
 */

const bundle = loadBundle();

type Value = number | string | boolean | Value[][];

interface Evaluation {
  value: Value;
  /** The BIZ functions the formula called, in order (IF evaluates only the branch it picks, as Excel does). */
  called: string[];
}

const excelEqual = (a: Value, b: Value) => (typeof a === "string" && typeof b === "string" ? a.toLowerCase() === b.toLowerCase() : a === b);

/** Evaluates one written formula against the sheet's figures, calling BIZ functions in the bundle. */
async function evaluate(sheet: MemorySheet, formula: string): Promise<Evaluation> {
  const called: string[] = [];
  let i = 0;
  const peek = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(formula);
  };
  const take = (s: string) => {
    if (!formula.startsWith(s, i)) throw new Error(`expected ${s} at ${i} of ${formula}`);
    i += s.length;
  };
  const cellValue = (ref: string): Value => {
    const c = sheet.cells.get(ref.replace(/\$/g, ""));
    if (!c || c.value === undefined) throw new Error(`nothing at ${ref}`);
    return c.value;
  };
  const rangeValue = (from: string, to: string): Value[][] => {
    const [, c1, r1] = /^\$?([A-Z]+)\$?(\d+)$/.exec(from)!;
    const [, c2, r2] = /^\$?([A-Z]+)\$?(\d+)$/.exec(to)!;
    const rows: Value[][] = [];
    for (let r = Number(r1); r <= Number(r2); r++) {
      const row: Value[] = [];
      for (let c = c1.charCodeAt(0); c <= c2.charCodeAt(0); c++) row.push(cellValue(`${String.fromCharCode(c)}${r}`));
      rows.push(row);
    }
    return rows;
  };
  const argsOf = async (): Promise<Value[]> => {
    take("(");
    const out: Value[] = [];
    if (formula[i] === ")") return (take(")"), out);
    for (;;) {
      out.push(await expression());
      if (formula[i] === ",") take(",");
      else return (take(")"), out);
    }
  };
  async function primary(): Promise<Value> {
    let m: RegExpExecArray | null;
    if ((m = peek(/"((?:[^"]|"")*)"/y))) return (i += m[0].length), m[1].replace(/""/g, '"');
    if ((m = peek(/-?\d+(?:\.\d+)?(?:E[+-]?\d+)?(?![A-Za-z(:])/iy))) return (i += m[0].length), Number(m[0]);
    if ((m = peek(/(TRUE|FALSE)(?![A-Za-z(])/y))) return (i += m[0].length), m[1] === "TRUE";
    if ((m = peek(/(\$?[A-Z]+\$?\d+):(\$?[A-Z]+\$?\d+)/y))) return (i += m[0].length), rangeValue(m[1], m[2]);
    if ((m = peek(/BIZ\.([A-Z]+)(?=\()/y))) {
      i += m[0].length;
      const id = m[1];
      const args = await argsOf();
      called.push(id);
      const out = await bundle.call(id, args);
      if (out.error) throw new Error(`BIZ.${id} gave ${out.error}: ${out.message}`);
      return out.value as Value[][];
    }
    if ((m = peek(/IF(?=\()/y))) {
      i += 2;
      take("(");
      const condition = await expression();
      take(",");
      // Excel evaluates only the branch it picks: skip the other by parsing it without calling anything.
      let picked: Value;
      if (condition === true) {
        picked = await expression();
        take(",");
        skip();
      } else {
        skip();
        take(",");
        picked = await expression();
      }
      take(")");
      return picked;
    }
    if ((m = peek(/(INDEX|MATCH|MAX)(?=\()/y))) {
      i += m[0].length;
      const args = await argsOf();
      return builtin(m[1], args);
    }
    if ((m = peek(/([A-Za-z_][A-Za-z0-9_]*)\[([^\]]+)\]/y))) {
      i += m[0].length;
      const t = sheet.tables.get(m[1].toUpperCase())!;
      const j = t.columns.indexOf(m[2]);
      if (j < 0) throw new Error(`no column ${m[2]} in ${m[1]}`);
      return rangeValue(`${String.fromCharCode(64 + t.left + j)}${t.top + 1}`, `${String.fromCharCode(64 + t.left + j)}${t.bottom}`);
    }
    if ((m = peek(/[A-Za-z_][A-Za-z0-9_]*(?![([])/y))) return (i += m[0].length), readName(sheet, m[0]) as Value;
    throw new Error(`cannot read ${formula.slice(i)}`);
  }
  /** Skips one argument (balanced, strings respected) without evaluating it; returns nothing. */
  function skip(): undefined {
    let depth = 0;
    for (; i < formula.length; i++) {
      const ch = formula[i];
      if (ch === '"') {
        i++;
        while (!(formula[i] === '"' && formula[i + 1] !== '"')) i += formula[i] === '"' ? 2 : 1;
      } else if (ch === "(") depth++;
      else if (ch === ")" || ch === ",") {
        if (depth === 0) return undefined;
        if (ch === ")") depth--;
      }
    }
    return undefined;
  }
  async function expression(): Promise<Value> {
    const left = await primary();
    const op = peek(/>=|<=|<>|=|>|</y);
    if (!op) return left;
    i += op[0].length;
    const right = await primary();
    const [a, b] = [left as number, right as number];
    return { ">=": a >= b, "<=": a <= b, "<>": !excelEqual(a, b), "=": excelEqual(a, b), ">": a > b, "<": a < b }[op[0]]!;
  }
  const value = await expression();
  if (i !== formula.length) throw new Error(`unread: ${formula.slice(i)}`);
  return { value, called };
}

function builtin(name: string, args: Value[]): Value {
  const grid = (v: Value) => v as Value[][];
  if (name === "INDEX") {
    const [table, row, column] = [grid(args[0]), args[1] as number, args[2] as number];
    if (row === 0) return table.map((r) => [r[column - 1]]);
    if (table.length === 1) return table[0][row - 1];
    return table.map((r) => r[0])[row - 1];
  }
  if (name === "MATCH") {
    const cells = grid(args[1]).flat();
    if (args[2] !== 0) throw new Error("only exact MATCH");
    const k = cells.findIndex((c) => excelEqual(c, args[0]));
    if (k < 0) throw new Error(`#N/A: ${String(args[0])} not in ${cells.join(",")}`);
    return k + 1;
  }
  return Math.max(...grid(args[0]).flat().map(Number));
}

/** The cells a spilling formula covers, read off the sheet, as a column. */
const spilled = (sheet: MemorySheet, ref: string) => sheet.plan.cells.find((c) => c.ref === ref)!.spill!.map((r) => r[0]);

/** The reality check's cells, found by what they read and call. */
function layout(sheet: MemorySheet) {
  const cells = sheet.plan.cells;
  const plans = cells.filter((c) => /^INDEX\(BIZ\.SIMULATE[A-Z]*\(/.test(c.formula ?? "")).map((c) => ({ ref: c.ref, formula: c.formula!, fn: /BIZ\.([A-Z]+)/.exec(c.formula!)![1] }));
  const brackets = cells.find((c) => c.formula?.startsWith("INDEX(IF(PlanType="))!;
  const yours = cells.find((c) => c.formula?.includes(",0,MATCH(PlanType,"))!;
  return { plans, brackets, yours };
}

const FUNCTION_OF: Record<string, string> = { unilevel: "SIMULATE", matrix: "SIMULATEMATRIX", binary: "SIMULATEBINARY", "stair-step": "SIMULATESTAIRSTEP" };
const LABELS = ["Members joined", "Active at end", "Median net per member", "Mean net per member", "10th percentile net", "90th percentile net", "Share with profit", "Top 1% share of commissions", "Share who recruited no one", "Share at goal"];

describe.each(PLAN_TYPES.map((t) => [t]))("PlanType %s, the other inputs at their defaults, through the built bundle", (type) => {
  const sheet = write(downlineProjection, { PlanType: type });
  const { plans, brackets, yours } = layout(sheet);
  const outcome: Record<string, Value[][]> = {};

  beforeAll(async () => {
    for (const p of plans) {
      const inner = /^INDEX\((.*),0,2\)$/.exec(p.formula)![1];
      const { value, called } = await evaluate(sheet, inner);
      expect(called).toEqual([p.fn]);
      outcome[p.fn] = value as Value[][];
    }
  });

  test("the same people, four plans: one call per plan, in the table's order, each the plan's own figures", () => {
    expect(plans.map((p) => [p.ref[0], p.fn])).toEqual([
      ["B", "SIMULATE"],
      ["C", "SIMULATEMATRIX"],
      ["D", "SIMULATEBINARY"],
      ["E", "SIMULATESTAIRSTEP"],
    ]);
    const top = Number(plans[0].ref.slice(1));
    // The header above each column is the plan type as PlanType spells it; the labels are plain text in A.
    expect(plans.map((p) => sheet.cells.get(`${p.ref[0]}${top - 1}`)?.value)).toEqual([...PLAN_TYPES]);
    expect(LABELS.map((_l, k) => [sheet.cells.get(`A${top + k}`)?.value, sheet.cells.get(`A${top + k}`)?.formula])).toEqual(LABELS.map((l) => [l, undefined]));
    for (const p of plans) {
      expect(outcome[p.fn].map((r) => r[0])).toEqual(LABELS);
      expect(spilled(sheet, p.ref)).toEqual(outcome[p.fn].map((r) => r[1])); // the cached figures are the bundle's, exactly
    }
  });

  test("the same history whatever the plan: members joined, active at end and who recruited no one agree", () => {
    const figure = (fn: string, label: string) => outcome[fn].find((r) => r[0] === label)![1];
    for (const label of ["Members joined", "Active at end", "Share who recruited no one"]) expect(new Set(plans.map((p) => figure(p.fn, label))).size).toBe(1);
    // Pay differs: at these defaults no two plans give every member the same net.
    expect(new Set(plans.map((p) => figure(p.fn, "Mean net per member"))).size).toBe(4);
  });

  test("your plan's summary and the named figures are the chosen plan's own", async () => {
    const mine = outcome[FUNCTION_OF[type]];
    const { value, called } = await evaluate(sheet, yours.formula!);
    expect(called).toEqual([]); // native: it reads the four plans' table
    expect(value).toEqual(mine.map((r) => [r[1]]));
    expect(spilled(sheet, yours.ref)).toEqual(mine.map((r) => r[1]));
    const by = (label: string) => mine.find((r) => r[0] === label)![1];
    expect(readName(sheet, "MedianMemberNet")).toBe(by("Median net per member"));
    expect(readName(sheet, "ShareWithProfit")).toBe(by("Share with profit"));
    expect(readName(sheet, "ShareAtGoal")).toBe(by("Share at goal"));
  });

  test("the brackets: one call, the plan type's own function; members add up to Members joined, shares to 1", async () => {
    const { value, called } = await evaluate(sheet, brackets.formula!);
    expect(called).toEqual([FUNCTION_OF[type]]);
    const members = (value as Value[][]).map((r) => r[0] as number);
    expect(spilled(sheet, brackets.ref)).toEqual(members);
    expect(members).toHaveLength(12);
    const joined = outcome[FUNCTION_OF[type]][0][1] as number;
    expect(members.reduce((a, b) => a + b, 0)).toBe(joined);
    const top = Number(brackets.ref.slice(1));
    const shares = members.map((_m, k) => sheet.cells.get(`C${top + k}`)!.value as number);
    members.forEach((m, k) => expect(shares[k]).toBe(m / joined));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});

describe("a network worked by hand: a market of 4 filled in month 1, nobody quits, no costs", () => {
  // RecruitsPerMonth 1e300 fills the market in month 1: the founder (you) is the only member active
  // at its start, so the 3 others all join under you in month 1 and stay 36 months. Volume 100 each,
  // costs 0, level rates 10%, 5%, 5%, 3%, 2%, a matrix 2 wide, a binary at 10% with no cap, the
  // default stair-step schedule. Goal: a net of 20 in the last month.
  const inputs = { MarketSize: 4, RecruitsPerMonth: 1e300, MonthlyAttrition: 0, MonthlyCost: 0, MatrixWidth: 2, NetGoal: 20 };
  // [median, share with profit, top 1% share, share at goal, mean], each plan:
  const expected: Record<string, [number, number, number, number, number]> = {
    // Unilevel: you earn 3 x 100 x 10% = 30 a month, 1,080 in all; the others 0. Nets 1080, 0, 0, 0.
    unilevel: [0, 1 / 4, 1, 1 / 4, 1080 / 4],
    // Matrix 2 wide: two under you, the third spills under the first. You: 2 x 10 + 1 x 5 = 25 a
    // month (900); the first: 10 a month (360). Nets 900, 360, 0, 0: median (0 + 360) / 2 = 180; the
    // top 1% (1 of 4, rounded up) earned 900 of 1,260; at goal only you (25 >= 20, 10 < 20).
    matrix: [180, 2 / 4, 900 / 1260, 1 / 4, 1260 / 4],
    // Binary: the first goes left, the second right, the third left again (a tie), under the first.
    // Your legs sell 200 and 100 a month: 100 matched, 10 paid (360 in all); the first's one leg
    // matches nothing. Nets 360, 0, 0, 0; 10 < 20: nobody at goal.
    binary: [0, 1 / 4, 1, 0, 360 / 4],
    // Stair-step: your group sells 400 (rate 6% from 300), each leg 100 (3%): 6% x 100 of your own
    // + 3 x (6% - 3%) x 100 = 15 a month (540); each other member 3% of their own 100 = 3 (108).
    // Nets 540, 108, 108, 108: the top 1% earned 540 of 864; 15 < 20: nobody at goal.
    "stair-step": [108, 1, 540 / 864, 0, 864 / 4],
  };
  const sheet = write(downlineProjection, inputs);
  const { plans } = layout(sheet);
  const figures = (ref: string) => spilled(sheet, ref);

  test.each(Object.entries(expected))("%s: median, share with profit, top 1%, share at goal and mean as worked out", (type, [median, profit, top1, atGoal, mean]) => {
    const column = figures(plans[PLAN_TYPES.indexOf(type as (typeof PLAN_TYPES)[number])].ref);
    const at = (label: string) => column[LABELS.indexOf(label)] as number;
    expect([at("Members joined"), at("Active at end"), at("Share who recruited no one")]).toEqual([4, 4, 3 / 4]);
    expect(at("Median net per member")).toBeCloseTo(median, 9);
    expect(at("Share with profit")).toBe(profit);
    expect(at("Top 1% share of commissions")).toBeCloseTo(top1, 12);
    expect(at("Share at goal")).toBe(atGoal);
    expect(at("Mean net per member")).toBeCloseTo(mean, 9);
  });

  test("the bundle agrees with those figures, called on the written arguments", async () => {
    for (const p of plans) {
      const { value } = await evaluate(sheet, /^INDEX\((.*),0,2\)$/.exec(p.formula)![1]);
      expect((value as Value[][]).map((r) => r[1])).toEqual(figures(p.ref));
    }
  });

  test("which plan pays the typical member most, and by how much: matrix, 180 a member more than unilevel", () => {
    const top = Number(plans[0].ref.slice(1));
    const below = top + LABELS.length;
    expect(sheet.cells.get(`A${below}`)?.value).toBe("Median net, less your plan's");
    // Your plan is unilevel (median 0): the others less 0.
    expect(["B", "C", "D", "E"].map((c) => sheet.cells.get(`${c}${below}`)!.value as number).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 180, 0, 108]);
    expect(readName(sheet, "BestPlanForMember")).toBe("matrix");
  });

  test.each([
    // Unilevel: you average 30 a month (10 to 100); the others exactly 0.
    ["unilevel", { "0 (broke even)": 3, "10 to 100": 1 }, 1 / 4],
    // Stair-step: you average 15 (10 to 100); the others 3 (over 0 to 10).
    ["stair-step", { "over 0 to 10": 3, "10 to 100": 1 }, 0],
  ])("%s: the income disclosure by hand, and the share at goal", (type, rows, atGoal) => {
    const s = write(downlineProjection, { ...inputs, PlanType: type });
    const { brackets } = layout(s);
    const top = Number(brackets.ref.slice(1));
    const members = spilled(s, brackets.ref);
    const table = Object.fromEntries(members.map((m, k) => [s.cells.get(`A${top + k}`)!.value, m]).filter(([, m]) => m !== 0));
    expect(table).toEqual(rows);
    expect(readName(s, "ShareAtGoal")).toBe(atGoal);
  });
});

test("the bracket labels read as a published income disclosure, from the report's own edges", () => {
  const sheet = write(downlineProjection);
  const { brackets } = layout(sheet);
  const top = Number(brackets.ref.slice(1));
  expect(Array.from({ length: 12 }, (_v, k) => sheet.cells.get(`A${top + k}`)?.value)).toEqual([
    "under -100",
    "-100 to -50",
    "-50 to -10",
    "-10 to 0",
    "0 (broke even)",
    "over 0 to 10",
    "10 to 100",
    "100 to 500",
    "500 to 1,000",
    "1,000 to 5,000",
    "5,000 to 10,000",
    "10,000 and up",
  ]);
  expect(sheet.cells.get(`A${top - 1}`)?.value).toBe("Average net a month");
});

describe("the written workbook", () => {
  const { values } = validateInputs(downlineProjection, { PlanType: "binary" });
  const plan = downlineProjection.build(values);
  const brackets = layout(write(downlineProjection, { PlanType: "binary" })).brackets;
  const top = Number(brackets.ref.slice(1));

  test("the .xlsx has a column chart of members by bracket, its cache the bracket figures", async () => {
    const zip = await JSZip.loadAsync(await writeWorkbook([{ template: downlineProjection, values }]));
    const charts = await Promise.all(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async("string")));
    const column = charts.filter((x) => x.includes('<c:barDir val="col"/>'));
    expect(column).toHaveLength(1);
    const xml = column[0];
    expect(xml).toContain("Members by average net a month");
    expect(xml).toContain(`<c:f>&apos;Downline Projection&apos;!$A$${top}:$A$${top + 11}</c:f>`);
    expect(xml).toContain(`<c:f>&apos;Downline Projection&apos;!$B$${top}:$B$${top + 11}</c:f>`);
    const points = [...xml.split("<c:val>")[1].matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => Number(m[2]));
    expect(points).toEqual(brackets.spill!.map((r) => r[0]));
  });

  test("through Office.js: the five BIZ formulas go to their top-left cells (Excel 365 spills them) and the chart is added", async () => {
    const rec = createRecorder();
    const result = await insertTemplate(downlineProjection, values, rec.excel);
    const biz = [...rec.sheet(result.sheetName)!.cells.entries()].filter(([, c]) => typeof c.formula === "string" && c.formula.startsWith("=") && c.formula.includes("BIZ."));
    expect(biz.map(([ref]) => ref).sort()).toEqual(plan.cells.filter((c) => c.formula?.includes("BIZ.")).map((c) => c.ref).sort());
    expect(biz.every(([, c]) => String(c.formula).startsWith("=INDEX("))).toBe(true);
    const chart = rec.sheet(result.sheetName)!.charts.find((c) => c.title === "Members by average net a month");
    expect(chart?.type).toBe("ColumnClustered");
    expect(chart?.source).toContain(`A${top - 1}:B${top + 11}`); // the header row names the series
  });
});
