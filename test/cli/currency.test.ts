import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_OK, EXIT_USAGE, main } from "../../src/cli/bizplan";
import { readXlsx } from "../workbook/read-xlsx";

/**
 * `bizplan new --currency CODE`, and the default currency from the machine's locale. The expected
 * format codes are the ones Excel writes when the currency is picked in Format Cells > Currency >
 * Symbol: "€ Euro (€ 123)" is `[$€-x-euro2] #,##0.00`, "£ English (United Kingdom)" (LCID 0x809)
 * `[$£-809]#,##0.00`, "¥ Japanese" (0x411) `[$¥-411]#,##0` (the yen has no minor unit: ISO 4217
 * gives it 0 decimals), "$ English (United States)" (0x409) `[$$-409]#,##0.00`.
 */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizplan-currency-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(locale: string | undefined, ...argv: string[]) {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, undefined, locale);
  return { code, out, err };
}

/** The number format of the Income Goal's GoalAmount input (B-column money input) in a written file. */
async function goalAmountFormat(file: string): Promise<string> {
  const wb = await readXlsx(file);
  const name = wb.definedNames.getRanges("GoalAmount").ranges[0]; // 'Income Goal'!$B$3
  const ref = name.slice(name.lastIndexOf("!") + 1).replace(/\$/g, "");
  return wb.getWorksheet("Income Goal")!.getCell(ref).numFmt;
}

test.each([
  ["EUR", "[$€-x-euro2] #,##0.00"],
  ["GBP", "[$£-809]#,##0.00"],
  ["JPY", "[$¥-411]#,##0"],
  ["INR", "[$₹-4009] #,##0.00"],
  ["usd", "[$$-409]#,##0.00"],
])("--currency %s writes money as %s", async (code, expected) => {
  const file = path.join(dir, "goal.xlsx");
  const r = await run("en-US", "new", "income-goal", "--currency", code, "--out", file);
  expect(r.err).toBe("");
  expect(r.code).toBe(EXIT_OK);
  expect(r.out).toContain(`money in ${code.toUpperCase()}`);
  expect(await goalAmountFormat(file)).toBe(expected);
});

test("--currency=CODE and -c CODE are the same option", async () => {
  const a = path.join(dir, "a.xlsx");
  const b = path.join(dir, "b.xlsx");
  expect((await run(undefined, "new", "income-goal", "--currency=GBP", "--out", a)).code).toBe(EXIT_OK);
  expect((await run(undefined, "new", "income-goal", "-c", "GBP", "--out", b)).code).toBe(EXIT_OK);
  expect(await goalAmountFormat(a)).toBe("[$£-809]#,##0.00");
  expect(await goalAmountFormat(b)).toBe("[$£-809]#,##0.00");
});

test.each([
  ["de-DE", "EUR"], // Germany uses the euro
  ["en-GB", "GBP"],
  ["ja-JP", "JPY"],
  ["en-IN", "INR"],
  ["fr", "EUR"], // a bare language: its likely region (France)
  ["de_AT", "EUR"], // POSIX-style underscore
  ["en-US", "USD"],
  ["nb-NO", "USD"], // the krone is not one bizplan writes: USD
  ["und", "USD"], // no locale at all
  ["C", "USD"], // POSIX's C locale is no BCP 47 locale
])("without --currency, a machine in %s writes %s", async (locale, code) => {
  const file = path.join(dir, "goal.xlsx");
  const r = await run(locale, "new", "income-goal", "--out", file);
  expect(r.code).toBe(EXIT_OK);
  expect(r.out).toContain(`money in ${code}`);
});

test.each([
  ["EURO", /"EURO" is not an ISO 4217 currency code; nothing written\. --currency takes one of: USD, EUR, GBP, JPY, INR/],
  ["$", /"\$" is not an ISO 4217 currency code/],
  ["", /"" is not an ISO 4217 currency code/],
  ["NOK", /bizplan cannot write NOK yet; nothing written\. --currency takes one of: USD, EUR/],
])("--currency %p is refused with exit 2 and no file", async (code, message) => {
  const file = path.join(dir, "goal.xlsx");
  const r = await run("en-US", "new", "income-goal", "--currency", code, "--out", file);
  expect(r.code).toBe(EXIT_USAGE);
  expect(r.err).toMatch(message);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test("--currency twice, or without its code, is a usage error", async () => {
  const file = path.join(dir, "goal.xlsx");
  expect((await run(undefined, "new", "income-goal", "--currency", "EUR", "--currency", "GBP", "--out", file)).err).toMatch(/--currency given twice/);
  expect((await run(undefined, "new", "income-goal", "--out", file, "--currency")).err).toMatch(/--currency needs a value/);
  expect(fs.readdirSync(dir)).toEqual([]);
});

test("`bizplan list` shows the option, the default for this machine and every code", async () => {
  const r = await run("en-GB", "list");
  expect(r.code).toBe(EXIT_OK);
  expect(r.out).toContain("Currency (--currency CODE): money cells are formatted in GBP unless you give another:");
  for (const code of ["USD", "EUR", "GBP", "JPY", "INR"]) expect(r.out).toMatch(new RegExp(`^  ${code}  `, "m"));
  const help = await run(undefined, "--help");
  expect(help.out).toMatch(/-c, --currency CODE/);
});

test("help lines that name an amount name no currency", async () => {
  const r = await run("de-DE", "list");
  // The templates' own help and defaults; the sourced figures are not in the listing.
  expect(r.out.split("Currency (--currency")[0]).not.toMatch(/[$€£¥₹]/);
});
