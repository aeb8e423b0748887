import { AMOUNT, COUNT, RATE } from "../../src/core/domains";
import { breakdown, convertGoal, parsePeriod } from "../../src/core/periods";
import { salesNeeded } from "../../src/core/sales";
import { CellSpec, CellValue, InputValues, SheetPlan, TableCell, Template } from "../../src/templates/model";

/**
 * A template for the Office.js writer tests, with every feature the writer handles: named inputs
 * and outputs, BIZ and native formulas, a formula that names the template's own sheet, a spilling
 * BIZ.BREAKDOWN (formula in the top-left cell only), an Excel table whose size is an input (to
 * show the number of syncs does not depend on it), a structured reference to it, a validation list
 * and a chart.
 */
export function officeFixture(options: { rows?: number } = {}): Template {
  const defaultRows = options.rows ?? 3;
  return {
    id: "office-fixture",
    title: "Income Goal",
    summary: "A fixture for the Office.js writer tests.",
    inputs: [
      { name: "GoalAmount", label: "Goal amount", kind: "number", domain: AMOUNT, format: "currency", default: 36000, help: "What you want to earn." },
      { name: "GoalPeriod", label: "Goal period", kind: "choice", choices: ["year", "month"], format: "text", default: "year" },
      { name: "Commission", label: "Commission rate", kind: "number", domain: RATE, format: "percent", default: 0.25 },
      { name: "Products", label: "Price points", kind: "number", domain: COUNT, format: "integer", default: defaultRows },
    ],
    outputs: ["GoalMonth", "GoalDay", "TotalSales"],
    build(values: InputValues): SheetPlan {
      const goal = Number(values.GoalAmount);
      const period = parsePeriod(String(values.GoalPeriod));
      const rate = Number(values.Commission);
      const count = Number(values.Products ?? defaultRows);
      const month = convertGoal(goal, period, "month");
      const day = convertGoal(goal, period, "day");
      const rows: TableCell[][] = Array.from({ length: count }, (_, i) => {
        const price = 50 + 10 * i;
        return [`Product ${i + 1}`, price, { formula: "ROUNDUP(GoalMonth/([@Price]*Commission),0)", value: salesNeeded(month, price, rate) }];
      });
      const total = rows.reduce((s, r) => s + Number((r[2] as { value: CellValue }).value), 0);
      const spill = breakdown(goal, period).map((r) => r as CellValue[]);
      const cells: (CellSpec & { spill?: CellValue[][] })[] = [
        { ref: "A1", value: "Income Goal", role: "title" },
        { ref: "A3", value: "Goal amount", role: "label" },
        { ref: "B3", value: goal, role: "input", format: "currency", name: "GoalAmount" },
        { ref: "A4", value: "Goal period", role: "label" },
        { ref: "B4", value: String(values.GoalPeriod), role: "input", format: "text", name: "GoalPeriod" },
        { ref: "A5", value: "Commission rate", role: "label" },
        { ref: "B5", value: rate, role: "input", format: "percent", name: "Commission" },
        { ref: "A7", value: "Per month", role: "label" },
        { ref: "B7", formula: 'BIZ.GOAL(GoalAmount,GoalPeriod,"month")', value: month, role: "output", format: "currency", name: "GoalMonth" },
        { ref: "A8", value: "Per day", role: "label" },
        { ref: "B8", formula: 'BIZ.GOAL(GoalAmount,GoalPeriod,"day")', value: day, role: "output", format: "currency", name: "GoalDay" },
        { ref: "A9", value: "Per year", role: "label" },
        { ref: "B9", formula: "'Income Goal'!B7*12", value: month * 12, role: "output", format: "currency" },
        { ref: "A10", value: "Total sales", role: "label" },
        { ref: "B10", formula: "SUM(PricePoints[Sales needed])", value: total, role: "output", format: "integer", name: "TotalSales" },
        { ref: "A11", value: "-1 means no goal", role: "note" },
        { ref: "D3", value: "Breakdown", role: "heading" },
        { ref: "D4", formula: "BIZ.BREAKDOWN(GoalAmount,GoalPeriod)", value: spill[0][0], spill, role: "output", format: "currency" },
      ];
      return {
        cells,
        tables: [
          {
            name: "PricePoints",
            ref: "A13",
            columns: [
              { header: "Product", input: true },
              { header: "Price", format: "currency", input: true },
              { header: "Sales needed", format: "integer" },
            ],
            rows,
          },
        ],
        validations: [{ ref: "B4", list: ["year", "month"] }],
        charts: [{ type: "column", title: "Sales needed", dataRef: `A13:A${13 + Math.max(count, 1)}`, anchor: "G3", widthCells: 6, heightCells: 12 }],
        columnWidths: [24, 14, 4, 12, 14],
      };
    },
  };
}

export const fixtureValues = (over: Record<string, number | string> = {}): InputValues => ({
  GoalAmount: 36000,
  GoalPeriod: "year",
  Commission: 0.25,
  Products: 3,
  ...over,
});
