import JSZip from "jszip";
import { downlineProjection } from "../../src/templates/downline-projection";
import { validateInputs } from "../../src/templates/inputs";
import { CellSpec } from "../../src/templates/model";
import { insertTemplate } from "../../src/workbook/officejs";
import { writeToMemory } from "../../src/workbook/memory";
import { NUMBER_FORMATS, numberFormats } from "../../src/workbook/styles";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { createRecorder } from "./excel-recorder";
import { readXlsx } from "./read-xlsx";

/**
 * Where the Office.js and .xlsx writers must draw a plan the same way.
 *
 * A spilling BIZ function whose cells read differently (SIMULATE's figures: counts, money and
 * shares in one column) gets a number format per cell, the same in every writer: counts are not
 * "12.00" and shares are percentages.
 */
const { values } = validateInputs(downlineProjection, {});
const plan = downlineProjection.build(values);
const spillOf = (call: string) => plan.cells.find((c) => c.formula?.startsWith(call)) as CellSpec;
const simulation = spillOf("INDEX(BIZ.SIMULATE");
const offset = (ref: string, r: number, c: number) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  return String.fromCharCode(m[1].charCodeAt(0) + c) + (Number(m[2]) + r);
};
// [where in the spill, the format it must have]
const expected: Array<[CellSpec, number, number, keyof typeof NUMBER_FORMATS]> = [
  [simulation, 0, 0, "integer"], // Members joined
  [simulation, 1, 0, "integer"], // Active at end
  [simulation, 2, 0, "currency"], // Median net per member
  [simulation, 6, 0, "percent"], // Share with profit
  [simulation, 7, 0, "percent"], // Top 1% share of commissions
];

test("the in-memory writer gives each spilled cell its format", () => {
  const sheet = writeToMemory(downlineProjection, values);
  for (const [spec, r, c, format] of expected)
    expect([offset(spec.ref, r, c), sheet.cells.get(offset(spec.ref, r, c))?.format]).toEqual([offset(spec.ref, r, c), format]);
});

test("the .xlsx writer stores each spilled cell's number format", async () => {
  const wb = await readXlsx(await writeWorkbook([{ template: downlineProjection, values }]));
  const ws = wb.getWorksheet(downlineProjection.title)!;
  for (const [spec, r, c, format] of expected) {
    const ref = offset(spec.ref, r, c);
    expect([ref, ws.getCell(ref).numFmt]).toEqual([ref, NUMBER_FORMATS[format]]);
  }
});

/** The stand-in's culture is en-US: money as Excel en-US writes its own Currency format. */
const EN_US = numberFormats('"$"#,##0.00');

test("the Office.js writer sets each spilled cell's number format", async () => {
  const recorder = createRecorder();
  const { sheetName } = await insertTemplate(downlineProjection, values, recorder.excel as any);
  for (const [spec, r, c, format] of expected) {
    const ref = offset(spec.ref, r, c);
    expect([ref, recorder.cell(sheetName, ref)?.numberFormat]).toEqual([ref, EN_US[format]]);
  }
});

test("a horizontal bar chart (the funnel) lists its stages top-down in both writers", async () => {
  const { salesFunnel } = await import("../../src/templates/sales-funnel");
  const funnelValues = validateInputs(salesFunnel, {}).values;
  const recorder = createRecorder();
  const { sheetName } = await insertTemplate(salesFunnel, funnelValues, recorder.excel as any);
  expect(recorder.sheet(sheetName)!.charts.map((c) => [c.type, c.reversedCategories])).toEqual([["BarClustered", true]]);
  const zip = await JSZip.loadAsync(await writeWorkbook([{ template: salesFunnel, values: funnelValues }]));
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(1);
  const xml = await zip.file(charts[0])!.async("string");
  expect(xml).toContain('<c:barDir val="bar"/>');
  expect(xml).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>/);
});

test("the whole plan: both writers put every name of every sheet at the same address, Plan first", async () => {
  const { composePlan } = await import("../../src/templates/plan");
  const { insertPlan } = await import("../../src/workbook/officejs");
  const { entries } = composePlan();
  const recorder = createRecorder();
  await insertPlan(entries, recorder.excel as any);
  const wb = await readXlsx(await writeWorkbook(entries));
  expect(wb.worksheets.map((w) => w.name)).toEqual(recorder.sheetNames());
  const unquote = (ref: string) => ref.replace(/^'|'(?=!)/g, "").replace(/\$/g, "");
  const fromXlsx = Object.fromEntries(wb.definedNames.model.map((d: { name: string; ranges: string[] }) => [d.name, unquote(d.ranges[0])]));
  const fromOffice = Object.fromEntries([...recorder.state.names.entries()].map(([n, ref]) => [n, unquote(ref)]));
  expect(Object.keys(fromOffice)).toEqual(
    expect.arrayContaining(["PlanMonths", "TeamNeeded", "RecruitsNeeded", "LevelsNeeded", "GoalAmount", "FunnelIncome", "MonthlyTarget"])
  );
  expect(fromXlsx).toEqual(fromOffice);
});
