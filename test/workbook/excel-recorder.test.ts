import { insertTemplate } from "../../src/workbook/officejs";
import { TEMPLATES } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { spills } from "../../src/templates/model";
import { RecorderOptions, createRecorder } from "./excel-recorder";

/**
 * The Office.js stand-in refuses what Excel refuses (each rule's source is beside it in
 * excel-recorder.ts): one test per rule, each with a case Excel accepts beside the one it refuses,
 * so a rule that refuses everything fails too.
 */

/** Runs one batch on a fresh recorder; the error message Excel would give, or "ok". */
async function attempt(batch: (context: any) => void, options: RecorderOptions = { sheets: [{ name: "Sheet1" }] }): Promise<string> {
  const rec = createRecorder(options);
  try {
    await rec.excel.run(async (context: any) => {
      batch(context);
      await context.sync();
    });
    return "ok";
  } catch (e) {
    return (e as Error).message;
  }
}

const addName = (name: string) => attempt((c) => c.workbook.names.add(name, c.workbook.worksheets.getItem("Sheet1").getRange("A1")));
const addSheet = (name: string) => attempt((c) => c.workbook.worksheets.add(name));
const nameTable = (name: string) =>
  attempt((c) => {
    c.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true).name = name;
  });

describe("defined names (Define and use names in formulas; ECMA-376 18.17; MS-OI29500 2.1.568)", () => {
  test.each(["GoalMonth", "_private", "\\back", "Sales.Q1", "a".repeat(255), "XFE1", "AB1048577", "Rate2x"])("%s is a name", async (name) =>
    expect(await addName(name)).toBe("ok")
  );
  test.each([
    ["AB12", /looks like a cell reference/],
    ["XFD1048576", /looks like a cell reference/],
    ["R1C1", /looks like a cell reference/],
    ["R2", /looks like a cell reference/],
    ["C", /looks like a cell reference/],
    ["r", /looks like a cell reference/],
    ["TRUE", /logical value/],
    ["a".repeat(256), /1 to 255 characters/],
    ["", /1 to 255 characters/],
    ["1stGoal", /not a valid name/],
    ["My Goal", /not a valid name/],
    ["Goal-Month", /not a valid name/],
  ])("%s is refused", async (name, message) => expect(await addName(name)).toMatch(message));
});

describe("sheet names (Rename a worksheet; MS-OI29500 2.1.578)", () => {
  test.each(["Income Goal", "Day-Job Tracker", "Owner's Plan", "x".repeat(31), "Histories"])("%s is a sheet name", async (name) =>
    expect(await addSheet(name)).toBe("ok")
  );
  test.each([
    ["", /cannot be blank/],
    ["History", /reserved/],
    ["HISTORY", /reserved/],
    ["'Quoted", /apostrophe/],
    ["Quoted'", /apostrophe/],
    ["x".repeat(32), /at most 31 characters/],
    ...[":", "\\", "/", "?", "*", "[", "]"].map((ch) => [`Plan${ch}2027`, /holds one of/] as [string, RegExp]),
  ])("%j is refused", async (name, message) => expect(await addSheet(name)).toMatch(message));
  test("a sheet name is unique in any letter case", async () => expect(await addSheet("sheet1")).toMatch(/already exists/));
});

describe("table names (Rename an Excel table)", () => {
  test.each(["PricePoints", "_T", "Levels.2027"])("%s is a table name", async (name) => expect(await nameTable(name)).toBe("ok"));
  test.each([
    ["Price Points", /no spaces/],
    ["B12", /looks like a cell reference/],
    ["R1C1", /looks like a cell reference/],
    ["t".repeat(256), /1 to 255 characters/],
    ["2027Plan", /not a valid name/],
  ])("%s is refused", async (name, message) => expect(await nameTable(name)).toMatch(message));
  test("a table name is unique among tables and names, in any letter case", async () => {
    const options: RecorderOptions = { sheets: [{ name: "Sheet1" }], names: { Prices: "Sheet1!Z1" } };
    expect(await attempt((c) => (c.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true).name = "PRICES"), options)).toMatch(/already exists/);
  });
});

describe("tables", () => {
  test("tables cannot overlap; side by side they can", async () => {
    const two = (second: string) =>
      attempt((c) => {
        const s = c.workbook.worksheets.getItem("Sheet1");
        s.tables.add("A1:B5", true);
        s.tables.add(second, true);
      });
    expect(await two("C1:D5")).toBe("ok");
    expect(await two("A6:B8")).toBe("ok");
    expect(await two("B5:C9")).toMatch(/cannot overlap another table/);
  });

  test("no formula in a table's header row, written before or after the table", async () => {
    const s = (c: any) => c.workbook.worksheets.getItem("Sheet1");
    expect(await attempt((c) => (s(c).tables.add("A1:B3", true).getHeaderRowRange().values = [["Item", "=1+1"]]))).toMatch(
      /header row of table .* cannot hold a formula/
    );
    expect(await attempt((c) => (s(c).tables.add("A1:B3", true).getHeaderRowRange().values = [["Item", "Price"]]))).toBe("ok");
    expect(
      await attempt(
        (c) =>
          (s(c).tables.add("A1:B3", true).getDataBodyRange().formulas = [
            ["=1+1", 2],
            ["x", 3],
          ])
      )
    ).toBe("ok"); // the body may
    expect(
      await attempt((c) => {
        s(c).getRange("A1:B1").formulas = [["Item", "=B9"]];
        s(c).tables.add("A1:B3", true);
      })
    ).toMatch(/header row of a table cannot hold a formula/);
  });
});

