import fc from "fast-check";
import { columnName, exactRects, parseCell, touchingBlocks } from "../../src/workbook/blocks";
import {
  PROTECTED_MESSAGE,
  REQUIRED_SETS,
  MIN_EXCEL_API,
  insertFormulaAtSelection,
  insertTemplate,
  reboundFormula,
  reconnectFormulas,
} from "../../src/workbook/officejs";
import { freeSheetName, namesForCopy, renameInFormula } from "../../src/workbook/rename";
import { LOOKS, NUMBER_FORMATS } from "../../src/workbook/styles";
import { TEMPLATES } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { Template } from "../../src/templates/model";
import { RecorderOptions, createRecorder } from "./excel-recorder";
import { fixtureValues, officeFixture } from "./fixture-template.officejs";

/** The stand-in's default culture is en-US (ExcelApi 1.17): money as Excel en-US writes its own Currency format. */
const EN_US_MONEY = '"$"#,##0.00';

const existing = (): RecorderOptions => ({
  sheets: [
    { name: "Sheet1", cells: { A1: "my data", B2: 42 } },
    { name: "Income Goal", cells: { A1: "hand-made goal sheet" } },
  ],
  names: { MyRate: "Sheet1!B2" },
});

/** Everything a user could see of the workbook, to compare before and after. */
function snapshot(rec: ReturnType<typeof createRecorder>) {
  return JSON.stringify({
    sheets: rec.state.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], charts: s.charts, widths: [...s.columnWidths.entries()] })),
    names: [...rec.state.names.entries()],
    tables: rec.state.tables,
  });
}

