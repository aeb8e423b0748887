import JSZip from "jszip";
import { main } from "../../src/cli/bizplan";
import { TEMPLATES } from "../../src/templates";
import { SIMULATION_LABELS } from "../../src/core/simulate";
import { bizCalls, callsIn, callsPerRecalculation, evaluatedCalls } from "../support/biz-calls";

/**
 * How many BIZ custom function calls one recalculation of each written workbook makes, counted in
 * the sheet XML (test/support/biz-calls.ts says how Excel evaluates each kind of formula). Each
 * custom function call is a round trip into the add-in's runtime, and SIMULATE is a Monte Carlo
 * of the whole market: the file must call it once, never once per cell.
 */

async function written(id: string): Promise<Buffer> {
  let out: Buffer | undefined;
  const fs = await import("fs");
  const os = await import("os");
  const path = await import("path");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-calls-"));
  try {
    const file = path.join(dir, `${id}.xlsx`);
    const code = await main(["new", id, "--out", file], { stdout: () => undefined, stderr: () => undefined });
    if (code !== 0) throw new Error(`bizplan new ${id} failed (${code})`);
    out = fs.readFileSync(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

describe("the counter counts as Excel evaluates", () => {
  const sheet = (cells: string) =>
    JSZip.loadAsync(
      // a minimal package: the counter reads only the worksheets
      new JSZip()
        .file(
          "xl/worksheets/sheet1.xml",
          `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${cells}</row></sheetData></worksheet>`
        )
        .generateAsync({ type: "nodebuffer" })
    );

  test.each([
    [
      '<c r="A1"><f>_xldudf_BIZ_GOAL(1,"year","day")</f><v>1</v></c><c r="B1"><f>A1*2</f><v>2</v></c>',
      1,
      "one ordinary formula with one call; a native one with none",
    ],
    [
      '<c r="A1" cm="1"><f t="array" ref="A1:B8">_xldudf_BIZ_SIMULATE(1,2)</f><v>1</v></c><c r="B1"><v>2</v></c><c r="A2" s="1"/>',
      1,
      "an array formula over 16 cells: once",
    ],
    [
      '<c r="A1"><f>INDEX(_xldudf_BIZ_P(1),1,1)</f><v>1</v></c><c r="B1"><f>INDEX(_xldudf_BIZ_P(1),1,2)</f><v>2</v></c>',
      2,
      "a table read cell by cell: once per cell",
    ],
    [
      '<c r="A1"><f t="shared" si="0" ref="A1:C1">_xldudf_BIZ_GOAL(A2)</f><v>1</v></c><c r="B1"><f t="shared" si="0"/><v>1</v></c><c r="C1"><f t="shared" si="0"/><v>1</v></c>',
      3,
      "a shared formula: once per cell that shares it",
    ],
    [
      '<c r="A1"><f>_xldudf_BIZ_GOAL(_xldudf_BIZ_GOAL(1,"a)","b"),"year","day")+_xldudf_BIZ_X()</f><v>1</v></c>',
      3,
      "nested and repeated calls each count, a parenthesis in a string is text",
    ],
  ])("%s -> %p calls (%s)", async (cells, n) => {
    expect(await bizCalls(await sheet(cells))).toHaveLength(n);
  });

  test.each([
    ["INDEX(_xldudf_BIZ_P(1),3,2)", true],
    ["INDEX( _xldudf_BIZ_P(1) , 2 )", true],
    ["INDEX(_xldudf_BIZ_SIMULATE(A1,B1),0,2)", false], // a whole column: one read of the table
    ["_xldudf_BIZ_P(1)", false],
    ["MYINDEX(_xldudf_BIZ_P(1),3,2)", false],
  ])("%s is read cell by cell: %p", (formula, indexed) => {
    expect(callsIn(formula).map((c) => c.indexedCell)).toEqual([indexed]);
  });
});

describe("IF and CHOOSE evaluate only the branch they pick", () => {
  // C. Williams, "Short-circuiting Excel formulas" (FastExcel, 2023): a logging UDF shows IF and
  // CHOOSE run only the argument they return, IFS and SWITCH run them all.
  test.each([
    ['IF(PlanType="matrix",_xldudf_BIZ_A(1),_xldudf_BIZ_B(1))', 1, "one of two branches"],
    ["IF(A1,_xldudf_BIZ_A(1),IF(A2,_xldudf_BIZ_B(1),_xldudf_BIZ_C(1)))", 1, "nested IFs: still one"],
    ["INDEX(IF(A1,_xldudf_BIZ_A(1),_xldudf_BIZ_B(1)),0,3)", 1, "inside INDEX"],
    ["IF(_xldudf_BIZ_T(1)>0,_xldudf_BIZ_A(1),2)", 2, "the condition always runs"],
    ["IF(A1,_xldudf_BIZ_A(_xldudf_BIZ_B(1)),_xldudf_BIZ_C(1))", 2, "the costlier branch counts"],
    ["CHOOSE(2,_xldudf_BIZ_A(1),_xldudf_BIZ_B(1),_xldudf_BIZ_C(1))", 1, "CHOOSE picks one"],
    ["IFS(A1,_xldudf_BIZ_A(1),A2,_xldudf_BIZ_B(1))", 2, "IFS does not short-circuit"],
    ["COUNTIF(A1:A3,_xldudf_BIZ_A(1))+IFERROR(_xldudf_BIZ_B(1),0)", 2, "COUNTIF and IFERROR are not IF"],
    ['IF(A1,"IF(_xldudf_BIZ_A(1),1,2)",_xldudf_BIZ_B(1))', 1, "a call in a string is text"],
  ])("%s -> %p (%s)", (formula, n) => {
    expect(evaluatedCalls(formula)).toBe(n);
  });
});

// The Downline Projection's reality check: the four plans' summaries (one call each, its column
// spilled whole) and the chosen plan's brackets (one formula whose IF picks one of four calls), so
// 8 calls written, 5 evaluated a recalculation. Every other sheet computes without the add-in.
const WRITTEN = ["SIMULATEMATRIX", "SIMULATEBINARY", "SIMULATESTAIRSTEP", "SIMULATE", "SIMULATE", "SIMULATEMATRIX", "SIMULATEBINARY", "SIMULATESTAIRSTEP"].map(
  (id) => `_xldudf_BIZ_${id}`
);

describe.each([...TEMPLATES.map((t) => [t.id, t.id === "downline-projection" ? 5 : 0] as const), ["all", 5] as const])("bizplan new %s", (id, expected) => {
  let buffer: Buffer;
  let calls: Awaited<ReturnType<typeof bizCalls>>;
  beforeAll(async () => {
    buffer = await written(id);
    calls = await bizCalls(buffer);
  });

  test(`makes ${expected} BIZ call(s) per recalculation`, async () => {
    expect(await callsPerRecalculation(buffer)).toBe(expected);
    if (expected > 0) {
      expect(calls.map((c) => c.call.replace(/\(.*/, ""))).toEqual(WRITTEN);
      expect(calls.every((c) => c.array)).toBe(true);
      // The first four sit in one formula (one cell): the brackets of the plan type chosen, above the four plans' table.
      expect(new Set(calls.slice(0, 4).map((c) => c.cell)).size).toBe(1);
      expect(calls.slice(0, 4).every((c) => c.call.endsWith(',"brackets")'))).toBe(true);
      expect(calls.slice(4).some((c) => c.call.includes("brackets"))).toBe(false);
    }
  });

  test("no two cells call BIZ with the same arguments, and no table is read cell by cell through INDEX", () => {
    const seen = new Map<string, string>();
    const twice = calls.filter((c) => seen.has(c.call) || !seen.set(c.call, c.cell)).map((c) => `${c.cell} repeats ${seen.get(c.call)}: ${c.call}`);
    expect(twice).toEqual([]);
    expect(calls.filter((c) => c.indexedCell).map((c) => `${c.sheet}!${c.cell}`)).toEqual([]);
  });
});

test("each plan's one call fills its whole summary column: SIMULATE's nine rows and Share at goal", async () => {
  const zip = await JSZip.loadAsync(await written("downline-projection"));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const anchors = [...xml.matchAll(/<c r="([B-E])(\d+)"[^>]*><f t="array" ref="[B-E]\d+:[B-E](\d+)">INDEX\(_xldudf_BIZ_(SIMULATE[A-Z]*)\(/g)];
  expect(anchors.map((m) => [m[1], m[4]])).toEqual([
    ["B", "SIMULATE"],
    ["C", "SIMULATEMATRIX"],
    ["D", "SIMULATEBINARY"],
    ["E", "SIMULATESTAIRSTEP"],
  ]);
  for (const m of anchors) expect(Number(m[3]) - Number(m[2]) + 1).toBe(SIMULATION_LABELS.length + 1);
});
