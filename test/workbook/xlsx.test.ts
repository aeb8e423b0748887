import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { CellSpec, CellValue, InputValues, SheetPlan, Template } from "../../src/templates/model";
import { LOOKS, NUMBER_FORMATS } from "../../src/workbook/styles";
import { writeWorkbook, WorkbookError } from "../../src/workbook/xlsx";
import { toFileFormula, usesBiz } from "../../src/workbook/xlsx-formulas";
import { fixtureTemplate } from "./fixture-template";
import { readXlsx } from "./read-xlsx";

const defaults = (t: Template): InputValues => Object.fromEntries(t.inputs.map((i) => [i.name, i.default]));

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  return readXlsx(bytes);
}

/** Every XML part of the package parses (a malformed part makes Excel "repair" the file). */
async function parseAllParts(zip: JSZip): Promise<string[]> {
  const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
  for (const p of parts) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (e) => {
      throw new Error(`${p}: ${e.message}`);
    });
    parser.write(await zip.file(p)!.async("string")).close();
  }
  return parts;
}

/** A template made of a given plan, for the error cases. */
function planTemplate(title: string, plan: Partial<SheetPlan>): Template {
  return {
    id: title.toLowerCase(),
    title,
    summary: "",
    inputs: [],
    outputs: [],
    build: () => ({ cells: [], tables: [], validations: [], charts: [], ...plan }),
  };
}

