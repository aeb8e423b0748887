import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/bizplan";
import { incomeGoal } from "../../src/templates/income-goal";
import { validateInputs } from "../../src/templates/inputs";
import { spillFormatAt } from "../../src/templates/model";
import { readXlsx } from "../workbook/read-xlsx";
import { convert, findSoffice } from "./libreoffice";

/**
 * Income Goal written by `bizplan new income-goal --currency EUR|GBP|JPY`, opened by LibreOffice
 * with every formula recomputed on load and saved again, then read back: each money cell's format
 * carries the currency's symbol (and the yen no decimals), no format or text anywhere shows a
 * dollar, and the figures are still right. The files bizplan wrote pass the ECMA-376 schema check.
 */

jest.setTimeout(180_000);

const soffice = findSoffice();
const VALIDATE = path.resolve(__dirname, "../../../shared/tools/validate-xlsx");
const suite = soffice ? describe : describe.skip;
if (!soffice) console.warn("SKIPPED test/roundtrip/currency.test.ts: LibreOffice (soffice) is not installed.");

const CASES = [
  { code: "EUR", symbol: "€", decimals: 2 },
  { code: "GBP", symbol: "£", decimals: 2 },
  { code: "JPY", symbol: "¥", decimals: 0 },
] as const;

const plan = incomeGoal.build(validateInputs(incomeGoal, {}).values);

/** Every cell of the plan formatted as money: loose cells (and spilled ones) and table columns. */
function moneyCells(): string[] {
  const refs: string[] = [];
  const addr = (ref: string, r: number, c: number) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    return String.fromCharCode(m[1].charCodeAt(0) + c) + (Number(m[2]) + r);
  };
  for (const cell of plan.cells) {
    const rows = cell.spill ?? [[null]];
    rows.forEach((row, r) => row.forEach((_, c) => spillFormatAt(cell, r, c) === "currency" && refs.push(addr(cell.ref, r, c))));
  }
  for (const t of plan.tables)
    t.columns.forEach((col, j) => {
      if (col.format === "currency") t.rows.forEach((_, i) => refs.push(addr(t.ref, i + 1, j)));
    });
  return refs;
}

/** A format with its `[$symbol-locale]` tags taken out: what is left must hold no `$`. */
const untagged = (format: string) => format.replace(/\[\$[^\]-]*-[^\]]*\]/g, "");

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  return "";
}

suite("Income Goal in EUR, GBP and JPY through LibreOffice", () => {
  let dir: string;
  const written = new Map<string, string>();
  const reopened = new Map<string, ExcelJS.Workbook>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizplan-currency-lo-"));
    for (const { code } of CASES) {
      const file = path.join(dir, `goal-${code}.xlsx`);
      let err = "";
      const exit = await main(
        ["new", "income-goal", "--currency", code, "--out", file],
        { stdout: () => undefined, stderr: (t) => (err += t) },
        undefined,
        "en-US"
      );
      if (exit !== 0) throw new Error(`bizplan --currency ${code} failed (${exit}): ${err}`);
      written.set(code, file);
    }
    fs.mkdirSync(path.join(dir, "recalc"));
    const { outputs } = convert(soffice as string, [...written.values()], path.join(dir, "recalc"), "xlsx", { recalc: true });
    for (const [code, file] of written) reopened.set(code, await readXlsx(outputs.get(file) as string));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the plan has money cells to check", () => {
    // GoalAmount, ActiveIncome, PassiveIncome, JobIncome, the six period goals, the price column, ...
    expect(moneyCells().length).toBeGreaterThanOrEqual(10);
  });

  test.each(CASES.map((c) => [c.code, c] as const))(
    "%s: every money cell's format shows the symbol, with the currency's decimals",
    (code, { symbol, decimals }) => {
      const ws = reopened.get(code)!.getWorksheet(incomeGoal.title)!;
      const bad = moneyCells().flatMap((ref) => {
        const f = ws.getCell(ref).numFmt ?? "";
        const digits = /0\.(0+)/.exec(f)?.[1].length ?? 0;
        return f.includes(`[$${symbol}-`) && digits === decimals ? [] : [`${ref}: ${f}`];
      });
      expect(bad).toEqual([]);
    }
  );

  test.each(CASES.map((c) => [c.code] as const))("%s: no dollar in any format or text of the sheet", (code) => {
    const ws = reopened.get(code)!.getWorksheet(incomeGoal.title)!;
    const dollars: string[] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (untagged(cell.numFmt ?? "").includes("$")) dollars.push(`${cell.address} format ${cell.numFmt}`);
        if (textOf(cell).includes("$")) dollars.push(`${cell.address} text ${textOf(cell)}`);
      })
    );
    expect(dollars).toEqual([]);
  });

  test.each(CASES.map((c) => [c.code] as const))(
    "%s: LibreOffice's own figures are the plan's (36,000 a year is 3,000 a month, 100 a day on a 360-day year)",
    (code) => {
      const wb = reopened.get(code)!;
      const value = (name: string) => {
        const ref = wb.definedNames.getRanges(name).ranges[0];
        const cell = wb.getWorksheet(incomeGoal.title)!.getCell(ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
        return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
      };
      expect([value("GoalMonth"), value("GoalDay")]).toEqual([3000, 100]);
    }
  );

  const validator = fs.existsSync(VALIDATE) ? test : test.skip;
  validator("the files bizplan wrote pass the ECMA-376 schemas (validate-xlsx)", () => {
    const run = spawnSync(VALIDATE, [...written.values()], { encoding: "utf8", timeout: 120_000 });
    expect([run.status, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toMatch(/ 0 invalid/);
  });
});
