import fs from "fs";
import path from "path";
import { inCi, required } from "../support/required";

/**
 * CI fails on a skipped test (issue 8): a suite whose tool is missing throws under CI=true instead
 * of skipping, and .ci/run fails when jest reports any skipped test.
 */

describe("required(): skip on a developer's machine, fail in CI", () => {
  const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
  afterAll(() => warn.mockRestore());

  test("a tool that is there: true, in CI or not", () => {
    expect(required(true, "x", {})).toBe(true);
    expect(required(true, "x", { CI: "true" })).toBe(true);
  });

  test("a missing tool outside CI: false (the suite skips), with a warning naming it", () => {
    expect(required(false, "soffice is missing", {})).toBe(false);
    expect(required(false, "soffice is missing", { CI: "false" })).toBe(false);
    expect(required(false, "soffice is missing", { CI: "0" })).toBe(false);
    expect(warn).toHaveBeenCalledWith("SKIPPED: soffice is missing");
  });

  test("a missing tool in CI: the suite fails, naming the tool", () => {
    expect(() => required(false, "soffice is missing", { CI: "true" })).toThrow(/CI=true: soffice is missing/);
    expect(() => required(false, "chromium is missing", { CI: "1" })).toThrow(/chromium is missing/);
  });

  test("inCi reads CI as CI systems set it", () => {
    expect([undefined, "", "0", "false", "FALSE"].map((CI) => inCi({ CI }))).toEqual([false, false, false, false, false]);
    expect(["true", "1", "yes"].map((CI) => inCi({ CI }))).toEqual([true, true, true]);
  });
});

describe(".ci/run", () => {
  const run = fs.readFileSync(path.resolve(__dirname, "../../.ci/run"), "utf8");

  test("prints npm's version beside node's", () => {
    expect(run).toMatch(/node \$\(node --version\), npm \$\(npm --version\)/);
  });

  test("runs the tests with CI=true, so a suite missing its tool fails", () => {
    expect(run.indexOf("export CI=true")).toBeGreaterThan(-1);
    expect(run.indexOf("export CI=true")).toBeLessThan(run.indexOf("npm test"));
  });

  test("fails on any skipped test and prints the skipped count in its closing line", () => {
    expect(run).toContain("numPendingTests");
    expect(run).toMatch(/if \(skipped > 0 \|\| r\.numRuntimeErrorTestSuites > 0\) process\.exit\(1\)/);
    expect(run).toContain("jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped");
  });

  test("every skip guard of the suites that need a tool goes through required()", () => {
    const guarded = [
      "test/browser/taskpane.test.ts",
      "test/templates/libreoffice.test.ts",
      "test/roundtrip/libreoffice.test.ts",
      "test/manifest/manifest.test.ts",
      "test/taskpane/examples.test.ts",
      "test/manifest/deploy.test.ts",
    ];
    for (const f of guarded)
      expect({ f, guarded: /\brequired\(/.test(fs.readFileSync(path.resolve(__dirname, "../..", f), "utf8")) }).toEqual({ f, guarded: true });
  });
});
