import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { bizDependents } from "../../src/workbook/memory";
import { Template } from "../../src/templates/model";
import { TEMPLATES } from "../../src/templates";
import { incomeGoal } from "../../src/templates/income-goal";
import { salesFunnel, salesFunnelPlan } from "../../src/templates/sales-funnel";
import { businessModel } from "../../src/templates/business-model";
import { workVsDeals, workVsDealsPlan, DEFAULT_ACTIVITIES } from "../../src/templates/work-vs-deals";
import { dayJobTracker, dayJobTrackerPlan } from "../../src/templates/day-job-tracker";
import { downlineProjection } from "../../src/templates/downline-projection";
import { write } from "./helpers";
import { required } from "../support/required";
import { Figure, readFigures } from "../support/xlsx-values";

/**
 * Every native formula of every template, in every branch its inputs can take, recomputed by
 * LibreOffice from the .xlsx file must give the figure the plan computed with core: so a file
 * opened without the add-in shows, and keeps showing after an edit, the same figures. Cells that
 * need a BIZ function (bizDependents) are left out: no spreadsheet but Excel with the add-in can
 * recompute them (the template tests evaluate those with the built bundle, ./engine.ts). Each file
 * carries a sentinel sheet whose formula 1+1 is cached as 3: unless LibreOffice shows 2 there, it did
 * not recalculate and the case fails. Figures are read from the saved XML (a blank cell is null,
 * never 0). Skipped where LibreOffice is not installed.
 */
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore" }).status === 0;

const CASES: Array<[string, Template, Record<string, unknown>]> = [
  ...TEMPLATES.map((t): [string, Template, Record<string, unknown>] => [`${t.id} defaults`, t, {}]),
  [
    "income goal a month, 365 days, 4-day weeks",
    incomeGoal,
    { GoalAmount: 3000, GoalPeriod: "month", Basis: 1, WorkdaysPerWeek: 4, WeeksOff: 4, MonthlyGrowth: 0.05, JobIncome: 4000 },
  ],
  ["income goal never replaced", incomeGoal, { ActiveIncome: 0, PassiveIncome: 0 }],
  ["income goal already replaced", incomeGoal, { ActiveIncome: 5000 }],
  ["funnel from income", salesFunnel, { FunnelGoalFrom: "income" }],
  [
    "funnel 3 sales at 30%",
    { ...salesFunnel, build: (v) => salesFunnelPlan(v, [{ stage: "Leads", conversion: 0.3 }, { stage: "Sales" }]) },
    { FunnelSales: 3 },
  ],
  ["business model, interest first", businessModel, { WeightStrengths: 1, WeightInterest: 5, WeightStartupCost: 1, WeightTimeToIncome: 1 }],
  [
    "work vs deals with actual hours",
    {
      ...workVsDeals,
      build: (v) =>
        workVsDealsPlan(
          v,
          DEFAULT_ACTIVITIES.map((a, i) => ({ ...a, actual: [5, 1, 0, 4, 3, 2][i] }))
        ),
    },
    { DealShareTarget: 0.6 },
  ],
  ["tracker with a broken run", { ...dayJobTracker, build: (v) => dayJobTrackerPlan(v, [900, 3100, null, 3000, 3200, 3500, 2999, 3300]) }, {}],
  ["tracker ready", { ...dayJobTracker, build: (v) => dayJobTrackerPlan(v, [3100, 3200, 3300]) }, { ReadyMonths: 3 }],
  ["downline matrix", downlineProjection, { PlanType: "matrix" }],
  ["downline binary capped", downlineProjection, { PlanType: "binary", BinaryCap: 50 }],
  ["downline binary full", downlineProjection, { PlanType: "binary", MatrixMembers: 100 }],
  ["downline stair-step", downlineProjection, { PlanType: "stair-step" }],
  ["downline market of 30", downlineProjection, { RecruitsPerMember: 4, Retention: 1, MarketSize: 30 }],
  // The projection fills its market: the "never past the cap" and "none once full" branches.
  ["downline projection fills a market of 30", downlineProjection, { RecruitsPerMonth: 1, MonthlyAttrition: 0, MarketSize: 30 }],
  ["downline projection, a market of 1 (you)", downlineProjection, { MarketSize: 1 }],
  ["downline stair-step, no team", downlineProjection, { PlanType: "stair-step", PersonalVolume: 0, RecruitsPerMember: 0 }],
];

(required(hasSoffice, "test/templates/libreoffice.test.ts: LibreOffice (soffice) is not installed (apt-get install libreoffice-calc-nogui)")
  ? describe
  : describe.skip)("LibreOffice recomputes every native formula to the plan's figure", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-templates-lo-"));
  const results = new Map<number, Map<string, Map<string, Figure>>>();
  const SENTINEL = "Recalc check";
  const sentinel: Template = {
    id: "recalc-check",
    title: SENTINEL,
    summary: "",
    inputs: [],
    outputs: [],
    build: () => ({ cells: [{ ref: "A1", formula: "1+1", value: 3 }], tables: [], validations: [], charts: [] }), // cached wrong on purpose
  };

  beforeAll(async () => {
    // A LibreOffice profile that recalculates .xlsx files on load instead of trusting their cached values.
    fs.mkdirSync(path.join(dir, "profile/user"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "profile/user/registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`
    );
    const files: string[] = [];
    for (const [i, [, template, raw]] of CASES.entries()) {
      const file = path.join(dir, `case${i}.xlsx`);
      fs.writeFileSync(
        file,
        await writeWorkbook([
          { template, values: write(template, raw).values },
          { template: sentinel, values: {} },
        ])
      );
      files.push(file);
    }
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", path.join(dir, "out"), ...files],
      { stdio: "ignore", timeout: 120000 }
    );
    for (const i of CASES.keys()) results.set(i, await readFigures(path.join(dir, "out", `case${i}.xlsx`)));
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(CASES.map(([label, template, raw], i) => [label, i, template, raw] as const))("%s", (_label, i, template, raw) => {
    const sheet = write(template, raw);
    const skip = bizDependents(sheet);
    const book = results.get(i)!;
    expect(book.get(SENTINEL)?.get("A1")).toBe(2); // LibreOffice recalculated this file
    const ws = book.get(template.title)!;
    const wrong: string[] = [];
    let checked = 0;
    for (const [at, c] of sheet.cells) {
      if (c.formula === undefined || skip.has(at)) continue;
      const got = ws.get(at) ?? null; // blank is null: it never passes for 0
      const want = c.value;
      const same =
        typeof want === "number"
          ? typeof got === "number" && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
          : got === want || (want === "" && got === null);
      if (!same) wrong.push(`${at} ${c.formula}: LibreOffice ${JSON.stringify(got)}, plan ${JSON.stringify(want)}`);
      checked++;
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(3);
  });
});