describe("insertTemplate", () => {
  test("writes the fixture in one Excel.run and two syncs", async () => {
    const rec = createRecorder();
    const result = await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(rec.runs).toBe(1);
    expect(rec.syncs).toBe(2);
    expect(result.sheetName).toBe("Income Goal");
    expect(rec.sheetNames()).toEqual(["Income Goal"]);
    // The first batch only reads.
    expect(rec.calls.filter((c) => c.batch === 1).every((c) => c.op === "load")).toBe(true);

    expect(rec.cell("Income Goal", "B3")).toMatchObject({
      formula: 36000,
      numberFormat: EN_US_MONEY,
      fill: LOOKS.input.fill,
      fontColor: LOOKS.input.fontColor,
    });
    expect(rec.cell("Income Goal", "B7")).toMatchObject({ formula: '=BIZ.GOAL(GoalAmount,GoalPeriod,"month")', fill: LOOKS.output.fill, bold: true });
    expect(rec.cell("Income Goal", "A1")).toMatchObject({ formula: "Income Goal", size: LOOKS.title.size, bold: true });
    // A note that Excel would read as a formula is written as text.
    expect(rec.cell("Income Goal", "A11")?.formula).toBe("'-1 means no goal");
    expect(rec.state.names.get("GoalMonth")).toBe("'Income Goal'!B7");
    expect(rec.state.names.get("GoalAmount")).toBe("'Income Goal'!B3");
    expect(result.names).toMatchObject({ GoalMonth: "GoalMonth", PricePoints: "PricePoints" });

    expect(rec.state.tables).toEqual([{ name: "PricePoints", sheet: "Income Goal", address: "A13:C16" }]);
    expect(rec.cell("Income Goal", "A13")?.formula).toBe("Product");
    expect(rec.cell("Income Goal", "C14")).toMatchObject({ formula: "=ROUNDUP(GoalMonth/([@Price]*Commission),0)", numberFormat: NUMBER_FORMATS.integer });
    expect(rec.cell("Income Goal", "B16")).toMatchObject({ formula: 70, fill: LOOKS.input.fill });
    expect(rec.cell("Income Goal", "B4")?.validation).toEqual({ list: { inCellDropDown: true, source: "year,month" } });
    expect(rec.sheet("Income Goal")?.charts).toEqual([{ type: "ColumnClustered", source: "A13:A16", title: "Sales needed", position: ["G3", "L14"] }]);
    expect(rec.sheet("Income Goal")?.columnWidths.get(0)).toBeCloseTo((24 * 7 + 5) * 0.75);
    expect(rec.state.activeSheet).toBe("Income Goal");
  });

  test("loose cells go out as a few block writes, and each table body as one formulas grid", async () => {
    const rec = createRecorder();
    await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    const contents = rec.writes().filter((c) => c.op === "formulas");
    // Blocks A1, A3:B5, A7:B11, D3:D4 and the table body.
    expect(contents.map((c) => c.target)).toEqual(["Income Goal!A1", "Income Goal!A3:B5", "Income Goal!A7:B11", "Income Goal!D3:D4", "Income Goal!A14:C16"]);
    expect(contents.filter((c) => c.target === "Income Goal!A14:C16")).toHaveLength(1);
  });

  test.each([1, 40, 5000])("a table of %i rows still takes two syncs and the same number of calls", async (rows) => {
    const small = createRecorder();
    await insertTemplate(officeFixture(), fixtureValues({ Products: 2 }), small.excel);
    const rec = createRecorder();
    await insertTemplate(officeFixture(), fixtureValues({ Products: rows }), rec.excel);
    expect(rec.syncs).toBe(2);
    expect(rec.calls.length).toBe(small.calls.length);
    expect(rec.cell("Income Goal", `C${13 + rows}`)?.formula).toBe("=ROUNDUP(GoalMonth/([@Price]*Commission),0)");
  });

  test("a spilling formula is written in its top-left cell only; the spill range stays empty", async () => {
    const rec = createRecorder();
    await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(rec.cell("Income Goal", "D4")).toMatchObject({ formula: "=BIZ.BREAKDOWN(GoalAmount,GoalPeriod)" });
    for (const ref of ["E4", "D5", "E5", "D9", "E9"]) {
      expect(rec.cell("Income Goal", ref)?.formula).toBeUndefined();
      // It looks like an output and reads as money, like its top-left cell.
      expect(rec.cell("Income Goal", ref)).toMatchObject({ numberFormat: EN_US_MONEY, fill: LOOKS.output.fill });
    }
    expect(rec.cell("Income Goal", "D10")).toBeUndefined();
  });

  test("an existing sheet of the same name is never touched; the new sheet is '(2)', then '(3)'", async () => {
    const rec = createRecorder(existing());
    const before = JSON.stringify([...rec.sheet("Income Goal")!.cells.entries()]);
    const first = await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(first.sheetName).toBe("Income Goal (2)");
    expect(JSON.stringify([...rec.sheet("Income Goal")!.cells.entries()])).toBe(before);
    expect(rec.cell("Sheet1", "B2")).toEqual({ formula: 42 });
    // No write of any kind aimed at the user's sheets.
    expect(rec.calls.filter((c) => c.op !== "load" && /^(Sheet1|Income Goal)!/.test(c.target))).toEqual([]);
    const second = await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(second.sheetName).toBe("Income Goal (3)");
    expect(rec.sheetNames()).toEqual(["Sheet1", "Income Goal", "Income Goal (2)", "Income Goal (3)"]);
  });

  test("a second copy suffixes every name and table, and its formulas follow", async () => {
    const rec = createRecorder();
    await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    const firstCopy = JSON.stringify([...rec.sheet("Income Goal")!.cells.entries()]);
    const result = await insertTemplate(officeFixture(), fixtureValues({ GoalAmount: 48000 }), rec.excel);
    expect(result.sheetName).toBe("Income Goal (2)");
    expect(result.names).toEqual({
      GoalAmount: "GoalAmount_2",
      GoalPeriod: "GoalPeriod_2",
      Commission: "Commission_2",
      GoalMonth: "GoalMonth_2",
      GoalDay: "GoalDay_2",
      TotalSales: "TotalSales_2",
      PricePoints: "PricePoints_2",
    });
    const s = "Income Goal (2)";
    expect(rec.cell(s, "B7")?.formula).toBe('=BIZ.GOAL(GoalAmount_2,GoalPeriod_2,"month")');
    expect(rec.cell(s, "B9")?.formula).toBe("='Income Goal (2)'!B7*12");
    expect(rec.cell(s, "B10")?.formula).toBe("=SUM(PricePoints_2[Sales needed])");
    expect(rec.cell(s, "C14")?.formula).toBe("=ROUNDUP(GoalMonth_2/([@Price]*Commission_2),0)");
    expect(rec.state.names.get("GoalMonth_2")).toBe("'Income Goal (2)'!B7");
    expect(rec.state.names.get("GoalMonth")).toBe("'Income Goal'!B7");
    expect(rec.state.tables.map((t) => t.name)).toEqual(["PricePoints", "PricePoints_2"]);
    expect(JSON.stringify([...rec.sheet("Income Goal")!.cells.entries()])).toBe(firstCopy);
    // A third copy takes _3.
    const third = await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(third.names.GoalMonth).toBe("GoalMonth_3");
  });

  test("a user's own name that clashes with one of the template's moves the whole copy to a suffix", async () => {
    const rec = createRecorder({ names: { goalday: "Sheet1!A1" }, sheets: [{ name: "Sheet1" }] });
    const result = await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
    expect(result.sheetName).toBe("Income Goal");
    expect(result.names.GoalDay).toBe("GoalDay_2");
    expect(result.names.GoalMonth).toBe("GoalMonth_2");
    expect(rec.state.names.get("goalday")).toBe("Sheet1!A1");
  });

  test("a failure at the second sync leaves the workbook as it was, with a readable message", async () => {
    const rec = createRecorder({ ...existing(), failAtSync: 2, failWith: { code: "GeneralException", message: "An internal error has occurred." } });
    const before = snapshot(rec);
    await expect(insertTemplate(officeFixture(), fixtureValues(), rec.excel)).rejects.toThrow(
      "Inserting the Income Goal plan failed: An internal error has occurred (GeneralException)"
    );
    expect(snapshot(rec)).toBe(before);
    expect(rec.sheetNames()).toEqual(["Sheet1", "Income Goal"]);
    // The clean-up ran in a fresh Excel.run.
    expect(rec.runs).toBe(2);
  });

  test("wherever the second batch stops, nothing of the insert is left behind", async () => {
    const total = (() => {
      const rec = createRecorder(existing());
      return insertTemplate(officeFixture(), fixtureValues(), rec.excel).then(() => rec.calls.filter((c) => c.batch === 2).length);
    })();
    const n = await total;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: n - 1 }), async (k) => {
        const rec = createRecorder({ ...existing(), failAtSync: 2, failAfterOps: k });
        const before = snapshot(rec);
        await expect(insertTemplate(officeFixture(), fixtureValues(), rec.excel)).rejects.toThrow(/Inserting the Income Goal plan failed/);
        expect(snapshot(rec)).toBe(before);
      }),
      { numRuns: 40 }
    );
  });

  test("a failure at the first sync changes nothing and needs no clean-up", async () => {
    const rec = createRecorder({
      ...existing(),
      failAtSync: 1,
      failWith: { code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." },
    });
    const before = snapshot(rec);
    await expect(insertTemplate(officeFixture(), fixtureValues(), rec.excel)).rejects.toThrow(
      "Excel is busy editing a cell: press Enter or Esc in that cell and try again"
    );
    expect(snapshot(rec)).toBe(before);
    expect(rec.runs).toBe(1);
  });

  test("a protected workbook: the message says what to do and nothing changes", async () => {
    const rec = createRecorder({ ...existing(), protectedWorkbook: true });
    const before = snapshot(rec);
    await expect(insertTemplate(officeFixture(), fixtureValues(), rec.excel)).rejects.toThrow(PROTECTED_MESSAGE);
    expect(snapshot(rec)).toBe(before);
    expect(rec.syncs).toBe(1);
    expect(rec.calls.every((c) => c.op === "load")).toBe(true);
  });

  test("access denied while writing (e.g. protection applied meanwhile) gives the protection message and cleans up", async () => {
    const rec = createRecorder({ ...existing(), failAtSync: 2, failWith: { code: "AccessDenied", message: "You cannot perform the requested operation." } });
    const before = snapshot(rec);
    await expect(insertTemplate(officeFixture(), fixtureValues(), rec.excel)).rejects.toThrow(PROTECTED_MESSAGE);
    expect(snapshot(rec)).toBe(before);
  });

  test("a template that cannot lay out its sheet is reported before Excel is touched", async () => {
    const rec = createRecorder();
    const broken: Template = {
      ...officeFixture(),
      build: () => {
        throw new Error("period must be one of year, month");
      },
    };
    await expect(insertTemplate(broken, fixtureValues(), rec.excel)).rejects.toThrow(
      "The Income Goal plan could not be laid out: period must be one of year, month"
    );
    expect(rec.runs).toBe(0);
  });
});

