import fs from "fs";
import path from "path";
import { distDir } from "../support/excel-runtime";

/**
 * No BIZ function may share an id or a name with an Excel built-in (issue 9: GROWTH was one).
 * Microsoft's naming guidance for custom functions says to avoid names of built-in functions, and
 * ids are stored in users' files (`_xldudf_BIZ_ID`) forever, so a clash cannot be fixed after a
 * release. The list of built-ins is test/contract/excel-builtin-functions.txt, with its source.
 * Checked three ways: the ids written in the JSDoc, the built functions.json and the golden copy.
 */

const root = path.resolve(__dirname, "../..");

function builtins(): Set<string> {
  const text = fs.readFileSync(path.join(__dirname, "excel-builtin-functions.txt"), "utf8");
  return new Set(
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "" && !l.startsWith("#"))
      .map((l) => l.toUpperCase())
  );
}

/** The ids and names that equal a built-in (compared as Excel compares names: ignoring case). */
function clashes(names: readonly string[], known: ReadonlySet<string>): string[] {
  return names.filter((n) => known.has(n.toUpperCase()));
}

/** Every `@customfunction ID` in src/functions. */
function jsdocIds(): string[] {
  const dir = path.join(root, "src/functions");
  const ids: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of fs.readFileSync(path.join(dir, f), "utf8").matchAll(/@customfunction\s+([A-Za-z0-9_.]+)/g)) ids.push(m[1]);
  }
  return ids;
}

const metaNames = (file: string): string[] => {
  const meta = JSON.parse(fs.readFileSync(file, "utf8")) as { functions: Array<{ id: string; name: string }> };
  return meta.functions.flatMap((f) => [f.id, f.name]);
};

const known = builtins();

describe("no BIZ function is named like an Excel built-in", () => {
  test("the list holds Excel's functions, old and new (a sample that must be there)", () => {
    expect(known.size).toBeGreaterThan(500);
    for (const n of [
      "SUM",
      "VLOOKUP",
      "GROWTH",
      "TREND",
      "LET",
      "LAMBDA",
      "MAP",
      "GROUPBY",
      "PIVOTBY",
      "PERCENTOF",
      "TRIMRANGE",
      "XLOOKUP",
      "REGEXTEST",
      "BETA.DIST",
      "NETWORKDAYS.INTL",
    ])
      expect(known.has(n)).toBe(true);
  });

  test("the ids in the JSDoc (@customfunction ID)", () => {
    const ids = jsdocIds();
    expect(ids.length).toBeGreaterThanOrEqual(18);
    expect(clashes(ids, known)).toEqual([]);
  });

  test("the ids and names in the built functions.json", () => {
    expect(clashes(metaNames(path.join(distDir(), "functions.json")), known)).toEqual([]);
  });

  test("the ids and names in the golden functions.json", () => {
    expect(clashes(metaNames(path.join(__dirname, "golden/functions.json")), known)).toEqual([]);
  });

  test("a negative case: the old GROWTH id, in any case, is caught", () => {
    expect(clashes(["DOWNLINE", "GROWTH", "growth", "DOWNLINEGROWTH"], known)).toEqual(["GROWTH", "growth"]);
  });
});
