import { AMOUNT, RATE } from "../../src/core/domains";
import { breakdown, convertGoal, parsePeriod } from "../../src/core/periods";
import { salesNeeded } from "../../src/core/sales";
import { CellSpec, InputValues, SheetPlan, TableCell, Template } from "../../src/templates/model";

/**
 * A small template that exercises every feature the .xlsx writer supports: named inputs, a native
 * formula output, a BIZ formula output and a native formula that depends on it, an Excel table
 * with a calculated column in the [@Column] form, a spilling BIZ function with a native formula over
 * its spill, a validation list and three charts. The sheet name
 * carries an apostrophe on purpose: every reference to it must be quoted as 'Owner''s Plan'!.
 *
 * `wrongCache` writes a deliberately wrong cached value into one native formula cell, so the
 * round-trip test can prove LibreOffice really recomputed it when recalculation is forced.
 */
export function fixtureTemplate(options: { wrongCache?: boolean } = {}): Template {
  return {
    id: "fixture",
    title: "Owner's Plan",
    summary: "A fixture for the writer tests.",
    inputs: [
      { name: "FxGoal", label: "Goal amount", kind: "number", domain: AMOUNT, format: "currency", default: 36000, help: "What you want to earn." },
      {
        name: "FxPeriod",
        label: "Goal period",
        kind: "choice",
        choices: ["year", "month"],
        format: "text",
        default: "year",
        help: "The period the goal is for.",
      },
      { name: "FxRate", label: "Commission", kind: "number", domain: RATE, format: "percent", default: 0.25 },
    ],
    outputs: ["FxMonth", "FxDay", "FxYearly", "FxTotalSales"],
    build(values: InputValues): SheetPlan {
      const goal = Number(values.FxGoal);
      const period = String(values.FxPeriod);
      const rate = Number(values.FxRate);
      const month = convertGoal(goal, parsePeriod(period), "month");
      const day = convertGoal(goal, parsePeriod(period), "day");
      const products: Array<[string, number]> = [
        ["Starter kit", 50],
        ["Monthly box", 120],
        ["Coaching", 400],
      ];
      const rows: TableCell[][] = products.map(([name, price]) => [
        name,
        { formula: "ROUNDUP(FxMonth*12/([@Price]*FxRate),0)", value: salesNeeded(month * 12, price, rate) },
        price,
      ]);
      const spill = breakdown(goal, parsePeriod(period)).map(([label, amount]) => [label, amount]);
      const total = rows.reduce((sum, row) => sum + (row[1] as { value: number }).value, 0);
      const cells: CellSpec[] = [
        { ref: "A1", value: "Owner's Plan", role: "title" },
        { ref: "A3", value: "Goal amount", role: "label" },
        { ref: "B3", value: goal, role: "input", format: "currency", name: "FxGoal" },
        { ref: "A4", value: "Goal period", role: "label" },
        { ref: "B4", value: period, role: "input", format: "text", name: "FxPeriod" },
        { ref: "A5", value: "Commission", role: "label" },
        { ref: "B5", value: rate, role: "input", format: "percent", name: "FxRate" },
        { ref: "A7", value: "Per month", role: "label" },
        { ref: "B7", formula: 'BIZ.GOAL(FxGoal,FxPeriod,"month")', value: month, role: "output", format: "currency", name: "FxMonth" },
        { ref: "A8", value: "Per day", role: "label" },
        { ref: "B8", formula: 'BIZ.GOAL(FxGoal,FxPeriod,"day")', value: day, role: "output", format: "currency", name: "FxDay" },
        { ref: "A9", value: "Per year (from the month)", role: "label" },
        { ref: "B9", formula: "FxMonth*12", value: month * 12, role: "output", format: "currency", name: "FxYearly" },
        { ref: "A10", value: "Goal doubled", role: "label" },
        { ref: "B10", formula: "FxGoal*2", value: options.wrongCache ? goal * 2 + 1 : goal * 2, role: "output", format: "currency" },
        { ref: "A11", value: "Reached?", role: "label" },
        { ref: "B11", formula: "FxGoal>=30000", value: goal >= 30000, role: "output" },
        { ref: "A12", value: "Verdict", role: "label" },
        { ref: "B12", formula: 'IF(FxGoal>=30000,"big","small")', value: goal >= 30000 ? "big" : "small", role: "output", format: "text" },
        { ref: "A20", value: "Total sales", role: "label" },
        { ref: "B20", formula: "SUM(FxProducts[Sales needed])", value: total, role: "output", format: "integer", name: "FxTotalSales" },
        { ref: "A21", value: "Figures are examples.", role: "note" },
        { ref: "A23", formula: "BIZ.BREAKDOWN(FxGoal,FxPeriod)", value: spill[0][0], spill, role: "output", format: "currency" },
        { ref: "A30", value: "Sum of the breakdown", role: "label" },
        { ref: "B30", formula: "SUM(B23:B28)", value: spill.reduce((sum, row) => sum + (row[1] as number), 0), role: "output", format: "currency" },
      ];
      return {
        cells,
        tables: [
          {
            name: "FxProducts",
            ref: "A14",
            columns: [
              { header: "Product", input: true },
              { header: "Sales needed", format: "integer" },
              { header: "Price", format: "currency", input: true },
            ],
            rows,
          },
        ],
        validations: [{ ref: "B4", list: ["year", "month"] }],
        charts: [
          { type: "column", title: "Sales needed by product", dataRef: "A14:B17", anchor: "E2", widthCells: 7, heightCells: 14 },
          { type: "line", title: "Sales and price", dataRef: "A14:C17", anchor: "M2" },
          { type: "pie", title: "Share of sales", dataRef: "A14:B17", anchor: "E18" },
        ],
        columnWidths: [26, 16, 12],
      };
    },
  };
}