describe("the six templates", () => {
  const defaults = (t: Template) => {
    const { values, errors } = validateInputs(t, {});
    expect(errors).toEqual({});
    return values;
  };
  const formulasOn = (rec: ReturnType<typeof createRecorder>, sheet: string) =>
    [...(rec.sheet(sheet)?.cells.entries() ?? [])]
      .filter(([, c]) => typeof c.formula === "string" && c.formula.startsWith("="))
      .map(([ref, c]) => [ref, c.formula as string] as const);

  test.each(TEMPLATES.map((t) => [t.title, t] as const))("%s: inserted in one run and two syncs, every name and table in place", async (_, t) => {
    const rec = createRecorder(existing());
    const before = JSON.stringify([...rec.sheet("Sheet1")!.cells.entries()]);
    const plan = t.build(defaults(t));
    const result = await insertTemplate(t, defaults(t), rec.excel);
    expect(rec.runs).toBe(1);
    expect(rec.syncs).toBe(2);
    // existing() already has a hand-made "Income Goal" sheet.
    expect(result.sheetName).toBe(t.title === "Income Goal" ? "Income Goal (2)" : t.title);
    expect(JSON.stringify([...rec.sheet("Sheet1")!.cells.entries()])).toBe(before);
    const sheet = result.sheetName;
    for (const name of [...t.inputs.map((i) => i.name), ...t.outputs])
      expect(rec.state.names.get(name)).toMatch(new RegExp(`^'?${sheet.replace(/[()]/g, "\\$&")}'?!`));
    expect(
      rec.state.tables
        .filter((x) => x.sheet === sheet)
        .map((x) => x.name)
        .sort()
    ).toEqual(plan.tables.map((x) => x.name).sort());
    expect(rec.sheet(sheet)?.charts).toHaveLength(plan.charts.length);
    for (const v of plan.validations)
      expect(rec.cell(sheet, v.ref.split(":")[0])?.validation).toEqual({ list: { inCellDropDown: true, source: v.list.join(",") } });
    // Whole-range writes: one formulas grid per table body, and far fewer writes than cells.
    for (const table of plan.tables.filter((x) => x.rows.length > 0)) {
      const head = parseCell(table.ref);
      const body = `${sheet}!${columnName(head.col)}${head.row + 2}`;
      expect(rec.calls.filter((c) => c.op === "formulas" && c.target.startsWith(body + ":"))).toHaveLength(1);
    }
    const cellCount = plan.cells.length + plan.tables.reduce((n, x) => n + x.rows.length * x.columns.length, 0);
    expect(rec.writes().length).toBeLessThan(cellCount / 2);
    // Nothing is written into a spill range but the formula in its top-left cell.
    for (const c of plan.cells.filter((x) => x.spill)) {
      const at = parseCell(c.ref);
      c.spill!.forEach((row, i) =>
        row.forEach((_v, j) => {
          if (i === 0 && j === 0) return;
          const ref = `${columnName(at.col + j)}${at.row + 1 + i}`;
          expect(rec.cell(sheet, ref)?.formula).toBeUndefined();
        })
      );
    }
  });

  test.each(TEMPLATES.map((t) => [t.title, t] as const))("%s: a second copy gets its own names and its formulas use them", async (_, t) => {
    const rec = createRecorder();
    await insertTemplate(t, defaults(t), rec.excel);
    const first = JSON.stringify([...rec.sheet(t.title)!.cells.entries()]);
    const copy = await insertTemplate(t, defaults(t), rec.excel);
    expect(copy.sheetName).toBe(`${t.title} (2)`);
    const stale = Object.fromEntries(Object.keys(copy.names).map((n) => [n, "__STALE__"]));
    for (const [from, to] of Object.entries(copy.names)) expect(to).toBe(`${from}_2`);
    const formulas = formulasOn(rec, copy.sheetName);
    expect(formulas.length).toBeGreaterThan(0);
    for (const [ref, f] of formulas) expect([ref, renameInFormula(f, stale)]).toEqual([ref, f]);
    expect(JSON.stringify([...rec.sheet(t.title)!.cells.entries()])).toBe(first);
  });

  test("text a user typed is written as text, never run as a formula", async () => {
    const t = TEMPLATES.find((x) => x.inputs.some((i) => i.kind === "text"))!;
    const input = t.inputs.find((i) => i.kind === "text")!;
    const typed = '=HYPERLINK("http://example.invalid","click")';
    const { values, errors } = validateInputs(t, { [input.name]: typed });
    expect(errors).toEqual({});
    const rec = createRecorder();
    await insertTemplate(t, values, rec.excel);
    const ref = rec.state.names.get(input.name)!;
    expect(rec.cell(t.title, ref.slice(ref.lastIndexOf("!") + 1))?.formula).toBe(`'${typed}`);
  });

  test.each(TEMPLATES.map((t) => [t.title, t] as const))("%s: a failure at the second sync leaves the workbook as it was", async (_, t) => {
    const rec = createRecorder({ ...existing(), failAtSync: 2 });
    const before = snapshot(rec);
    await expect(insertTemplate(t, defaults(t), rec.excel)).rejects.toThrow(`Inserting the ${t.title} plan failed`);
    expect(snapshot(rec)).toBe(before);
  });
});

