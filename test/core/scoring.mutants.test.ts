// Messages that mutation testing (npm run mutate, README "Mutation testing") showed were unchecked:
// the task pane shows them beside the field, so they must say what is wrong.
import { bestIndex, weightedScore } from "../../src/core/scoring";

test("lists of two lengths name both lengths", () => {
  expect(() => weightedScore([1, 2, 3], [1])).toThrow("scores and weights must have the same length; scores has 3, weights has 1");
});
test("weights adding up to 0 say so", () => expect(() => weightedScore([1], [0])).toThrow(/^the weights add up to 0/));
test("nothing to choose from says so", () => expect(() => bestIndex([])).toThrow("there is nothing to choose from"));
