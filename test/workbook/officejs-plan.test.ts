import fc from "fast-check";
import { TEMPLATES } from "../../src/templates";
import { composePlan } from "../../src/templates/plan";
import { PROTECTED_MESSAGE, insertPlan } from "../../src/workbook/officejs";
import { LOOKS } from "../../src/workbook/styles";
import { RecorderOptions, createRecorder } from "./excel-recorder";

/**
 * The whole plan through the Office.js writer and the recording stand-in: seven sheets that name
 * each other's cells, in ONE Excel.run with two syncs, never overwriting anything of the user's.
 */

const SHEETS = ["Plan", ...TEMPLATES.map((t) => t.title)];

const existing = (): RecorderOptions => ({
  sheets: [
    { name: "Sheet1", cells: { A1: "my data", B2: 42 } },
    { name: "Income Goal", cells: { A1: "hand-made goal sheet" } },
  ],
  names: { MyRate: "Sheet1!B2" },
});

function snapshot(rec: ReturnType<typeof createRecorder>) {
  return JSON.stringify({
    sheets: rec.state.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], charts: s.charts, widths: [...s.columnWidths.entries()] })),
    names: [...rec.state.names.entries()],
    tables: rec.state.tables,
  });
}

const whole = (raw = {}) => {
  const { entries, errors } = composePlan(raw);
  expect(errors).toEqual({});
  return entries;
};

const refOf = (rec: ReturnType<typeof createRecorder>, name: string) => {
  const at = rec.state.names.get(name) as string;
  return { sheet: at.slice(0, at.lastIndexOf("!")).replace(/^'|'$/g, ""), ref: at.slice(at.lastIndexOf("!") + 1).replace(/\$/g, "") };
};

describe("insertPlan", () => {
  test("the whole plan goes in ONE Excel.run with two syncs: seven sheets, Plan first and active", async () => {
    const rec = createRecorder();
    const done = await insertPlan(whole(), rec.excel);
    expect(rec.runs).toBe(1);
    expect(rec.syncs).toBe(2);
    expect(rec.calls.filter((c) => c.batch === 1).every((c) => c.op === "load")).toBe(true);
    expect(rec.sheetNames()).toEqual(SHEETS);
    expect(done.sheets.map((s) => s.sheetName)).toEqual(SHEETS);
    expect(rec.state.activeSheet).toBe("Plan");
  });

  test("the linked inputs are formulas of the Income Goal's names; the Plan reads the other sheets by name", async () => {
    const rec = createRecorder();
    await insertPlan(whole(), rec.excel);
    const income = refOf(rec, "FunnelIncome");
    expect(income.sheet).toBe("Sales Funnel");
    expect(rec.cell(income.sheet, income.ref)).toMatchObject({ formula: "=GoalMonth", fill: LOOKS.output.fill });
    const target = refOf(rec, "MonthlyTarget");
    expect(rec.cell(target.sheet, target.ref)?.formula).toBe("=JobIncome");
    const team = refOf(rec, "TeamNeeded");
    expect(team.sheet).toBe("Plan");
    expect(String(rec.cell("Plan", team.ref)?.formula)).toMatch(/^=IF\(GoalMonth\+MonthlyCost=0,0,IF\(VolumePerMember\*EffectivePayoutRate=0,/);
    // Every name was defined before the first formula that uses it was entered (Plan's formulas name later sheets).
    const firstFormula = rec.calls.findIndex((c) => c.op === "formulas" || (c.op === "set" && c.args[0] === "formulas"));
    const lastName = rec.calls.map((c) => c.target === "names" && c.op === "add").lastIndexOf(true);
    expect(firstFormula).toBeGreaterThan(lastName);
  });

  test("beside existing sheets and names: each sheet takes a free name, all names one suffix, links follow", async () => {
    const rec = createRecorder({ ...existing(), names: { MyRate: "Sheet1!B2", GoalMonth: "Sheet1!A1" } });
    const before = rec.sheet("Income Goal")!.cells.get("A1");
    const done = await insertPlan(whole(), rec.excel);
    expect(rec.sheetNames()).toEqual(["Sheet1", "Income Goal", "Plan", "Income Goal (2)", ...TEMPLATES.slice(1).map((t) => t.title)]);
    expect(done.names.GoalMonth).toBe("GoalMonth_2");
    expect(done.names.FunnelIncome).toBe("FunnelIncome_2");
    expect(done.names.PricePoints).toBe("PricePoints_2");
    const income = refOf(rec, "FunnelIncome_2");
    expect(rec.cell(income.sheet, income.ref)?.formula).toBe("=GoalMonth_2");
    expect(rec.state.names.get("GoalMonth")).toBe("Sheet1!A1");
    expect(rec.state.names.get("GoalMonth_2")).toMatch(/^'Income Goal \(2\)'!/);
    // The Plan's formulas read this copy's names only.
    const planFormulas = [...rec.sheet("Plan")!.cells.values()].map((c) => String(c.formula ?? "")).filter((f) => f.startsWith("="));
    expect(planFormulas.some((f) => /\bGoalMonth_2\b/.test(f))).toBe(true);
    expect(planFormulas.filter((f) => /\bGoalMonth\b(?!_)/.test(f))).toEqual([]);
    expect(rec.sheet("Income Goal")!.cells.get("A1")).toEqual(before);
  });

  test("wherever the second batch stops, no sheet or name of the plan is left behind", async () => {
    const n = await (async () => {
      const rec = createRecorder(existing());
      await insertPlan(whole(), rec.excel);
      return rec.calls.filter((c) => c.batch === 2).length;
    })();
    const entries = whole();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: n - 1 }), async (k) => {
        const rec = createRecorder({ ...existing(), failAtSync: 2, failAfterOps: k });
        const before = snapshot(rec);
        await expect(insertPlan(entries, rec.excel)).rejects.toThrow(/Inserting the whole plan failed/);
        expect(snapshot(rec)).toBe(before);
      }),
      { numRuns: 15 }
    );
  });

  test("a protected workbook: the protection message, one read-only sync, nothing changed", async () => {
    const rec = createRecorder({ ...existing(), protectedWorkbook: true });
    const before = snapshot(rec);
    await expect(insertPlan(whole(), rec.excel)).rejects.toThrow(PROTECTED_MESSAGE);
    expect(snapshot(rec)).toBe(before);
    expect(rec.syncs).toBe(1);
  });

  test("sheets of one plan that claim the same name are refused before Excel is touched", async () => {
    const rec = createRecorder();
    const twice = [...whole(), whole()[1]];
    await expect(insertPlan(twice, rec.excel)).rejects.toThrow("The whole plan names GoalAmount twice");
    expect(rec.runs).toBe(0);
  });
});