describe("names for a copy", () => {
  test.each([
    ["GoalMonth*12", "GoalMonth_2*12", "a name"],
    ['BIZ.GOAL(GoalAmount,GoalPeriod,"month")', 'BIZ.GOAL(GoalAmount_2,GoalPeriod_2,"month")', "arguments, not the function"],
    ['IF(GoalMonth>0,"GoalMonth","none")', 'IF(GoalMonth_2>0,"GoalMonth","none")', "text in quotes is never renamed"],
    ['"say ""GoalMonth"""&GoalMonth', '"say ""GoalMonth"""&GoalMonth_2', "escaped quotes inside text"],
    ["SUM(PricePoints[Sales needed])", "SUM(PricePoints_2[Sales needed])", "a table's structured reference"],
    ["PricePoints[[#Headers],[GoalMonth]]", "PricePoints_2[[#Headers],[GoalMonth]]", "column names in brackets are not names"],
    ["goalmonth+GoalMonthly", "GoalMonth_2+GoalMonthly", "case-insensitive, whole words only"],
    ["'Income Goal'!B7+Sheet1!A1", "'Income Goal (2)'!B7+Sheet1!A1", "a reference to the template's own sheet"],
    ["GOAL(1)+Goal", "GOAL(1)+Goal_2", "a function of the same name as a name"],
    ["1E5+GoalDay", "1E5+GoalDay_2", "numbers stay numbers"],
  ])("%s -> %s (%s)", (formula, expected) => {
    const names = {
      GoalMonth: "GoalMonth_2",
      GoalAmount: "GoalAmount_2",
      GoalPeriod: "GoalPeriod_2",
      PricePoints: "PricePoints_2",
      Goal: "Goal_2",
      GoalDay: "GoalDay_2",
    };
    expect(renameInFormula(formula, names, { from: "Income Goal", to: "Income Goal (2)" })).toBe(expected);
  });

  test("one suffix for the whole copy, the smallest free one", () => {
    expect(namesForCopy(["A", "B"], [])).toEqual({ A: "A", B: "B" });
    expect(namesForCopy(["A", "B"], ["b"])).toEqual({ A: "A_2", B: "B_2" });
    expect(namesForCopy(["A", "B"], ["B", "A_2"])).toEqual({ A: "A_3", B: "B_3" });
  });

  test("sheet names stay within Excel's 31 characters", () => {
    expect(freeSheetName("Income Goal", ["income goal"])).toBe("Income Goal (2)");
    const long = "Day-Job Replacement Tracker Long";
    expect(freeSheetName(long, [])).toBe(long.slice(0, 31));
    const second = freeSheetName(long, [long.slice(0, 31)]);
    expect(second).toBe(`${long.slice(0, 27)} (2)`);
    expect(second.length).toBeLessThanOrEqual(31);
  });
});

