import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Catalog, EXIT_FAILED, EXIT_OK, EXIT_USAGE, main, TEMPLATE_CATALOG } from "../../src/cli/bizplan";
import { TEMPLATES } from "../../src/templates";
import { Template } from "../../src/templates/model";
import { fixtureTemplate } from "../workbook/fixture-template";
import { readXlsx } from "../workbook/read-xlsx";

/**
 * The CLI against a catalog of two small templates (the writer's fixture and a second one), with
 * the real input validation, so every path can be pinned down; then the same commands on the six
 * real templates.
 */

const second: Template = {
  id: "second",
  title: "Second Plan",
  summary: "A second template, for `all`.",
  inputs: [{ name: "SecondCount", label: "Count", kind: "number", format: "integer", default: 3, help: "How many." }],
  outputs: ["SecondTwice"],
  build: (values) => ({
    cells: [
      { ref: "B1", value: Number(values.SecondCount), role: "input", name: "SecondCount" },
      { ref: "B2", formula: "SecondCount*2", value: Number(values.SecondCount) * 2, role: "output", name: "SecondTwice" },
    ],
    tables: [],
    validations: [],
    charts: [],
  }),
};

const catalog: Catalog = { templates: [fixtureTemplate(), second], validate: TEMPLATE_CATALOG.validate };

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, catalog);
  return { code, out, err };
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizplan-cli-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const files = () => fs.readdirSync(dir).sort();

async function sheetNames(file: string): Promise<string[]> {
  const wb = await readXlsx(file);
  return wb.worksheets.map((w) => w.name);
}

describe("bizplan list", () => {
  test("prints each template's id, title and summary, and each named input with default, allowed values and help", async () => {
    const r = await run("list");
    expect(r.code).toBe(EXIT_OK);
    expect(r.err).toBe("");
    expect(r.out).toContain("fixture  Owner's Plan");
    expect(r.out).toContain("A fixture for the writer tests.");
    expect(r.out).toMatch(/FxGoal\s+default 36000; a number of 0 or more/);
    expect(r.out).toMatch(/FxPeriod\s+default year; one of year, month/);
    expect(r.out).toMatch(/FxRate\s+default 25%; a number in \(0, 1\]/);
    expect(r.out).toContain("Goal amount: What you want to earn.");
    expect(r.out).toContain("second  Second Plan");
    expect(r.out).toContain("Named outputs: SecondTwice");
  });

  test("list takes no arguments", async () => {
    const r = await run("list", "extra");
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("takes no arguments");
  });
});

