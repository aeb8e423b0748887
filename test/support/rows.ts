import { DomainError } from "../../src/core/errors";

/** Rows equal to the expected ones, each figure to 9 decimals (members are expectations, not whole). */
export function expectRows(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => {
    expect(row.length).toBe(expected[i].length);
    row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 9));
  });
}

/** How a core call fails: "range" (#NUM!), "kind" (#VALUE!), "uncaught" for anything else, or undefined when it does not. */
export const kindOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? e.kind : "uncaught";
  }
  return undefined;
};