describe("charts (Excel.ChartType)", () => {
  const chart = (type: string) =>
    attempt((c) => c.workbook.worksheets.getItem("Sheet1").charts.add(type, c.workbook.worksheets.getItem("Sheet1").getRange("A1:B3"), "Columns"));
  test.each(["ColumnClustered", "BarClustered", "Line", "Pie", "3DPie", "Funnel"])("%s is a chart type", async (type) => expect(await chart(type)).toBe("ok"));
  test.each(["Column", "bar", "Spline", "columnClustered"])("%s is refused", async (type) => expect(await chart(type)).toMatch(/not an Excel.ChartType/));
});

describe("data validation lists", () => {
  const list = (source: string) =>
    attempt((c) => (c.workbook.worksheets.getItem("Sheet1").getRange("B4").dataValidation.rule = { list: { inCellDropDown: true, source } }));
  test("a source of 255 characters is taken, 256 refused", async () => {
    expect(await list("a".repeat(255))).toBe("ok");
    expect(await list("a".repeat(256))).toMatch(/at most 255 characters/);
  });
});

describe("protection through the options", () => {
  test("a sheet protected in the options refuses writes, and others take them", async () => {
    const options: RecorderOptions = { sheets: [{ name: "Locked", protected: true }, { name: "Open" }] };
    expect(await attempt((c) => (c.workbook.worksheets.getItem("Locked").getRange("A1").values = [[1]]), options)).toMatch(/protected sheet/);
    expect(await attempt((c) => (c.workbook.worksheets.getItem("Open").getRange("A1").values = [[1]]), options)).toBe("ok");
  });
  test("a protected workbook refuses a new sheet", async () => {
    expect(await attempt((c) => c.workbook.worksheets.add("New"), { sheets: [{ name: "Sheet1" }], protectedWorkbook: true })).toMatch(/protected/);
  });
});

describe("#SPILL!", () => {
  const spillSize = (f: string) => (f.startsWith("=BIZ.BREAKDOWN(") ? { rows: 6, cols: 2 } : undefined);
  const sheetWith = async (cells: Record<string, string | number>, table?: string) => {
    const rec = createRecorder({ sheets: [{ name: "Sheet1" }], spillSize });
    await rec.excel.run(async (c: any) => {
      const s = c.workbook.worksheets.getItem("Sheet1");
      if (table) s.tables.add(table, true);
      for (const [ref, v] of Object.entries(cells)) s.getRange(ref).formulas = [[v]];
      await c.sync();
    });
    return rec;
  };
  test("a spill onto empty cells shows its formula; onto any occupied cell, #SPILL!", async () => {
    expect((await sheetWith({ D4: "=BIZ.BREAKDOWN(1)" })).shows("Sheet1", "D4")).toBe("=BIZ.BREAKDOWN(1)");
    expect((await sheetWith({ D4: "=BIZ.BREAKDOWN(1)", F4: 1, D10: 1 })).shows("Sheet1", "D4")).toBe("=BIZ.BREAKDOWN(1)"); // just outside D4:E9
    expect((await sheetWith({ D4: "=BIZ.BREAKDOWN(1)", E9: "x" })).shows("Sheet1", "D4")).toBe("#SPILL!");
    expect((await sheetWith({ D4: "=BIZ.BREAKDOWN(1)", D5: 0 })).shows("Sheet1", "D4")).toBe("#SPILL!");
  });
  test("a spill into a table is #SPILL!", async () => {
    expect((await sheetWith({ D4: "=BIZ.BREAKDOWN(1)" }, "E8:F12")).shows("Sheet1", "D4")).toBe("#SPILL!");
  });

  test.each(TEMPLATES.map((t) => [t.title, t] as const))("%s: no spill of the inserted plan is blocked", async (_title, t) => {
    const { values } = validateInputs(t, {});
    const plan = t.build(values);
    const sizes = new Map(plan.cells.filter(spills).map((c) => [`=${c.formula}`, { rows: c.spill.length, cols: c.spill[0].length }]));
    const rec = createRecorder({ spillSize: (f) => sizes.get(f) });
    const { sheetName } = await insertTemplate(t, values, rec.excel);
    const shown = plan.cells.filter(spills).map((c) => rec.shows(sheetName, c.ref));
    expect(shown).toEqual(plan.cells.filter(spills).map((c) => `=${c.formula}`));
  });
});
