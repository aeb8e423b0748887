import fs from "fs";
import path from "path";
import { CHROMIUM, DIST, SHOTS, axeViolations, haveChromium, open, serve } from "./harness";
import { TEMPLATES } from "../../src/templates";

/**
 * The gallery's **Insert the whole plan** in the built pane, in chromium with the fake Excel host
 * (the recording stand-in of test/workbook): one Excel.run, two syncs for all seven sheets, the
 * links written as formulas, and the user's own sheet untouched. Outside Excel the button is off.
 */

if (!haveChromium) console.warn(`SKIPPED test/browser/whole-plan.test.ts: ${CHROMIUM} is missing (apt-get install chromium).`);
const suite = haveChromium ? describe : describe.skip;

suite("Insert the whole plan, in chromium", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error(`no built task pane in ${DIST}: build first (npm run build, or set HBP_DIST)`);
    server = await serve(DIST);
  });
  afterAll(async () => server?.close());

  test("in Excel: the whole plan goes in with two syncs, Plan first, linked by name", async () => {
    const s = await open(server.url, true);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      const button = s.page.getByRole("button", { name: "Insert the whole plan" });
      await s.page.waitForFunction(() => !(document.querySelector('[data-testid="insert-whole-plan"]') as HTMLButtonElement | null)?.disabled);
      await button.click();
      const outcome = s.page.getByTestId("whole-plan-outcome");
      await outcome.waitFor();
      await expect(outcome.textContent()).resolves.toBe(
        'Plan insertedThe whole plan is on 7 new sheets, starting with "Plan". Change your goal (GoalAmount) on "Income Goal" and every sheet follows.'
      );
      const rec = await s.page.evaluate(() => {
        const r = (window as any).__recorder;
        const at = (name: string) => {
          const ref: string = r.state.names.get(name);
          return r.cell(ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, ""), ref.slice(ref.lastIndexOf("!") + 1).replace(/\$/g, ""));
        };
        return {
          runs: r.runs,
          syncs: r.syncs,
          sheets: r.sheetNames(),
          active: r.state.activeSheet,
          own: r.cell("Sheet1", "A1"),
          funnelIncome: at("FunnelIncome"),
          target: at("MonthlyTarget"),
          team: at("TeamNeeded"),
        };
      });
      expect(rec.runs).toBe(1);
      expect(rec.syncs).toBe(2);
      expect(rec.sheets).toEqual(["Sheet1", "Plan", ...TEMPLATES.map((t) => t.title)]);
      expect(rec.active).toBe("Plan");
      expect(rec.own).toEqual({ formula: "my own data" });
      expect(rec.funnelIncome.formula).toBe("=GoalMonth");
      expect(rec.target.formula).toBe("=JobIncome");
      expect(String(rec.team.formula)).toMatch(/^=IF\(GoalMonth\+MonthlyCost=0/);
      fs.mkdirSync(SHOTS, { recursive: true });
      await s.page.screenshot({ path: path.join(SHOTS, "taskpane-whole-plan.png"), fullPage: true });
      expect((await axeViolations(s.page)).filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      // A second whole plan beside the first: new sheet names and one suffix for all its names.
      await button.click();
      await expect(outcome.textContent()).resolves.toMatch(/starting with "Plan \(2\)".*names end in _2\./);
      const second = await s.page.evaluate(() => ({
        syncs: (window as any).__recorder.syncs,
        link: (window as any).__recorder.state.names.get("FunnelIncome_2"),
      }));
      expect(second.syncs).toBe(4);
      expect(second.link).toBe("'Sales Funnel (2)'!B7");
      expect(s.offMachine).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });

  test("in a plain browser the button is there but off, and says it needs Excel", async () => {
    const s = await open(server.url, false);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      await s.page.getByTestId("outside-excel").waitFor();
      const button = s.page.getByRole("button", { name: "Insert the whole plan" });
      expect(await button.isDisabled()).toBe(true);
      const why = await button.getAttribute("aria-describedby");
      await expect(s.page.locator(`#${why}`).textContent()).resolves.toBe("Inserting needs Excel.");
    } finally {
      await s.context.close();
    }
  });
});
