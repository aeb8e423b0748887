import JSZip from "jszip";
import { PLAN_TYPES, downlineProjection } from "../../src/templates/downline-projection";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { insertTemplate } from "../../src/workbook/officejs";
import { validateInputs } from "../../src/templates/inputs";
import { MemorySheet } from "../../src/workbook/memory";
import { createRecorder } from "../workbook/excel-recorder";
import { SheetFigures, onSheet, readName } from "./engine";
import { write } from "./helpers";

/**
 * The Downline Projection's reality check as the written sheet computes it (./engine.ts): every
 * BIZ formula evaluated by the BUILT add-in (dist/functions.js, loaded as Excel's JavaScript
 * runtime loads it) on the exact arguments the formula passes, IF running only the branch its
 * condition picks as Excel does; every native formula (your plan's pick, the shares, the
 * comparison) recomputed by LibreOffice from those figures. Expected figures of a network small
 * enough to work by hand are in the comments; none comes from src/core.
 */

type Grid = unknown[][];

/** The cells a spilling formula covers, as the plan laid them out: their address and cached figure. */
const planned = (sheet: MemorySheet, ref: string) => sheet.plan.cells.find((c) => c.ref === ref)!.spill!.map((r) => r[0]);

/** The reality check's cells, found by what they read and call (the layout, from the in-memory writer). */
function layout(sheet: MemorySheet) {
  const cells = sheet.plan.cells;
  const plans = cells
    .filter((c) => /^INDEX\(BIZ\.SIMULATE[A-Z]*\(/.test(c.formula ?? ""))
    .map((c) => ({ ref: c.ref, formula: c.formula!, fn: /BIZ\.([A-Z]+)/.exec(c.formula!)![1] }));
  const brackets = cells.find((c) => c.formula?.startsWith("INDEX(IF(PlanType="))!;
  const yours = cells.find((c) => c.formula?.includes(",0,MATCH(PlanType,"))!;
  return { plans, brackets, yours };
}

/** The figures the sheet shows from `ref` down, `rows` of them. */
const column = (s: SheetFigures, ref: string, rows: number) => s.readBlock(ref, rows, 1).map((r) => r[0]);

const FUNCTION_OF: Record<string, string> = { unilevel: "SIMULATE", matrix: "SIMULATEMATRIX", binary: "SIMULATEBINARY", "stair-step": "SIMULATESTAIRSTEP" };
const LABELS = [
  "Members joined",
  "Active at end",
  "Median net per member",
  "Mean net per member",
  "10th percentile net",
  "90th percentile net",
  "Share with profit",
  "Top 1% share of commissions",
  "Share who recruited no one",
  "Share at goal",
];
const at = (label: string) => LABELS.indexOf(label);

describe.each(PLAN_TYPES.map((t) => [t]))("PlanType %s, the other inputs at their defaults, through the built bundle", (type) => {
  const s = onSheet(downlineProjection, { PlanType: type });
  const sheet = () => s.memory;
  const plansOf = () => layout(sheet()).plans;
  /** Each plan's summary as the bundle returned it (label, figure), by function. */
  const outcome = () => Object.fromEntries(plansOf().map((p) => [p.fn, s.bizCall(p.ref).result as Grid]));

  test("the same people, four plans: one call per plan, in the table's order, each showing the plan's own figures", () => {
    const plans = plansOf();
    expect(plans.map((p) => [p.ref[0], p.fn, s.bizCall(p.ref).called])).toEqual([
      ["B", "SIMULATE", ["SIMULATE"]],
      ["C", "SIMULATEMATRIX", ["SIMULATEMATRIX"]],
      ["D", "SIMULATEBINARY", ["SIMULATEBINARY"]],
      ["E", "SIMULATESTAIRSTEP", ["SIMULATESTAIRSTEP"]],
    ]);
    const top = Number(plans[0].ref.slice(1));
    // The header above each column is the plan type as PlanType spells it; the labels are plain text in A.
    expect(plans.map((p) => s.readCell(`${p.ref[0]}${top - 1}`))).toEqual([...PLAN_TYPES]);
    expect(LABELS.map((_l, k) => [sheet().cells.get(`A${top + k}`)?.value, sheet().cells.get(`A${top + k}`)?.formula])).toEqual(
      LABELS.map((l) => [l, undefined])
    );
    for (const p of plans) {
      const got = outcome()[p.fn];
      expect(got.map((r) => r[0])).toEqual(LABELS); // the bundle's own labels, row for row beside the plain-text ones
      expect(column(s, p.ref, LABELS.length)).toEqual(got.map((r) => r[1])); // the sheet shows the figures column
      expect(planned(sheet(), p.ref)).toEqual(got.map((r) => r[1])); // and the file's cache is the bundle's, exactly
    }
  });

  test("the same history whatever the plan: members joined, active at end and who recruited no one agree", () => {
    const figure = (fn: string, label: string) => outcome()[fn][at(label)][1];
    const plans = plansOf();
    for (const label of ["Members joined", "Active at end", "Share who recruited no one"]) expect(new Set(plans.map((p) => figure(p.fn, label))).size).toBe(1);
    // Pay differs: at these defaults no two plans give every member the same net.
    expect(new Set(plans.map((p) => figure(p.fn, "Mean net per member"))).size).toBe(4);
  });

  test("your plan's summary and the named figures are the chosen plan's own", () => {
    const { yours } = layout(sheet());
    const mine = outcome()[FUNCTION_OF[type]].map((r) => r[1] as number);
    expect(() => s.bizCall(yours.ref)).toThrow(); // native: it picks a column of the four plans' table
    // LibreOffice saves 15 significant digits of what it picked.
    column(s, yours.ref, LABELS.length).forEach((v, k) => expect(v).toBeCloseTo(mine[k], 9));
    expect(readName(s, "MedianMemberNet")).toBeCloseTo(mine[at("Median net per member")], 9);
    expect(readName(s, "ShareWithProfit")).toBeCloseTo(mine[at("Share with profit")], 14);
    expect(readName(s, "ShareAtGoal")).toBeCloseTo(mine[at("Share at goal")], 14);
  });

  test("the brackets: one call, the plan type's own function; members add up to Members joined, shares to 1", () => {
    const { brackets } = layout(sheet());
    expect(s.bizCall(brackets.ref).called).toEqual([FUNCTION_OF[type]]);
    const members = column(s, brackets.ref, 12) as number[];
    expect(planned(sheet(), brackets.ref)).toEqual(members);
    const joined = outcome()[FUNCTION_OF[type]][0][1] as number;
    expect(members.reduce((a, b) => a + b, 0)).toBe(joined);
    const top = Number(brackets.ref.slice(1));
    const shares = column(s, `C${top}`, 12) as number[];
    members.forEach((m, k) => expect(shares[k]).toBeCloseTo(m / joined, 14));
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
  const s = onSheet(downlineProjection, inputs);
  // The income disclosure by hand, for two plan types:
  const disclosures = [
    // Unilevel: you average 30 a month (10 to 100); the others exactly 0.
    ["unilevel", { "0 (broke even)": 3, "10 to 100": 1 }, 1 / 4],
    // Stair-step: you average 15 (10 to 100); the others 3 (over 0 to 10).
    ["stair-step", { "over 0 to 10": 3, "10 to 100": 1 }, 0],
  ].map(([type, rows, atGoal]) => [type, rows, atGoal, onSheet(downlineProjection, { ...inputs, PlanType: type as string })] as const);
  const plans = () => layout(s.memory).plans;

  test.each(Object.entries(expected))(
    "%s: median, share with profit, top 1%, share at goal and mean as worked out",
    (type, [median, profit, top1, atGoal, mean]) => {
      const figures = column(s, plans()[PLAN_TYPES.indexOf(type as (typeof PLAN_TYPES)[number])].ref, LABELS.length) as number[];
      const fig = (label: string) => figures[at(label)];
      expect([fig("Members joined"), fig("Active at end"), fig("Share who recruited no one")]).toEqual([4, 4, 3 / 4]);
      expect(fig("Median net per member")).toBeCloseTo(median, 9);
      expect(fig("Share with profit")).toBe(profit);
      expect(fig("Top 1% share of commissions")).toBeCloseTo(top1, 12);
      expect(fig("Share at goal")).toBe(atGoal);
      expect(fig("Mean net per member")).toBeCloseTo(mean, 9);
    }
  );

  test("which plan pays the typical member most, and by how much: matrix, 180 a member more than unilevel", () => {
    const top = Number(plans()[0].ref.slice(1));
    const below = top + LABELS.length;
    expect(s.readCell(`A${below}`)).toBe("Median net, less your plan's");
    // Your plan is unilevel (median 0): the others less 0 (LibreOffice's arithmetic, on the bundle's medians).
    expect(["B", "C", "D", "E"].map((c) => s.readCell(`${c}${below}`) as number).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, 180, 0, 108]);
    expect(readName(s, "BestPlanForMember")).toBe("matrix");
  });

  test.each(disclosures)("%s: the income disclosure by hand, and the share at goal", (_type, rows, atGoal, d) => {
    const { brackets } = layout(d.memory);
    const top = Number(brackets.ref.slice(1));
    const members = column(d, brackets.ref, 12);
    const table = Object.fromEntries(members.map((m, k) => [d.readCell(`A${top + k}`), m]).filter(([, m]) => m !== 0));
    expect(table).toEqual(rows);
    expect(readName(d, "ShareAtGoal")).toBe(atGoal);
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
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string"))
    );
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
    const biz = [...rec.sheet(result.sheetName)!.cells.entries()].filter(
      ([, c]) => typeof c.formula === "string" && c.formula.startsWith("=") && c.formula.includes("BIZ.")
    );
    expect(biz.map(([ref]) => ref).sort()).toEqual(
      plan.cells
        .filter((c) => c.formula?.includes("BIZ."))
        .map((c) => c.ref)
        .sort()
    );
    expect(biz.every(([, c]) => String(c.formula).startsWith("=INDEX("))).toBe(true);
    const chart = rec.sheet(result.sheetName)!.charts.find((c) => c.title === "Members by average net a month");
    expect(chart?.type).toBe("ColumnClustered");
    expect(chart?.source).toContain(`A${top - 1}:B${top + 11}`); // the header row names the series
  });
});
