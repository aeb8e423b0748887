// The error class core throws (src/core/errors.ts): what the runner and the task pane read from it.
// The errors are made inside each test, so that mutation testing counts the test as covering them.
import { DomainError, outOfRange, wrongKind } from "../../src/core/errors";

test.each([
  [() => outOfRange("too big"), "range", "too big"],
  [() => wrongKind("not a period"), "kind", "not a period"],
])("%#", (make, kind, message) => {
  const e = make();
  expect(e).toBeInstanceOf(DomainError);
  expect(e).toBeInstanceOf(Error);
  expect([e.kind, e.message, e.name]).toEqual([kind, message, "DomainError"]);
  expect(String(e)).toBe(`DomainError: ${message}`);
});
