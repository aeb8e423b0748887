import { findTemplate } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { startingValues } from "../../src/taskpane/catalog";
import { Template } from "../../src/templates/model";

/**
 * What a user may type (the pane's form, the CLI's --set): rates as "10%" or 0.1 alike, and the day
 * count as words or as its number, all through the one shared validation (src/templates/inputs.ts).
 */
const incomeGoal = findTemplate("income-goal") as Template;
const downline = findTemplate("downline-projection") as Template;

describe("rates: 10% and 0.1 alike", () => {
  test.each([
    [incomeGoal, "MonthlyGrowth", "10%", 0.1],
    [incomeGoal, "MonthlyGrowth", "0.1", 0.1],
    [incomeGoal, "MonthlyGrowth", " 10 % ", 0.1],
    [incomeGoal, "MonthlyGrowth", 0.1, 0.1],
    [downline, "MonthlyAttrition", "7.5%", 0.075],
    [downline, "MonthlyAttrition", ".075", 0.075],
    [downline, "Retention", "100%", 1],
  ] as Array<[Template, string, unknown, number]>)("%#: %s %s typed as %p is %p", (t, name, typed, expected) => {
    const { values, errors } = validateInputs(t, { [name]: typed });
    expect(errors).toEqual({});
    expect(values[name]).toBeCloseTo(expected, 12);
  });

  test("a rate typed as 10 (meaning 10%) is refused with how to type it", () => {
    expect(validateInputs(downline, { Retention: "50" }).errors.Retention).toMatch(/For 50 percent, type 50% or 0.5/);
  });
});

describe("the day count is a choice in words", () => {
  test.each([
    ["360-day year (30-day months)", 0],
    ["365-day year", 1],
    ["365-DAY YEAR", 1],
    ["  365-day year ", 1],
    ["0", 0],
    ["1", 1],
    [1, 1],
  ] as Array<[unknown, number]>)("%p is basis %p", (typed, basis) => {
    const { values, errors } = validateInputs(incomeGoal, { Basis: typed });
    expect(errors).toEqual({});
    expect(values.Basis).toBe(basis);
  });

  test.each(["2", "0.5", "365 days", "actual"])("%p is refused, naming both choices", (typed) => {
    expect(validateInputs(incomeGoal, { Basis: typed }).errors.Basis).toBe(
      `Day count must be one of "360-day year (30-day months)" (0), "365-day year" (1); you entered "${typed}".`
    );
  });

  test("the form starts with the words, and rates as percentages", () => {
    const start = startingValues(incomeGoal);
    expect(start.Basis).toBe("360-day year (30-day months)");
    expect(start.MonthlyGrowth).toBe("10%");
    expect(validateInputs(incomeGoal, start).errors).toEqual({});
  });

  test("the sheet keeps the number its formulas use (IF(Basis=1,365,360))", () => {
    const plan = incomeGoal.build(validateInputs(incomeGoal, { Basis: "365-day year" }).values);
    expect(plan.cells.find((c) => c.name === "Basis")?.value).toBe(1);
  });
});
