import { validateInputs, parseNumberText, errorSummary } from "../../src/templates/inputs";
import { incomeGoal } from "../../src/templates/income-goal";
import { salesFunnel } from "../../src/templates/sales-funnel";
import { businessModel } from "../../src/templates/business-model";
import { downlineProjection } from "../../src/templates/downline-projection";
import { Template } from "../../src/templates/model";

describe("validateInputs: what users type becomes values, or a sentence next to the field", () => {
  test("missing and blank inputs take their defaults", () => {
    const { values, errors } = validateInputs(incomeGoal, { GoalAmount: "", Basis: null });
    expect(errors).toEqual({});
    expect(values).toMatchObject({ GoalAmount: 36000, GoalPeriod: "year", Basis: 0, WorkdaysPerWeek: 5, WeeksOff: 0 });
  });

  test.each([
    [incomeGoal, "GoalAmount", "36000", 36000],
    [incomeGoal, "GoalAmount", "36,000", 36000],
    [incomeGoal, "GoalAmount", "$1,200.50", 1200.5],
    // Any currency sign in front, as the plan may be in any currency.
    [incomeGoal, "GoalAmount", "€1,200.50", 1200.5],
    [incomeGoal, "GoalAmount", "¥150,000", 150000],
    [incomeGoal, "GoalAmount", "₹ 2,500", 2500],
    [incomeGoal, "GoalAmount", " 1.5e3 ", 1500],
    [incomeGoal, "GoalAmount", 42, 42],
    [incomeGoal, "MonthlyGrowth", "30%", 0.3],
    [incomeGoal, "MonthlyGrowth", "0.3", 0.3],
    [incomeGoal, "MonthlyGrowth", "12.5 %", 0.125],
    [incomeGoal, "GoalPeriod", "Month", "month"],
    [incomeGoal, "GoalPeriod", "  WORKDAY ", "workday"],
    [salesFunnel, "FunnelCommission", "100%", 1],
    [downlineProjection, "PlanType", "Stair-Step", "stair-step"],
    [businessModel, "MarketWho", "  Busy parents  ", "Busy parents"],
  ] as Array<[Template, string, unknown, number | string]>)("%#: %s %s %p becomes %p", (template, name, raw, expected) => {
    const { values, errors } = validateInputs(template, { [name]: raw });
    expect(errors).toEqual({});
    expect(values[name]).toBe(expected);
  });

  test("input names match in any letter case", () => {
    const { values, errors } = validateInputs(incomeGoal, { goalamount: "50000", GOALPERIOD: "month" });
    expect(errors).toEqual({});
    expect(values).toMatchObject({ GoalAmount: 50000, GoalPeriod: "month" });
  });

  test.each([
    [incomeGoal, "GoalAmount", "-5", 'Income goal must be a number of 0 or more; you entered "-5".'],
    [incomeGoal, "GoalAmount", "abc", 'Income goal must be a number, such as 36000 or 1,200; you entered "abc".'],
    [incomeGoal, "GoalAmount", "30%", 'Income goal is an amount of money, not a percentage; you entered "30%".'],
    [incomeGoal, "GoalAmount", "1,2", 'Income goal must be a number, such as 36000 or 1,200; you entered "1,2".'],
    [incomeGoal, "GoalAmount", true, "Income goal must be a number, such as 36000 or 1,200; you entered true."],
    [incomeGoal, "GoalPeriod", "fortnight", 'Goal period must be one of year, quarter, month, week, day, workday; you entered "fortnight".'],
    [incomeGoal, "Basis", 2, 'Day count must be one of "360-day year (30-day months)" (0), "365-day year" (1); you entered 2.'],
    [incomeGoal, "Basis", "0.5", 'Day count must be one of "360-day year (30-day months)" (0), "365-day year" (1); you entered "0.5".'],
    [incomeGoal, "WorkdaysPerWeek", 0, "Workdays a week must be a number in (0, 7]; you entered 0."],
    [incomeGoal, "WeeksOff", "52", 'Weeks off a year must be a number in [0, 52); you entered "52".'],
    [incomeGoal, "MonthlyGrowth", "$5", 'Monthly growth of business income is a percentage, not an amount of money; you entered "$5".'],
    [salesFunnel, "FunnelCommission", 30, "Share of the price you keep must be a number in (0, 1]; you entered 30. For 30 percent, type 30% or 0.3."],
    [salesFunnel, "FunnelCommission", "0%", 'Share of the price you keep must be a number in (0, 1]; you entered "0%".'],
    [salesFunnel, "FunnelSales", "2.5", 'Sales wanted must be a whole number of 0 or more; you entered "2.5".'],
    [salesFunnel, "FunnelPrice", 0, "Price of a sale must be a number above 0; you entered 0."],
    [downlineProjection, "MarketSize", 200000, "People who could ever join must be a whole number in [1, 100000]; you entered 200000."],
    [businessModel, "MarketWho", "x".repeat(300), "Who they are is too long: at most 255 characters; you entered 300."],
  ] as Array<[Template, string, unknown, string]>)("%#: %s %s = %p is refused: %s", (template, name, raw, message) => {
    const { values, errors } = validateInputs(template, { [name]: raw });
    expect(errors).toEqual({ [name]: message }); // the right message, and nothing else
    expect(values[name]).toBe(template.inputs.find((f) => f.name === name)!.default);
  });

  test("a name the template does not have is an error under that name, listing the ones it has", () => {
    const { errors } = validateInputs(incomeGoal, { GoalAmont: 5 });
    expect(errors).toEqual({
      GoalAmont:
        'There is no input named "GoalAmont" in Income Goal; its inputs are GoalAmount, GoalPeriod, Basis, WorkdaysPerWeek, WeeksOff, ActiveIncome, PassiveIncome, JobIncome, MonthlyGrowth.',
    });
  });

  test("every error is reported at once, and the cross-input check waits until each input is fine", () => {
    const { errors } = validateInputs(businessModel, { WeightStrengths: -1, WeightInterest: 0, WeightStartupCost: 0, WeightTimeToIncome: 0, Colour: "red" });
    expect(Object.keys(errors).sort()).toEqual(["Colour", "WeightStrengths"]);
    expect(errors.WeightStrengths).toBe("Weight of your strengths must be a number in [0, 100]; you entered -1.");
  });

  test("a matrix too large to count exactly is refused next to its width", () => {
    const { errors } = validateInputs(downlineProjection, { PlanType: "matrix", MatrixWidth: 2000000 });
    expect(Object.keys(errors)).toEqual(["MatrixWidth"]);
    expect(errors.MatrixWidth).toMatch(/^A matrix 2000000 wide and 5 deep has more than 9007199254740991 positions/);
    // The same width is harmless for a unilevel plan, which ignores it.
    expect(validateInputs(downlineProjection, { MatrixWidth: 2000000 }).errors).toEqual({});
  });

  test("the same input given twice is an error", () => {
    expect(validateInputs(incomeGoal, { GoalAmount: 1, goalAmount: 2 }).errors).toEqual({ GoalAmount: "GoalAmount is given twice; give it once." });
  });

  test("errorSummary puts one error a line, name first", () => {
    expect(errorSummary({ A: "a is bad.", B: "b is bad." })).toBe("A: a is bad.\nB: b is bad.");
  });

  test.each([
    ["-$5", -5, false, true],
    ["$-5", -5, false, true],
    ["+7", 7, false, false],
    ["1,234,567.5", 1234567.5, false, false],
    ["50%", 0.5, true, false],
    [".5", 0.5, false, false],
    ["€20", 20, false, true],
    ["12abc", undefined, false, false],
    ["Infinity", undefined, false, false],
    ["0x10", undefined, false, false],
    ["", undefined, false, false],
  ])("parseNumberText(%p) = %p", (text, value, percent, currency) => {
    expect(parseNumberText(text)).toEqual({ ...(value === undefined ? {} : { value }), percent, currency });
  });
});
