import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/bizplan";
import { projection } from "../../src/core/growth";
import { TEMPLATES } from "../../src/templates";
import { PROJECTION_MONTHS } from "../../src/templates/downline-projection";
import { validateInputs } from "../../src/templates/inputs";
import { CellValue, Template } from "../../src/templates/model";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { fixtureTemplate } from "../workbook/fixture-template";
import { readXlsx } from "../workbook/read-xlsx";
import { dependencies, Dependencies, PlanSheet } from "./formula-refs";
import { convert, findSoffice } from "./libreoffice";

/**
 * The round trip: every template written by the CLI (`bizplan new all`), opened by LibreOffice
 * headless and saved again, and the figures read back.
 *
 * 1. Default load: LibreOffice shows the cached results of ordinary formulas. Every such cell's
 *    figure must be the one the TypeScript core computed: what a user without Excel sees. Array
 *    formulas are the exception: LibreOffice recomputes them on every load whatever the setting, so
 *    a BIZ table (one array formula, so that Excel calls the function once) shows #NAME? there, and
 *    the test says so: those cells must be errors, every other cell its figure.
 * 2. Recalculation forced on load: LibreOffice recomputes every formula itself. Excel's own
 *    formulas must give the TypeScript figures; cells that need a BIZ function (found by walking
 *    formula references) cannot be computed there and are left out, and must show an error, which
 *    proves the recalculation really happened.
 * A control workbook with one deliberately wrong cached figure checks that each mode does what it
 * says: the default load keeps it, the forced recalculation corrects it.
 */

jest.setTimeout(180_000);

const soffice = findSoffice();
const describeWithSoffice = soffice ? describe : describe.skip;
if (!soffice) {
  // eslint-disable-next-line no-console
  console.warn("Round-trip test SKIPPED: LibreOffice (soffice) is not installed. Install it (apt-get install libreoffice-calc) to run it.");
  test.skip("LibreOffice round trip (soffice is not installed)", () => undefined);
}

interface Book {
  readonly file: string;
  readonly sheets: readonly PlanSheet[];
  readonly templates: readonly Template[];
  deps: Dependencies;
}

function book(file: string, templates: readonly Template[], values: (t: Template) => Record<string, string | number>): Book {
  const sheets = templates.map((t) => ({ name: t.title, plan: t.build(values(t)) }));
  return { file, sheets, templates, deps: dependencies(sheets) };
}

/**
 * The cells of every BIZ table: a spilling formula that calls BIZ, written as one array formula;
 * and of every array formula over one (the Downline Projection's "your plan" column picks a column
 * of its four plans' table), which LibreOffice recomputes on load as well, from the #NAME? cells.
 */
function bizArrays(b: Book): Set<string> {
  return new Set([...b.deps.formulas.values()].filter((f) => b.deps.bizDependent.has(f.key) && f.spilled.length > 0).flatMap((f) => [f.key, ...f.spilled]));
}

const isError = (v: Figure) => v !== null && typeof v === "object" && "error" in v;

const defaults = (t: Template) => validateInputs(t, {}).values;

type Figure = CellValue | { error: string } | null;

/** A cell's figure as exceljs reads it from LibreOffice's file. */
function cellFigure(cell: ExcelJS.Cell): Figure {
  // exceljs leaves a falsy cached result (0, false) out of cell.value; cell.result has it
  return cell.type === ExcelJS.ValueType.Formula ? figure(cell.result as ExcelJS.CellValue) : figure(cell.value);
}

function figure(v: ExcelJS.CellValue): Figure {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && "error" in v) return { error: (v as ExcelJS.CellErrorValue).error };
  if (typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  if (v instanceof Date) throw new Error(`a date where a figure was expected: ${v.toISOString()}`);
  return v as CellValue;
}