describe("bizplan new", () => {
  test("all: every template, one sheet each, in catalog order", async () => {
    const out = path.join(dir, "plan.xlsx");
    const r = await run("new", "all", "--out", out);
    expect(r).toMatchObject({ code: EXIT_OK, err: "" });
    expect(r.out).toMatch(/^Wrote .*plan\.xlsx \(\d+ KB, \d+ ms, money in [A-Z]{3}\): Owner's Plan, Second Plan\n$/);
    expect(await sheetNames(out)).toEqual(["Owner's Plan", "Second Plan"]);
    expect(files()).toEqual(["plan.xlsx"]); // no temporary file left beside it
  });

  test("--set with all goes to the template that has the input; values are read like typing (36,000; 30%)", async () => {
    const out = path.join(dir, "plan.xlsx");
    const r = await run("new", "all", "--set", "FxGoal=$60,000", "--set=FxRate=50%", "-s", "secondcount=7", "-o", out);
    expect(r.code).toBe(EXIT_OK);
    const wb = await readXlsx(out);
    expect(wb.getWorksheet("Owner's Plan")!.getCell("B3").value).toBe(60000);
    expect(wb.getWorksheet("Owner's Plan")!.getCell("B5").value).toBe(0.5);
    expect(wb.getWorksheet("Owner's Plan")!.getCell("B7").value).toEqual({ formula: '_xldudf_BIZ_GOAL(FxGoal,FxPeriod,"month")', result: 5000 });
    expect(wb.getWorksheet("Second Plan")!.getCell("B2").value).toEqual({ formula: "SecondCount*2", result: 14 });
  });

  test("one template by id, or by its title in any case", async () => {
    expect((await run("new", "second", "--out", path.join(dir, "a.xlsx"))).code).toBe(EXIT_OK);
    expect((await run("new", "OWNER'S PLAN", "--out", path.join(dir, "b.xlsx"))).code).toBe(EXIT_OK);
    expect(await sheetNames(path.join(dir, "a.xlsx"))).toEqual(["Second Plan"]);
    expect(await sheetNames(path.join(dir, "b.xlsx"))).toEqual(["Owner's Plan"]);
  });

  test.each([
    [["new", "income", "--out", "x.xlsx"], /no template "income"\. The templates are: fixture, second, or all/],
    [["new", "secnd", "--out", "x.xlsx"], /did you mean second\?/],
    [["new", "all", "--set", "Nope=1", "--out", "x.xlsx"], /unknown input "Nope": no template has it/],
    [["new", "second", "--set", "FxGoal=1", "--out", "x.xlsx"], /unknown input "FxGoal": the Second Plan template has no such input/],
    [["new", "all", "--set", "FxGoll=1", "--out", "x.xlsx"], /did you mean FxGoal\?/],
    [["new", "all", "--set", "FxGoal", "--out", "x.xlsx"], /--set needs Name=Value; got "FxGoal"/],
    [["new", "all", "--set", "FxGoal=1", "--set", "fxgoal=2", "--out", "x.xlsx"], /FxGoal is set twice/],
    [["new", "all"], /Give the file with --out plan\.xlsx/],
    [["new", "--out", "x.xlsx"], /which template\?/],
    [["new", "all", "--out", "plan.csv"], /must end in \.xlsx/],
    [["new", "all", "--out"], /--out needs a value/],
    [["new", "all", "--bogus", "--out", "x.xlsx"], /unknown option --bogus/],
    [["new", "fixture", "second", "--out", "x.xlsx"], /one template at a time/],
    [["frobnicate"], /unknown command "frobnicate"/],
  ])("%j is a usage error: %s", async (argv, message) => {
    const r = await run(...argv.map((a) => (a.endsWith(".xlsx") || a.endsWith(".csv") ? path.join(dir, a) : a)));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("bizplan --help");
    expect(r.out).toBe("");
    expect(files()).toEqual([]);
  });

  test.each([
    [["FxGoal=lots"], /FxGoal: Goal amount must be a number, such as 36000 or 1,200; you entered "lots"/],
    [["FxGoal=-5"], /FxGoal: Goal amount must be a number of 0 or more; you entered "-5"/],
    [["FxRate=30"], /FxRate: Commission must be a number in \(0, 1\]; you entered "30"\. For 30 percent, type 30% or 0\.3/],
    [["FxPeriod=decade"], /FxPeriod: Goal period must be one of year, month; you entered "decade"/],
    [["FxGoal=lots", "SecondCount=x"], /bad inputs; nothing written:\n {2}Owner's Plan: FxGoal: .*\n {2}Second Plan: SecondCount: /],
  ])("a bad value %j: the validator's message, exit 2, no file", async (sets, message) => {
    const out = path.join(dir, "plan.xlsx");
    const r = await run("new", "all", ...sets.flatMap((s) => ["--set", s]), "--out", out);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toMatch(message);
    expect(files()).toEqual([]);
  });

  test("an existing file is not overwritten without --force, and is with it", async () => {
    const out = path.join(dir, "plan.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = await run("new", "all", "--out", out);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toMatch(/plan\.xlsx already exists; nothing written\. Add --force to overwrite it/);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    expect(files()).toEqual(["plan.xlsx"]);
    const forced = await run("new", "all", "--out", out, "--force");
    expect(forced.code).toBe(EXIT_OK);
    expect(await sheetNames(out)).toEqual(["Owner's Plan", "Second Plan"]);
    expect(files()).toEqual(["plan.xlsx"]);
  });

  test("a folder as the output is refused", async () => {
    fs.mkdirSync(path.join(dir, "plan.xlsx"));
    const r = await run("new", "all", "--out", path.join(dir, "plan.xlsx"), "--force");
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toMatch(/cannot write .*plan\.xlsx: it is a folder/);
  });

  test.each([
    [() => path.join(dir, "missing", "plan.xlsx"), /the folder .*missing does not exist/],
    [() => "/proc/bizplan-test.xlsx", /cannot write \/proc\/bizplan-test\.xlsx: \/proc does not take new files/],
    [() => "/sys/bizplan-test.xlsx", /cannot write \/sys\/bizplan-test\.xlsx: permission denied in \/sys/],
    [() => path.join(dir, "afile", "plan.xlsx"), /part of the path .*afile is not a folder/],
  ])("an unwritable path gives a clear message, exit 1, and leaves nothing behind (%#)", async (where, message) => {
    fs.writeFileSync(path.join(dir, "afile"), "x");
    const out = where();
    const parent = path.dirname(out);
    const r = await run("new", "all", "--out", out);
    expect(r.code).toBe(EXIT_FAILED);
    expect(r.err).toMatch(message);
    expect(fs.existsSync(out)).toBe(false);
    // neither the file nor its temporary (".plan.xlsx.<pid>.<random>.tmp") is left in the folder
    const mine = (name: string) => name.includes(path.basename(out));
    if (fs.existsSync(parent) && fs.statSync(parent).isDirectory()) expect(fs.readdirSync(parent).filter(mine)).toEqual([]);
    expect(files()).toEqual(["afile"]);
  });
});

describe("bizplan --help", () => {
  test.each([["--help"], ["-h"], ["help"], ["new", "--help"], ["list", "-h"]])("%j prints usage and exits 0", async (...argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(EXIT_OK);
    expect(r.out).toContain("bizplan new <template|all> --out <file.xlsx> [--set Name=Value ...] [--currency CODE] [--force]");
    expect(r.out).toContain("npx bizplan new all --out plan.xlsx");
  });

  test("no command prints usage on stderr and exits 2", async () => {
    const r = await run();
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain("Usage:");
  });
});

describe("with the real templates", () => {
  async function real(...argv: string[]): Promise<Run> {
    let out = "";
    let err = "";
    const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
    return { code, out, err };
  }

  test("list shows all six templates and every one of their inputs", async () => {
    const r = await real("list");
    expect(r.code).toBe(EXIT_OK);
    for (const t of TEMPLATES) {
      expect(r.out).toContain(`${t.id}  ${t.title}`);
      for (const input of t.inputs) expect(r.out).toMatch(new RegExp(`\\n {4}${input.name} +default `));
    }
  });

  test("list also shows the Plan sheet's input, as only in the whole plan", async () => {
    const r = await real("list");
    expect(r.out).toContain("Only in the whole plan (`bizplan new all`):\n\nplan  Plan\n");
    expect(r.out).toMatch(/\n {4}PlanMonths +default 12; /);
  });

  test("new all writes the linked whole plan, Plan first; --set reaches the sheet that has the input (GoalAmount=60000: GoalMonth 5000)", async () => {
    const out = path.join(dir, "plan.xlsx");
    const r = await real("new", "all", "--set", "GoalAmount=60000", "--set", "PlanMonths=24", "--out", out);
    expect(r).toMatchObject({ code: EXIT_OK, err: "" });
    const wb = await readXlsx(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Plan", ...TEMPLATES.map((t) => t.title)]);
    const named = (name: string) => {
      const [range] = wb.definedNames.getRanges(name).ranges;
      const [sheet, ref] = range.split("!");
      return wb.getWorksheet(sheet.replace(/^'|'$/g, ""))!.getCell(ref.replace(/\$/g, ""));
    };
    expect(named("GoalMonth").result).toBe(5000); // 60000 / 12
    // The funnel's income is the goal a month, as a formula: 5000 at $100 keeping 30% is ceil(5000 / 30) = 167 sales.
    expect(named("FunnelIncome").formula).toBe("GoalMonth");
    expect(named("FunnelIncome").result).toBe(5000);
    expect(named("SalesGoal").result).toBe(167);
    expect(named("MonthlyTarget").formula).toBe("JobIncome");
    expect(named("PlanMonths").value).toBe(24);
    expect(files()).toEqual(["plan.xlsx"]);
  });

  test("new all refuses a linked input, says what it is linked to, and writes nothing", async () => {
    const r = await real("new", "all", "--set", "FunnelIncome=100", "--out", path.join(dir, "plan.xlsx"));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain(
      "Sales Funnel: FunnelIncome: FunnelIncome is linked in the whole plan: it is GoalMonth, so change that instead (or write the Sales Funnel template on its own)."
    );
    expect(files()).toEqual([]);
  });

  test("a template written on its own keeps its own inputs (FunnelIncome is a typed value there)", async () => {
    const out = path.join(dir, "funnel.xlsx");
    expect((await real("new", "sales-funnel", "--set", "FunnelIncome=900", "--set", "FunnelGoalFrom=income", "--out", out)).code).toBe(EXIT_OK);
    const wb = await readXlsx(out);
    const [range] = wb.definedNames.getRanges("FunnelIncome").ranges;
    const cell = wb.getWorksheet("Sales Funnel")!.getCell(range.split("!")[1].replace(/\$/g, ""));
    expect(cell.value).toBe(900);
    expect(cell.formula).toBeUndefined();
  });

  test.each(TEMPLATES.map((t) => [t.id, t.title]))("new %s writes its one sheet", async (id, title) => {
    const out = path.join(dir, `${id}.xlsx`);
    expect((await real("new", id, "--out", out)).code).toBe(EXIT_OK);
    expect(await sheetNames(out)).toEqual([title]);
  });

  test("a bad value for a real input: the message names it, exit 2, no file", async () => {
    const r = await real("new", "income-goal", "--set", "GoalAmount=lots", "--out", path.join(dir, "plan.xlsx"));
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.err).toContain('GoalAmount: Income goal must be a number, such as 36000 or 1,200; you entered "lots".');
    expect(files()).toEqual([]);
  });
});
