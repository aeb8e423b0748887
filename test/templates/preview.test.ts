import { findTemplate, TEMPLATES } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { PREVIEW_FIGURES, previewFigures } from "../../src/templates/preview";
import { Template } from "../../src/templates/model";
import { fixtureTemplate } from "../workbook/fixture-template";

/** The preview of a template for text typed into its form (validated as the form validates it). */
function preview(id: string, typed: Record<string, string>) {
  const t = findTemplate(id) as Template;
  const { values, errors } = validateInputs(t, typed);
  expect(errors).toEqual({});
  return Object.fromEntries(previewFigures(t, values).map((f) => [f.name, f]));
}

describe("the live preview: a template's key figures for the values typed so far", () => {
  test("Income Goal: 60000 a year is 5000 a month, and the rest of the breakdown by hand", () => {
    const p = preview("income-goal", { GoalAmount: "60000", GoalPeriod: "year" });
    expect(p.GoalYear.value).toBe(60000);
    expect(p.GoalMonth.value).toBe(5000); // 60000 / 12
    expect(p.GoalWeek.value).toBeCloseTo(60000 / 52, 9); // 1153.85
    expect(p.GoalDay.value).toBeCloseTo(60000 / 360, 9); // 166.67: 360-day year by default
    expect(p.GoalWorkday.value).toBeCloseTo(60000 / 260, 9); // 5 days x 52 weeks = 260 workdays: 230.77
    expect(p.GoalMonth.label).toBe("Goal a month");
    expect(p.GoalMonth.format).toBe("currency");
  });

  test("Income Goal: the day count chosen in words moves the day figure: 60000 / 365 = 164.38", () => {
    const p = preview("income-goal", { GoalAmount: "$60,000", GoalPeriod: "year", Basis: "365-day year" });
    expect(p.GoalDay.value).toBeCloseTo(60000 / 365, 9);
    expect(p.GoalMonth.value).toBe(5000);
  });

  test("Income Goal: months to replace the job with growth typed as 10% and as 0.1 alike", () => {
    // Business income 600 + 400 = 1000, job 3000: 1000 x 1.1^n >= 3000 -> n = ln 3 / ln 1.1 = 11.53 -> 12 months.
    for (const growth of ["10%", "0.1", "10 %"]) expect(preview("income-goal", { MonthlyGrowth: growth }).MonthsToReplace.value).toBe(12);
    // 20%: ln 3 / ln 1.2 = 6.03 -> 7 months.
    expect(preview("income-goal", { MonthlyGrowth: "20%" }).MonthsToReplace.value).toBe(7);
  });

  test("Sales Funnel: 14 sales through 10%, 35%, 50%, 40% need 2000 visitors (issue 2's FUNNEL)", () => {
    // 14 / 0.4 = 35 presentations, / 0.5 = 70 conversations, / 0.35 = 200 leads, / 0.1 = 2000 visitors.
    const p = preview("sales-funnel", {});
    expect(p.SalesGoal.value).toBe(14);
    expect(p.FunnelTop.value).toBe(2000);
    // An income goal of 3000 at $100 keeping 30%: 3000 / 30 = 100 sales; 100 / 0.4 = 250, / 0.5 = 500, / 0.35 = 1428.6 -> 1429, / 0.1 = 14290.
    const q = preview("sales-funnel", { FunnelGoalFrom: "income", FunnelIncome: "3000", FunnelPrice: "100", FunnelCommission: "30%" });
    expect(q.SalesGoal.value).toBe(100);
    expect(q.FunnelTop.value).toBe(14290);
  });

  test("every template previews its listed figures, each a named output of the sheet with a value", () => {
    for (const t of TEMPLATES) {
      const figures = previewFigures(t, validateInputs(t, {}).values);
      const listed = PREVIEW_FIGURES[t.id];
      expect(listed).toBeTruthy();
      expect(figures.map((f) => f.name)).toEqual(listed.map(([name]) => name));
      for (const f of figures) {
        expect(t.outputs).toContain(f.name);
        expect(f.label.length).toBeGreaterThan(3);
      }
    }
  });

  test("a template without a listed preview shows its named outputs, labelled as the sheet labels them", () => {
    const t = fixtureTemplate();
    const figures = previewFigures(t, validateInputs(t, {}).values);
    expect(figures.map((f) => f.name)).toEqual(t.outputs.filter((name) => figures.some((f) => f.name === name)));
    expect(figures.length).toBeGreaterThan(0);
    const plan = t.build(validateInputs(t, {}).values);
    for (const f of figures) expect(f.value).toBe(plan.cells.find((c) => c.name === f.name)?.value);
  });
});