describe("blocks", () => {
  const cellSet = fc.uniqueArray(fc.record({ row: fc.integer({ min: 0, max: 12 }), col: fc.integer({ min: 0, max: 8 }) }), {
    selector: (c) => `${c.row},${c.col}`,
    maxLength: 60,
  });

  test("exact rectangles cover the cells exactly, without overlap", () => {
    fc.assert(
      fc.property(cellSet, (cells) => {
        const covered: string[] = [];
        for (const r of exactRects(cells)) for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) covered.push(`${r.top + i},${r.left + j}`);
        expect(covered.sort()).toEqual(cells.map((c) => `${c.row},${c.col}`).sort());
      })
    );
  });

  test("touching blocks put every cell in exactly one block that contains it", () => {
    fc.assert(
      fc.property(cellSet, (cells) => {
        const blocks = touchingBlocks(cells);
        expect(blocks.reduce((n, b) => n + b.cells.length, 0)).toBe(cells.length);
        for (const b of blocks)
          for (const c of b.cells)
            expect(c.row >= b.rect.top && c.row < b.rect.top + b.rect.rows && c.col >= b.rect.left && c.col < b.rect.left + b.rect.cols).toBe(true);
      })
    );
    expect(touchingBlocks([parseCell("A1"), parseCell("B1"), parseCell("B2"), parseCell("D4")]).map((b) => b.rect)).toEqual([
      { top: 0, left: 0, rows: 2, cols: 2 },
      { top: 3, left: 3, rows: 1, cols: 1 },
    ]);
  });
});

