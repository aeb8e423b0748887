import { businessModel, businessModelPlan, DEFAULT_MODELS } from "../../src/templates/business-model";
import { bizDependents } from "../../src/workbook/memory";
import { validateInputs } from "../../src/templates/inputs";
import { onSheet, readColumn, readName } from "./engine";

// Figures the written sheet computes (LibreOffice recalculating it, ./engine.ts), against hand arithmetic.
describe("Business Model: the sheet's own figures", () => {
  const defaults = onSheet(businessModel);
  const interest = onSheet(businessModel, { WeightStrengths: 1, WeightInterest: 5, WeightStartupCost: 1, WeightTimeToIncome: 1 });
  const cost = onSheet(businessModel, { WeightStrengths: 0, WeightInterest: 0, WeightStartupCost: 1, WeightTimeToIncome: 0 });
  const tie = onSheet({
    ...businessModel,
    build: (v) =>
      businessModelPlan(
        v,
        DEFAULT_MODELS.map((m) => ({ ...m, scores: [3, 3, 3, 3] as [number, number, number, number] }))
      ),
  });
  const market = onSheet(businessModel, { MarketWho: "  Parents of toddlers who work from home ", MarketPays: "$50 to $100 a month" });

  test("default weights 3, 3, 2, 2 pick service delivery", () => {
    const s = defaults;
    // Weighted averages (score x weight summed / 10): affiliate (9+9+10+4) = 3.2, service (12+9+8+10) = 3.9,
    // lead generation 2.4, training (12+12+8+6) = 3.8, information (9+12+8+4) = 3.3.
    const scores = readColumn(s, "ModelScores", "Weighted score") as number[];
    [3.2, 3.9, 2.4, 3.8, 3.3].forEach((v, i) => expect(scores[i]).toBeCloseTo(v, 12));
    expect(readName(s, "CoreModel")).toBe("Service delivery");
    expect(readName(s, "CoreModelScore")).toBeCloseTo(3.9, 12);
    expect(bizDependents(s.memory).size).toBe(0);
  });

  test("when interest counts most (1, 5, 1, 1), training and teaching wins", () => {
    const s = interest;
    // training (4 + 20 + 4 + 3) / 8 = 3.875 beats service (4 + 15 + 4 + 5) / 8 = 3.5 and information 3.625.
    expect(readName(s, "CoreModel")).toBe("Training and teaching");
    expect(readName(s, "CoreModelScore")).toBeCloseTo(3.875, 12);
  });

  test("only start-up cost counts: affiliate marketing, the cheapest start", () => {
    const s = cost; // affiliate scores 5 on start-up cost
    expect(readName(s, "CoreModel")).toBe("Affiliate marketing");
    expect(readName(s, "CoreModelScore")).toBe(5);
  });

  test("a tie goes to the model listed first, as INDEX/MATCH on MAX picks it", () => {
    const s = tie;
    expect(readName(s, "CoreModel")).toBe("Affiliate marketing");
  });

  test("the CoreModel formula is INDEX/MATCH on the highest weighted score", () => {
    const s = defaults.memory;
    expect(s.cells.get(s.names.get("CoreModel") as string)?.formula).toBe(
      "INDEX(ModelScores[Model],MATCH(MAX(ModelScores[Weighted score]),ModelScores[Weighted score],0))"
    );
  });

  test("the target-market profile lands in its named cells, and the 90-day plan has a Done list", () => {
    const s = market;
    expect(readName(s, "MarketWho")).toBe("Parents of toddlers who work from home");
    expect(readName(s, "MarketPays")).toBe("$50 to $100 a month");
    expect(readName(s, "MarketProblem")).toBe(null); // left blank for the user
    expect(readColumn(s, "NinetyDayPlan", "Days")).toEqual(["Days 1-30", "Days 31-60", "Days 61-90"]);
    const t = s.memory.tables.get("NINETYDAYPLAN")!;
    expect(s.memory.plan.validations).toContainEqual({ ref: `D${t.top + 1}:D${t.bottom}`, list: ["Yes", "No"] });
  });

  test("weights that are all 0 are refused next to the first weight, and nothing else", () => {
    const { errors } = validateInputs(businessModel, { WeightStrengths: 0, WeightInterest: "0", WeightStartupCost: 0, WeightTimeToIncome: 0 });
    expect(errors).toEqual({ WeightStrengths: "At least one weight must be above 0, or no model can be scored." });
  });
});