function same(actual: Figure, expected: CellValue): boolean {
  if (typeof expected === "number") {
    const a = typeof actual === "boolean" ? Number(actual) : actual;
    return typeof a === "number" && Math.abs(a - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === "boolean") return actual === expected || actual === Number(expected);
  if (expected === "") return actual === null || actual === "";
  if (/^#[A-Z/0!?]+[!?A]$/.test(expected) && actual && typeof actual === "object") return actual.error === expected;
  return actual === expected;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  return readXlsx(file);
}

function at(wb: ExcelJS.Workbook, key: string): Figure {
  const bang = key.lastIndexOf("!");
  const ws = wb.getWorksheet(key.slice(0, bang));
  if (!ws) throw new Error(`LibreOffice's file has no sheet ${key.slice(0, bang)}`);
  return cellFigure(ws.getCell(key.slice(bang + 1)));
}

/** Cells whose figure differs from the expected one: "Sheet!B7: expected 3000, LibreOffice 2999". */
function mismatches(wb: ExcelJS.Workbook, keys: Iterable<string>, expected: ReadonlyMap<string, CellValue>): string[] {
  const bad: string[] = [];
  for (const k of keys) {
    const want = expected.get(k);
    if (want === undefined) continue;
    const got = at(wb, k);
    if (!same(got, want)) bad.push(`${k}: expected ${JSON.stringify(want)}, LibreOffice ${JSON.stringify(got)}`);
  }
  return bad;
}

describeWithSoffice("LibreOffice round trip", () => {
  let dir: string;
  let plan: Book;
  let control: Book;
  let wrong: Book;
  let byDefault: Map<string, ExcelJS.Workbook>;
  let recalculated: Map<string, ExcelJS.Workbook>;
  let html: string;
  const timings: string[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizplan-roundtrip-"));
    const planFile = path.join(dir, "plan.xlsx");
    let err = "";
    const code = await main(["new", "all", "--out", planFile], { stdout: () => undefined, stderr: (t) => (err += t) });
    if (code !== 0) throw new Error(`bizplan new all failed (${code}): ${err}`);
    plan = book(planFile, TEMPLATES, defaults);

    const fixture = fixtureTemplate();
    control = book(path.join(dir, "control.xlsx"), [fixture], defaults);
    fs.writeFileSync(control.file, await writeWorkbook([{ template: fixture, values: defaults(fixture) }]));
    const wrongFixture = fixtureTemplate({ wrongCache: true });
    wrong = book(path.join(dir, "control-wrong.xlsx"), [wrongFixture], defaults);
    fs.writeFileSync(wrong.file, await writeWorkbook([{ template: wrongFixture, values: defaults(wrongFixture) }]));

    const files = [plan.file, control.file, wrong.file];
    const run = async (sub: string, recalc: boolean) => {
      fs.mkdirSync(path.join(dir, sub));
      const { outputs, ms } = convert(soffice as string, files, path.join(dir, sub), "xlsx", { recalc });
      timings.push(`${sub}: ${ms} ms for ${files.length} files`);
      const books = new Map<string, ExcelJS.Workbook>();
      for (const [source, out] of outputs) books.set(source, await load(out));
      return books;
    };
    byDefault = await run("default", false);
    recalculated = await run("recalc", true);
    fs.mkdirSync(path.join(dir, "html"));
    const { outputs, ms } = convert(soffice as string, [plan.file], path.join(dir, "html"), "html", { recalc: false });
    timings.push(`html: ${ms} ms`);
    html = fs.readFileSync(outputs.get(plan.file) as string, "utf8");
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`LibreOffice conversions: ${timings.join("; ")}`);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("the reference walk finds exactly the fixture's BIZ-dependent cells", () => {
    const s = "Owner's Plan!";
    expect([...control.deps.bizCalls].sort()).toEqual([`${s}A23`, `${s}B7`, `${s}B8`]);
    expect([...control.deps.bizDependent].sort()).toEqual(
      [
        "A23", "A24", "A25", "A26", "A27", "A28", "B23", "B24", "B25", "B26", "B27", "B28", // the BREAKDOWN spill
        "B7", "B8", "B9", // BIZ.GOAL, and FxMonth*12
        "B15", "B16", "B17", // the table column over FxMonth
        "B20", // SUM(FxProducts[Sales needed])
        "B30", // SUM over the spill
      ].map((a) => s + a).sort()
    );
  });

  test("default load: every cell of every template but the BIZ tables shows the figure the TypeScript core computed", () => {
    const wb = byDefault.get(plan.file) as ExcelJS.Workbook;
    const arrays = bizArrays(plan);
    const bad = mismatches(wb, [...plan.deps.expected.keys()].filter((k) => !arrays.has(k)), plan.deps.expected);
    expect(bad).toEqual([]);
    // The Downline Projection's reality check: the four plans' summaries (4 x 10 cells), the brackets
    // (12) and your plan's column over them (10). LibreOffice recomputed these array formulas, without the add-in.
    expect(arrays.size).toBe(4 * 10 + 12 + 10);
    expect([...arrays].filter((k) => !isError(at(wb, k)))).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(`default load: ${plan.deps.expected.size} cells on ${plan.sheets.length} sheets match, ${plan.deps.formulas.size} of them formulas`);
  });

  test("default load: every named output reads its figure", () => {
    const wb = byDefault.get(plan.file) as ExcelJS.Workbook;
    const outputs = plan.sheets.flatMap((s, i) =>
      plan.templates[i].outputs.map((name) => {
        const cell = s.plan.cells.find((c) => c.name === name);
        if (!cell) throw new Error(`${plan.templates[i].title}: output ${name} has no named cell`);
        return { name, key: `${s.name}!${cell.ref}`, want: cell.value as CellValue };
      })
    );
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs) expect({ name: o.name, figure: at(wb, o.key) }).toEqual({ name: o.name, figure: expect.anything() });
    const bad = outputs.filter((o) => !same(at(wb, o.key), o.want)).map((o) => `${o.name} (${o.key}): expected ${JSON.stringify(o.want)}, got ${JSON.stringify(at(wb, o.key))}`);
    expect(bad).toEqual([]);
  });

  test("recalculation forced: every formula that needs no BIZ function is recomputed by LibreOffice to the TypeScript figure", () => {
    const wb = recalculated.get(plan.file) as ExcelJS.Workbook;
    const native = [...plan.deps.formulas.keys()].filter((k) => !plan.deps.bizDependent.has(k));
    const spilledNative = [...plan.deps.formulas.values()].filter((f) => !plan.deps.bizDependent.has(f.key)).flatMap((f) => f.spilled);
    const checked = [...native, ...spilledNative];
    expect(mismatches(wb, checked, plan.deps.expected)).toEqual([]);
    // constants survive too
    const constants = [...plan.deps.expected.keys()].filter((k) => !plan.deps.formulas.has(k) && !plan.deps.bizDependent.has(k) && !spilledNative.includes(k));
    expect(mismatches(wb, constants, plan.deps.expected)).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(
      `forced recalculation: ${checked.length} formula cells recomputed by LibreOffice and matched; ` +
        `${plan.deps.bizDependent.size} cells excluded as BIZ-dependent (${plan.deps.bizCalls.size} BIZ calls); ${constants.length} constants matched`
    );
  });

  test("recalculation forced: LibreOffice's own month-by-month projection equals core's PROJECTION for the default inputs", () => {
    const wb = recalculated.get(plan.file) as ExcelJS.Workbook;
    const template = plan.templates.find((t) => t.id === "downline-projection") as Template;
    const v = defaults(template);
    const sheet = plan.sheets.find((s) => s.name === template.title) as PlanSheet;
    const header = sheet.plan.cells.find((c) => c.value === "Joined so far") as { ref: string };
    const first = Number(header.ref.slice(1)) + 2; // the header, then month 0
    const payout = at(wb, `${template.title}!${sheet.plan.cells.find((c) => c.name === "EffectivePayoutRate")!.ref}`) as number;
    const core = projection(Number(v.RecruitsPerMonth), PROJECTION_MONTHS, Number(v.VolumePerMember), payout, Number(v.MonthlyCost), Number(v.MonthlyAttrition), Number(v.MarketSize));
    const bad: string[] = [];
    core.forEach((row, i) =>
      row.forEach((want, j) => {
        const key = `${template.title}!${String.fromCharCode(65 + j)}${first + i}`;
        if (!same(at(wb, key), want)) bad.push(`${key}: core ${want}, LibreOffice ${JSON.stringify(at(wb, key))}`);
      })
    );
    expect(bad).toEqual([]);
    expect(plan.deps.formulas.has(`${template.title}!B${first}`)).toBe(true); // a formula LibreOffice recomputed, not a constant
  });

  test("recalculation forced: cells that call BIZ functions become errors, so LibreOffice really recomputed", () => {
    const notErrors = (b: Book) =>
      [...b.deps.bizCalls].filter((k) => {
        const v = at(recalculated.get(b.file) as ExcelJS.Workbook, k);
        return !(v && typeof v === "object" && "error" in v);
      });
    expect(control.deps.bizCalls.size).toBeGreaterThan(0);
    expect(notErrors(control)).toEqual([]);
    expect(notErrors(plan)).toEqual([]);
  });

  test("control: the default load keeps a wrong cached figure, the forced recalculation corrects it", () => {
    const key = "Owner's Plan!B10"; // FxGoal*2, cached as 72001
    expect(at(byDefault.get(wrong.file) as ExcelJS.Workbook, key)).toBe(72001);
    expect(at(recalculated.get(wrong.file) as ExcelJS.Workbook, key)).toBe(72000);
    const arrays = bizArrays(control);
    expect(arrays.size).toBe(12); // the BREAKDOWN spill, A23:B28
    expect(mismatches(byDefault.get(control.file) as ExcelJS.Workbook, [...control.deps.expected.keys()].filter((k) => !arrays.has(k)), control.deps.expected)).toEqual([]);
    // B30 = SUM(B23:B28) is an ordinary formula over the array: it keeps its cached figure on a default load.
    expect(at(byDefault.get(control.file) as ExcelJS.Workbook, "Owner's Plan!B30")).toBeCloseTo(control.deps.expected.get("Owner's Plan!B30") as number, 6); // LibreOffice saves 15 digits
    const native = [...control.deps.formulas.keys()].filter((k) => !control.deps.bizDependent.has(k));
    expect(native.sort()).toEqual(["Owner's Plan!B10", "Owner's Plan!B11", "Owner's Plan!B12"]);
    expect(mismatches(recalculated.get(control.file) as ExcelJS.Workbook, native, control.deps.expected)).toEqual([]);
  });

  test("LibreOffice draws every chart of every template", () => {
    const charts = plan.sheets.reduce((n, s) => n + s.plan.charts.length, 0);
    const images = (html.match(/<img\b/gi) ?? []).length;
    expect(charts).toBeGreaterThan(0);
    expect(images).toBe(charts);
  });
});