describe("writeWorkbook with the fixture template", () => {
  const template = fixtureTemplate();
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let zip: JSZip;
  beforeAll(async () => {
    bytes = await writeWorkbook([{ template, values: defaults(template) }]);
    wb = await read(bytes);
    ws = wb.worksheets[0];
    zip = await JSZip.loadAsync(bytes);
  });

  test("one worksheet named after the template", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Owner's Plan"]);
  });

  test.each([
    ["B7", '_xldudf_BIZ_GOAL(FxGoal,FxPeriod,"month")', 3000, "BIZ.GOAL stored as Excel stores a JS custom function; 36000/12"],
    ["B8", '_xldudf_BIZ_GOAL(FxGoal,FxPeriod,"day")', 100, "36000/360"],
    ["B9", "FxMonth*12", 36000, "a native formula over a BIZ output"],
    ["B10", "FxGoal*2", 72000, "a native formula over an input"],
    ["B11", "FxGoal>=30000", true, "a logical result"],
    ["B12", 'IF(FxGoal>=30000,"big","small")', "big", "a text result"],
    ["B20", "SUM(FxProducts[Sales needed])", 4440, "2880+1200+360"],
  ])("%s holds %s with its cached result (%s)", (ref, formula, result, _source) => {
    expect(ws.getCell(ref).value).toEqual({ formula, result });
  });

  test("constants and inputs are plain values", () => {
    expect(ws.getCell("B3").value).toBe(36000);
    expect(ws.getCell("B4").value).toBe("year");
    expect(ws.getCell("A1").value).toBe("Owner's Plan");
  });

  test("workbook-scoped names point at their cells, the sheet name quoted with its apostrophe doubled", () => {
    const names = Object.fromEntries(wb.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges]));
    expect(names).toEqual({
      FxGoal: ["'Owner''s Plan'!$B$3"],
      FxPeriod: ["'Owner''s Plan'!$B$4"],
      FxRate: ["'Owner''s Plan'!$B$5"],
      FxMonth: ["'Owner''s Plan'!$B$7"],
      FxDay: ["'Owner''s Plan'!$B$8"],
      FxYearly: ["'Owner''s Plan'!$B$9"],
      FxTotalSales: ["'Owner''s Plan'!$B$20"],
    });
  });

  test("the table is a real Excel table whose calculated column keeps formulas and cached results", async () => {
    const table = (ws as unknown as { tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }> }).tables.FxProducts;
    expect(table.table.tableRef).toBe("A14:C17");
    expect(table.table.columns.map((c) => c.name)).toEqual(["Product", "Sales needed", "Price"]);
    expect(ws.getCell("B15").value).toEqual({ formula: "ROUNDUP(FxMonth*12/(FxProducts[[#This Row],[Price]]*FxRate),0)", result: 2880 });
    expect(ws.getCell("B17").value).toEqual({ formula: "ROUNDUP(FxMonth*12/(FxProducts[[#This Row],[Price]]*FxRate),0)", result: 360 });
    const xml = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(xml).toContain('name="FxProducts"');
    expect(xml).toContain('ref="A14:C17"');
    // a calculated column: Excel fills the formula into rows the user adds
    expect(xml).toContain(
      '<tableColumn id="2" name="Sales needed" totalsRowFunction="none" dataDxfId="1"><calculatedColumnFormula>ROUNDUP(FxMonth*12/(FxProducts[[#This Row],[Price]]*FxRate),0)</calculatedColumnFormula></tableColumn>'
    );
    // A column's data format is dataDxfId (sml.xsd CT_TableColumn has no dxfId; exceljs writes one).
    expect(xml).not.toMatch(/<tableColumn\b[^>]* dxfId=/);
    expect(xml.match(/<calculatedColumnFormula>/g)).toHaveLength(1);
  });

  test("the validation list is on the period input", () => {
    expect(ws.getCell("B4").dataValidation).toMatchObject({ type: "list", formulae: ['"year,month"'], showErrorMessage: true });
    expect(ws.getCell("B3").dataValidation).toBeUndefined();
  });

  test("inputs, outputs, titles and notes take their looks; money, rates and counts their formats", () => {
    const argb = (hex: string) => `FF${hex.slice(1)}`;
    expect(ws.getCell("B3").fill).toMatchObject({ pattern: "solid", fgColor: { argb: argb(LOOKS.input.fill!) } });
    expect(ws.getCell("B3").font.color).toEqual({ argb: argb(LOOKS.input.fontColor!) });
    expect(ws.getCell("B3").numFmt).toBe(NUMBER_FORMATS.currency);
    expect(ws.getCell("B5").numFmt).toBe(NUMBER_FORMATS.percent);
    expect(ws.getCell("B4").numFmt).toBe(NUMBER_FORMATS.text);
    expect(ws.getCell("B7").fill).toMatchObject({ fgColor: { argb: argb(LOOKS.output.fill!) } });
    expect(ws.getCell("B7").font.bold).toBe(true);
    expect(ws.getCell("B20").numFmt).toBe(NUMBER_FORMATS.integer);
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell("A21").font).toMatchObject({ italic: true });
    // a text format on a formula cell would turn the formula into text once re-entered
    expect(ws.getCell("B12").numFmt).not.toBe("@");
    // table columns: input columns look like inputs, formats per column, headers left to the table style
    expect(ws.getCell("A15").fill).toMatchObject({ fgColor: { argb: argb(LOOKS.input.fill!) } });
    expect(ws.getCell("C15").numFmt).toBe(NUMBER_FORMATS.currency);
    expect(ws.getCell("B16").numFmt).toBe(NUMBER_FORMATS.integer);
    expect(ws.getCell("A14").fill?.type === "pattern" ? (ws.getCell("A14").fill as ExcelJS.FillPattern).fgColor : undefined).toBeUndefined();
  });

  test("column widths", () => {
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([26, 16, 12]);
  });

  test("the file says it was calculated by current Excel, as Excel's own file does (test/fixtures/excel-saved/README.md), so Excel keeps the cached figures on open", async () => {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toMatch(/<calcPr calcId="191029"\/>/);
    expect(xml).not.toContain("fullCalcOnLoad");
  });

  test("charts are DrawingML parts wired to the sheet, with references and cached figures", async () => {
    expect(await parseAllParts(zip)).toEqual(
      expect.arrayContaining(["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/charts/chart3.xml", "xl/drawings/drawing1.xml"])
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    for (const part of ["/xl/charts/chart1.xml", "/xl/charts/chart2.xml", "/xl/charts/chart3.xml", "/xl/drawings/drawing1.xml"])
      expect(types).toContain(`PartName="${part}"`);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // <drawing> must come before <tableParts> (schema order), or Excel repairs the file
    expect(sheet.indexOf('<drawing r:id="rIdHbpDrawing"/>')).toBeGreaterThan(0);
    expect(sheet.indexOf("<drawing ")).toBeLessThan(sheet.indexOf("<tableParts"));
    const sheetRels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    expect(sheetRels).toContain('Target="../drawings/drawing1.xml"');
    expect(sheetRels).toContain('Target="../tables/table1.xml"');
    const drawingRels = await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string");
    expect(drawingRels.match(/\/relationships\/chart"/g)).toHaveLength(3);

    const column = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(column).toContain('<c:barDir val="col"/>');
    expect(column).toContain("<c:f>&apos;Owner&apos;&apos;s Plan&apos;!$A$15:$A$17</c:f>");
    expect(column).toContain("<c:f>&apos;Owner&apos;&apos;s Plan&apos;!$B$15:$B$17</c:f>");
    expect(column).toContain('<c:pt idx="0"><c:v>2880</c:v></c:pt><c:pt idx="1"><c:v>1200</c:v></c:pt><c:pt idx="2"><c:v>360</c:v></c:pt>');
    expect(column).toContain("<c:v>Starter kit</c:v>");
    expect(column).toContain("<a:t>Sales needed by product</a:t>");
    const line = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(line).toContain("<c:lineChart>");
    expect(line.match(/<c:ser>/g)).toHaveLength(2); // Sales needed and Price
    const pie = await zip.file("xl/charts/chart3.xml")!.async("string");
    expect(pie).toContain("<c:pieChart>");
    expect(pie.match(/<c:ser>/g)).toHaveLength(1);
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    // anchored at E2 (0-based col 4, row 1), 7 columns wide and 14 rows high
    expect(drawing).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row>");
  });

  test("writing is fast and the file small", async () => {
    const started = Date.now();
    const again = await writeWorkbook([{ template, values: defaults(template) }]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(again.length).toBeLessThan(40_000);
  });
});

describe("writeWorkbook: several templates, spills and other values", () => {
  test("two templates give two sheets in order; other input values give other figures", async () => {
    const fixture = fixtureTemplate();
    const other = planTemplate("Second", { cells: [{ ref: "A1", value: 1, name: "SecondOne" }] });
    const bytes = await writeWorkbook([
      { template: fixture, values: { FxGoal: 60000, FxPeriod: "year", FxRate: 0.5 } },
      { template: other, values: {} },
    ]);
    const wb = await read(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Owner's Plan", "Second"]);
    expect(wb.worksheets[0].getCell("B7").value).toEqual({ formula: '_xldudf_BIZ_GOAL(FxGoal,FxPeriod,"month")', result: 5000 });
    expect(wb.worksheets[0].getCell("B15").value).toMatchObject({ result: 2400 }); // 60000/(50*0.5)
    expect(wb.definedNames.getRanges("SecondOne").ranges).toEqual(["Second!$A$1"]);
  });

  test("a spilling BIZ formula is ONE dynamic-array formula over its range, every cell with its cached figure", async () => {
    const spill: CellValue[][] = [
      ["Year", 36000],
      ["Month", 3000],
      ["Day", 100],
    ];
    const cells: CellSpec[] = [{ ref: "B2", formula: "BIZ.BREAKDOWN(36000)", value: "Year", spill, role: "output", format: "number" }];
    const bytes = await writeWorkbook([{ template: planTemplate("Spill", { cells }), values: {} }]);
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    // As Excel 365 saves a custom function that spills (test/fixtures/excel-saved): cm="1" and t="array" with its ref.
    expect(sheet).toMatch(/<c r="B2"[^>]* t="str" cm="1"><f t="array" ref="B2:C4">_xldudf_BIZ_BREAKDOWN\(36000\)<\/f><v>Year<\/v><\/c>/);
    expect(sheet.match(/<f[ >]/g)).toHaveLength(1);
    expect(sheet.match(/_xldudf_/g)).toHaveLength(1);
    const ws = (await read(bytes)).worksheets[0];
    expect(ws.getCell("C2").value).toBe(36000);
    expect(ws.getCell("B3").value).toBe("Month");
    expect(ws.getCell("C4").value).toBe(100);
    expect(ws.getCell("C4").numFmt).toBe(NUMBER_FORMATS.number);
    expect(ws.getCell("C4").font.bold).toBe(true);
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
  });

  test("a spilling native formula is a dynamic array: an array formula over the spill, marked for Excel", async () => {
    const cells: CellSpec[] = [
      { ref: "B2", formula: "A1*{1;2;3}", value: 2, spill: [[2], [4], [6]] },
      { ref: "A1", value: 2 },
    ];
    const bytes = await writeWorkbook([{ template: planTemplate("Spill", { cells }), values: {} }]);
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<c r="B2"[^>]* cm="1"><f t="array" ref="B2:B4">A1\*\{1;2;3\}<\/f><v>2<\/v><\/c>/);
    expect(sheet).toContain('<c r="B3"><v>4</v></c>');
    // the dynamic-array metadata Excel needs to treat it as a spill, wired into the package
    expect(await zip.file("xl/metadata.xml")!.async("string")).toContain('<xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/>');
    expect(await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain('Target="metadata.xml"');
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain('PartName="/xl/metadata.xml"');
    await parseAllParts(zip);
  });

  test("an error figure is cached as an error value, not as text", async () => {
    const cells: CellSpec[] = [{ ref: "A1", formula: "BIZ.BREAKEVEN(100,5,9)", value: "#NUM!" }];
    const bytes = await writeWorkbook([{ template: planTemplate("Errors", { cells }), values: {} }]);
    const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain('<c r="A1" t="e"><f>_xldudf_BIZ_BREAKEVEN(100,5,9)</f><v>#NUM!</v></c>');
  });

  test("a sheet without charts or spills gets no drawing and no metadata; a 1x1 spill is a plain formula", async () => {
    const cells: CellSpec[] = [
      { ref: "A1", value: 1 },
      { ref: "A2", formula: 'BIZ.GOAL(1,"year","year")', value: 1, spill: [[1]] },
    ];
    const bytes = await writeWorkbook([{ template: planTemplate("Plain", { cells }), values: {} }]);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((p) => /drawing|chart|metadata/.test(p))).toEqual([]);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain(
      '<c r="A2"><f>_xldudf_BIZ_GOAL(1,&quot;year&quot;,&quot;year&quot;)</f><v>1</v></c>'
    );
  });
});

test("a validation list over a range is one rule over that range (no overlapping rules)", async () => {
  const template = planTemplate("Valid", {
    validations: [
      { ref: "B9:B14", list: ["Work", "Deal-making"] },
      { ref: "D2", list: ["a", "b"] },
    ],
  });
  const bytes = await writeWorkbook([{ template, values: {} }]);
  const sheet = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
  expect(sheet.match(/sqref="[^"]*"/g)).toEqual(['sqref="B9:B14"', 'sqref="D2"']);
  const ws = (await read(bytes)).worksheets[0];
  for (const ref of ["B9", "B12", "B14"]) expect(ws.getCell(ref).dataValidation).toMatchObject({ type: "list", formulae: ['"Work,Deal-making"'] });
  expect(ws.getCell("B15").dataValidation).toBeUndefined();
});

describe("writeWorkbook refuses what Excel would not open", () => {
  test.each([
    ["a duplicate sheet", [planTemplate("Same", {}), planTemplate("same", {})], /worksheet name "same"/],
    ["a sheet name over 31 characters", [planTemplate("A title that is far too long for a sheet", {})], /cannot be a worksheet name/],
    ["a sheet name with a colon", [planTemplate("Plan: one", {})], /cannot be a worksheet name/],
    [
      "a name used twice",
      [
        planTemplate("One", {
          cells: [
            { ref: "A1", value: 1, name: "Goal" },
            { ref: "A2", value: 2, name: "GOAL" },
          ],
        }),
      ],
      /"GOAL" is used twice/,
    ],
    ["a name that reads as a cell", [planTemplate("One", { cells: [{ ref: "A1", value: 1, name: "AB12" }] })], /"AB12" cannot be a cell name/],
    [
      "a table named like a cell name",
      [
        planTemplate("One", {
          cells: [{ ref: "A1", value: 1, name: "Stages" }],
          tables: [{ name: "Stages", ref: "A3", columns: [{ header: "x" }], rows: [[1]] }],
        }),
      ],
      /used twice/,
    ],
    ["a validation item with a comma", [planTemplate("One", { validations: [{ ref: "A1", list: ["a,b", "c"] }] })], /cannot hold a comma/],
    ["nothing at all", [], /nothing to write/],
  ])("%s", async (_what, templates, message) => {
    await expect(writeWorkbook(templates.map((template) => ({ template, values: {} })))).rejects.toThrow(message);
    await expect(writeWorkbook(templates.map((template) => ({ template, values: {} })))).rejects.toBeInstanceOf(WorkbookError);
  });
});

describe("formulas as the file stores them", () => {
  test.each([
    ['BIZ.GOAL(GoalAmount,GoalPeriod,"day")', '_xldudf_BIZ_GOAL(GoalAmount,GoalPeriod,"day")', "the custom-function prefix, dot to underscore"],
    ["biz.salesneeded(A1,B1)", "_xldudf_BIZ_SALESNEEDED(A1,B1)", "any letter case"],
    ['IF(A1>0,"BIZ.GOAL(1)",BIZ.GOAL(1,"year","day"))', 'IF(A1>0,"BIZ.GOAL(1)",_xldudf_BIZ_GOAL(1,"year","day"))', "text in quotes is left alone"],
    ["IFS(A1>1,1,TRUE,0)", "_xlfn.IFS(A1>1,1,TRUE,0)", "Excel 2016 functions need _xlfn."],
    ["MAXIFS(A:A,B:B,1)+ifna(1,2)", "_xlfn.MAXIFS(A:A,B:B,1)+_xlfn.IFNA(1,2)", "several, any case"],
    ["FILTER(A1:A5,B1:B5>0)", "_xlfn._xlws.FILTER(A1:A5,B1:B5>0)", "FILTER and SORT carry _xlws too"],
    ["SUM(A1:A3)+IFERROR(1/0,0)", "SUM(A1:A3)+IFERROR(1/0,0)", "Excel 2007 functions unchanged"],
    ["'Sheet''s'!A1+MyBIZ.GOAL", "'Sheet''s'!A1+MyBIZ.GOAL", "a quoted sheet name and a name that only contains BIZ."],
  ])("%s -> %s (%s)", (typed, stored) => {
    expect(toFileFormula(typed)).toBe(stored);
  });

  test.each([
    ["[@Price]*[@[Commission rate]]", "T[[#This Row],[Price]]*T[[#This Row],[Commission rate]]"],
    ["Other[@Price]+SUM(T[Price])", "Other[[#This Row],[Price]]+SUM(T[Price])"],
  ])("in table T: %s -> %s", (typed, stored) => {
    expect(toFileFormula(typed, "T")).toBe(stored);
  });

  test("[@Column] outside a table is refused", () => {
    expect(() => toFileFormula("[@Price]*2")).toThrow(/only allowed in a table/);
  });

  test("usesBiz sees BIZ calls in code only", () => {
    expect(usesBiz('BIZ.GOAL(1,"year","day")')).toBe(true);
    expect(usesBiz("_xldudf_BIZ_GOAL(1)")).toBe(true);
    expect(usesBiz('"BIZ.GOAL("&A1')).toBe(false);
    expect(usesBiz("SUM(A1:A3)")).toBe(false);
  });
});
