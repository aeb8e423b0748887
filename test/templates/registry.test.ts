import { TEMPLATES, findTemplate } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { contains } from "../../src/core/domains";
import { write } from "./helpers";

const sheets = TEMPLATES.map((t) => write(t));

describe("the six templates", () => {
  test("are listed in the issue's order", () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual(["income-goal", "sales-funnel", "downline-projection", "business-model", "work-vs-deals", "day-job-tracker"]);
  });

  test.each([
    ["income-goal", "income-goal"],
    ["Income Goal", "income-goal"],
    ["  SALES FUNNEL ", "sales-funnel"],
    ["Day-Job Tracker", "day-job-tracker"],
    ["DOWNLINE-PROJECTION", "downline-projection"],
  ])("findTemplate(%p) is %s", (key, id) => expect(findTemplate(key)?.id).toBe(id));

  test("findTemplate of an unknown name is undefined", () => {
    expect(findTemplate("budget")).toBeUndefined();
    expect(findTemplate("")).toBeUndefined();
  });

  test("each one is one worksheet with a title Excel accepts, even with a (2) after it", () => {
    for (const t of TEMPLATES) expect(t.title.length + " (2)".length).toBeLessThanOrEqual(31);
    expect(new Set(TEMPLATES.map((t) => t.title.toLowerCase())).size).toBe(TEMPLATES.length);
  });

  test("names are unique across all six, so `bizplan new all` can hold them in one workbook", () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    sheets.forEach((s) => {
      for (const name of [...s.names.keys(), ...[...s.tables.values()].map((t) => t.name)]) {
        const key = name.toUpperCase(); // names and table names share Excel's one namespace, in any case
        if (seen.has(key)) clashes.push(`${name} in ${s.title} and ${seen.get(key)}`);
        seen.set(key, s.title);
      }
    });
    expect(clashes).toEqual([]);
  });

  test("table names are unique across the templates", () => {
    const tables = sheets.flatMap((s) => s.plan.tables.map((t) => t.name.toUpperCase()));
    expect(new Set(tables).size).toBe(tables.length);
  });

  test("the issue's named outputs exist", () => {
    const names = new Set(sheets.flatMap((s) => [...s.names.keys()]));
    for (const n of [
      "GoalMonth",
      "GoalDay",
      "GoalWorkday",
      "MonthsToReplace",
      "FunnelTop",
      "ProjectedNet12",
      "BreakEvenMonth",
      "ShareWithProfit",
      "CoreModel",
      "DealShare",
      "MonthsAtTarget",
      "Ready",
    ])
      expect(names).toContain(n);
  });

  test.each(TEMPLATES.map((t) => [t.id, t] as const))("%s: every input has a label, help and a valid default; outputs are named formulas", (_id, t) => {
    for (const f of t.inputs) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(f.help?.length ?? 0).toBeGreaterThan(0);
      if (f.kind === "number") {
        if (!f.domain) throw new Error(`${t.id}: the number input ${f.name} has no domain`);
        expect(contains(f.domain, f.default as number)).toBe(true);
      }
      if (f.kind === "choice") expect(f.choices).toContain(f.default);
    }
    expect(validateInputs(t, {}).errors).toEqual({});
    expect(t.outputs.length).toBeGreaterThan(0);
  });

  test("inputs are styled as inputs, money as currency, rates as percentages", () => {
    for (const t of TEMPLATES) {
      const s = sheets[TEMPLATES.indexOf(t)];
      for (const f of t.inputs) {
        const c = s.cells.get(s.names.get(f.name)!)!;
        expect(c.role).toBe("input");
        expect(c.format).toBe(f.format);
      }
      for (const name of t.outputs) expect(s.cells.get(s.names.get(name)!)!.role).toBe("output");
    }
  });
});