describe("reconnectFormulas", () => {
  test("re-enters BIZ formulas (and the _xldudf_ form) on every sheet, and nothing else, in three syncs", async () => {
    const rec = createRecorder({
      sheets: [
        { name: "Income Goal", cells: { A1: "Goal", B1: 36000, B2: '=BIZ.GOAL(B1,"year","month")', B3: "=B2*12", C5: "=_xldudf_BIZ_SALESNEEDED(B2,50,0.25)" } },
        { name: "Empty" },
        { name: "Other", cells: { A1: "=SUM(1,2)", A2: '=[2]!_xldudf_BIZ_GOAL(1,"year","day")' } },
      ],
    });
    const result = await reconnectFormulas(rec.excel);
    expect(result).toEqual({ formulas: 3, sheets: 2 });
    expect(rec.syncs).toBe(3);
    expect(rec.cell("Income Goal", "B2")?.formula).toBe('=BIZ.GOAL(B1,"year","month")');
    expect(rec.cell("Income Goal", "C5")?.formula).toBe("=BIZ.SALESNEEDED(B2,50,0.25)");
    expect(rec.cell("Other", "A2")?.formula).toBe('=BIZ.GOAL(1,"year","day")');
    const writes = rec.writes();
    expect(writes).toHaveLength(2);
    // Only the BIZ cells are in the written grid; every other cell is null (left as it is).
    const grid = writes[0].args[0] as unknown[][];
    expect(grid.flat().filter((v) => v !== null)).toEqual(['=BIZ.GOAL(B1,"year","month")', "=BIZ.SALESNEEDED(B2,50,0.25)"]);
  });

  test("a workbook without BIZ formulas is read, not written", async () => {
    const rec = createRecorder({ sheets: [{ name: "Sheet1", cells: { A1: "=1+1" } }] });
    expect(await reconnectFormulas(rec.excel)).toEqual({ formulas: 0, sheets: 0 });
    expect(rec.syncs).toBe(2);
    expect(rec.writes()).toEqual([]);
  });

  test.each([
    ["_xldudf_BIZ_GOAL(1,2)", "BIZ.GOAL(1,2)"],
    ["=A1+'My Addin.xla'!_xldudf_BIZ_FUNNEL(A1:A3,B1:B3)", "=A1+BIZ.FUNNEL(A1:A3,B1:B3)"],
    ["=BIZ.GOAL(1)", "=BIZ.GOAL(1)"],
  ])("%s -> %s", (from, to) => expect(reboundFormula(from)).toBe(to));
});

describe("insertFormulaAtSelection", () => {
  test("writes the formula into the selected cell", async () => {
    const rec = createRecorder({ sheets: [{ name: "Sheet1" }], selection: "Sheet1!C4" });
    expect(await insertFormulaAtSelection('=BIZ.GOAL(3000,"month","day")', rec.excel)).toBe("Sheet1!C4");
    expect(rec.cell("Sheet1", "C4")?.formula).toBe('=BIZ.GOAL(3000,"month","day")');
    expect(rec.syncs).toBe(1);
  });
});

test("requirement sets: the highest is what the pane checks", () => {
  expect(MIN_EXCEL_API).toBe("1.8");
  expect(REQUIRED_SETS.find((s) => s.version === "1.4")?.for).toMatch(/names/);
});
