import { FunctionInfo, searchFunctions } from "../../src/taskpane/function-list";

const f = (name: string, description: string): FunctionInfo => ({ name, description, parameters: [], spills: false });
const ALL = [
  f("GOAL", "Converts an income goal from one period to another through its yearly figure."),
  f("TEAMNEEDED", "Whole team members whose monthly volume pays an income goal plus your monthly cost at a payout rate."),
  f("FUNNEL", "How many people each stage of a funnel needs to end with a number of sales."),
];
const names = (q: string) => searchFunctions(ALL, q).map((x) => x.name);

describe("the Functions tab's search over names and descriptions", () => {
  test.each([
    ["", ["GOAL", "TEAMNEEDED", "FUNNEL"]],
    ["   ", ["GOAL", "TEAMNEEDED", "FUNNEL"]],
    ["goal", ["GOAL", "TEAMNEEDED"]], // GOAL by name, TEAMNEEDED by "an income goal" in its description
    ["TEAM", ["TEAMNEEDED"]],
    ["payout rate", ["TEAMNEEDED"]], // every word, in any order
    ["rate payout", ["TEAMNEEDED"]],
    ["stage", ["FUNNEL"]],
    ["=BIZ.FUNNEL(", ["FUNNEL"]], // a formula's beginning pasted in
    ["biz.goal", ["GOAL", "TEAMNEEDED"]],
    ["zebra", []],
  ])("%p finds %j", (q, expected) => {
    expect(names(q)).toEqual(expected);
  });
});
