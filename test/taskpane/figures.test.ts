import { formatFigure } from "../../src/taskpane/figures";

// The writers' number formats (src/workbook/styles.ts) as Excel renders them, by hand.
describe("a preview figure reads like its cell", () => {
  test.each([
    [5000, "currency", "$5,000.00"],
    [60000 / 52, "currency", "$1,153.85"], // 1153.846...
    [-1094.268762, "currency", "-$1,094.27"],
    [-0.004, "currency", "$0.00"],
    [0.0371563981, "percent", "3.7%"], // 0.0% format
    [1, "percent", "100.0%"],
    [2000, "integer", "2,000"],
    [12, "integer", "12"],
    [3.9, "number", "3.90"],
    ["Never", "integer", "Never"],
    ["Service delivery", "text", "Service delivery"],
    [true, undefined, "TRUE"],
  ] as const)("%p as %p is %p", (value, format, shown) => {
    expect(formatFigure(value, format)).toBe(shown);
  });
});
