import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { CHROMIUM, DIST, GALLERY_BUTTON, SHOTS, axeViolations, haveChromium, open, serve } from "./harness";

/**
 * The pane answers as you type (issue 11), in the built pane in chromium: the form's preview moves
 * to the figures of each keystroke before anything is inserted, the values are remembered across a
 * reload (local storage in a plain browser, the document's settings in Excel) until Reset to
 * defaults, and the Functions tab's search filters the list. Every expected figure is worked by hand
 * in the comment beside it, in the sheet's own formats ($#,##0.00, #,##0).
 */

if (!haveChromium) console.warn(`SKIPPED test/browser/live-preview.test.ts: ${CHROMIUM} is missing (apt-get install chromium).`);
const suite = haveChromium ? describe : describe.skip;
const serious = (vs: { impact: string }[]) => vs.filter((v) => v.impact === "serious" || v.impact === "critical");

/** Waits (up to 2 s) for the preview's figure `name` to read `text`, then checks it: the preview updates just after the keystroke is drawn. */
async function shows(page: Page, name: string, text: string): Promise<void> {
  const el = page.getByTestId(`preview-${name}`);
  await page
    .waitForFunction(
      ({ id, want }) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
      { id: `preview-${name}`, want: text },
      { timeout: 2000 }
    )
    .catch(() => undefined);
  await expect(el.textContent()).resolves.toBe(text);
}

/** Types `text` into the field key by key, and returns ms from the last keystroke to `figureName` showing `expected`. */
async function typeAndTime(page: Page, label: string, text: string, figureName: string, expected: string): Promise<number> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill("");
  // Watch the figure from inside the page: the time between the last input event and the text.
  await page.evaluate(
    ({ name, want }) => {
      const w = window as any;
      // One watcher at a time: the previous call's listener and observer go.
      w.__watch?.stop();
      w.__lastInput = 0;
      w.__shownAt = 0;
      const onInput = () => (w.__lastInput = performance.now());
      document.addEventListener("input", onInput, { capture: true });
      const check = () => {
        const el = document.querySelector(`[data-testid="preview-${name}"]`);
        if (el && el.textContent === want && w.__lastInput && !w.__shownAt) w.__shownAt = performance.now();
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      w.__watch = { stop: () => (observer.disconnect(), document.removeEventListener("input", onInput, { capture: true })) };
    },
    { name: figureName, want: expected }
  );
  await field.pressSequentially(text);
  await page.waitForFunction(() => (window as any).__shownAt > 0, undefined, { timeout: 5000 });
  return page.evaluate(() => Math.round(((window as any).__shownAt - (window as any).__lastInput) * 10) / 10);
}

suite("the pane answers as you type", () => {
  let server: { url: string; close: () => Promise<void> };
  const timings: Record<string, number> = {};

  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error(`no built task pane in ${DIST}: build first (npm run build, or set HBP_DIST)`);
    server = await serve(DIST);
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await server?.close();
    if (Object.keys(timings).length) console.log(`preview: ms from the last keystroke to the figure shown: ${JSON.stringify(timings)}`);
  });

  test("in a plain browser: the preview follows the typing, the values survive a reload, Reset restores the defaults", async () => {
    const s = await open(server.url, false);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      await s.page.getByRole("button", { name: "Fill in Income Goal" }).click();
      // The defaults: 36000 a year is 36000 / 12 = 3000 a month.
      await shows(s.page, "GoalMonth", "$3,000.00");
      await expect(s.page.getByLabel("Day count").inputValue()).resolves.toBe("360-day year (30-day months)");

      // 60000 a year: 60000 / 12 = 5000 a month; / 52 = 1153.846 a week; / 360 = 166.667 a day;
      // / (5 x 52 = 260) = 230.769 a workday.
      timings.incomeGoal = await typeAndTime(s.page, "Income goal", "60000", "GoalMonth", "$5,000.00");
      await shows(s.page, "GoalYear", "$60,000.00");
      await shows(s.page, "GoalWeek", "$1,153.85");
      await shows(s.page, "GoalDay", "$166.67");
      await shows(s.page, "GoalWorkday", "$230.77");
      // The day count, chosen in words: 60000 / 365 = 164.384 a day.
      await s.page.getByLabel("Day count").selectOption("365-day year");
      await shows(s.page, "GoalDay", "$164.38");
      // Growth typed as a percentage: 1000 x 1.2^n >= 3000 -> n = ln 3 / ln 1.2 = 6.03 -> 7 months.
      timings.monthlyGrowth = await typeAndTime(s.page, "Monthly growth of business income", "20%", "MonthsToReplace", "7");
      // A value that is not valid yet keeps the last figures, and says so.
      await s.page.getByLabel("Income goal", { exact: true }).fill("60000x");
      await s.page.getByText("Not updated: a value above is not valid yet.").waitFor();
      await shows(s.page, "GoalMonth", "$5,000.00");
      await s.page.getByLabel("Income goal", { exact: true }).fill("60000");
      await s.page.getByText("The sheet will show these figures.").waitFor();
      // As the pane looks while typing: the preview stays at the bottom of the pane over the fields.
      await s.page.getByLabel("Income goal", { exact: true }).scrollIntoViewIfNeeded();
      await s.page.screenshot({ path: path.join(SHOTS, "taskpane-preview.png") });
      expect(serious(await axeViolations(s.page))).toEqual([]);

      // Remembered across a reload (outside Office: the browser's local storage).
      await s.page.reload();
      await s.page.waitForSelector(GALLERY_BUTTON);
      await s.page.getByRole("button", { name: "Fill in Income Goal" }).click();
      await expect(s.page.getByLabel("Income goal", { exact: true }).inputValue()).resolves.toBe("60000");
      await expect(s.page.getByLabel("Day count").inputValue()).resolves.toBe("365-day year");
      await expect(s.page.getByLabel("Monthly growth of business income", { exact: true }).inputValue()).resolves.toBe("20%");
      await shows(s.page, "GoalMonth", "$5,000.00");
      await shows(s.page, "MonthsToReplace", "7");
      const stored = await s.page.evaluate(() => JSON.parse(localStorage.getItem("bizplan.form.income-goal") ?? "null"));
      expect(stored).toMatchObject({ GoalAmount: "60000", Basis: "365-day year", MonthlyGrowth: "20%" });

      // Reset to defaults: the defaults and their figures, and nothing remembered after another reload.
      await s.page.getByRole("button", { name: "Reset to defaults" }).click();
      await expect(s.page.getByLabel("Income goal", { exact: true }).inputValue()).resolves.toBe("36000");
      await expect(s.page.getByLabel("Day count").inputValue()).resolves.toBe("360-day year (30-day months)");
      await shows(s.page, "GoalMonth", "$3,000.00");
      await shows(s.page, "MonthsToReplace", "12"); // ln 3 / ln 1.1 = 11.53 -> 12
      await s.page.reload();
      await s.page.getByRole("button", { name: "Fill in Income Goal" }).click();
      await expect(s.page.getByLabel("Income goal", { exact: true }).inputValue()).resolves.toBe("36000");
      await expect(s.page.evaluate(() => localStorage.getItem("bizplan.form.income-goal"))).resolves.toBeNull();

      // Another template remembers its own values: the funnel's income goal, 3000 at $100 keeping
      // 30% -> 3000 / 30 = 100 sales; 100 / 0.4 = 250, / 0.5 = 500, / 0.35 = 1428.6 -> 1429, / 0.1 = 14290.
      await s.page.getByRole("button", { name: "Back to templates" }).click();
      await s.page.getByRole("button", { name: "Fill in Sales Funnel" }).click();
      await shows(s.page, "FunnelTop", "2,000"); // 14 sales: 35, 70, 200, 2000
      await s.page.getByLabel("Goal in").selectOption("income");
      await shows(s.page, "SalesGoal", "100");
      await shows(s.page, "FunnelTop", "14,290");
      expect(s.offMachine).toEqual([]);
      // open() keeps office.js's CSP-refused telemetry frame apart: refused by the page's own policy, not an error of the pane.
      expect(s.consoleErrors).toEqual([]);
      for (const m of s.blockedOfficeTelemetry) expect(m).toContain(`"default-src 'self' https://appsforoffice.microsoft.com"`);
    } finally {
      await s.context.close();
    }
  });

  test("the Functions tab's search filters the list by name and description", async () => {
    const s = await open(server.url, false);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      await s.page.getByRole("tab", { name: "Functions" }).click();
      const items = s.page.locator('ul[aria-label="BIZ functions"] > li h3');
      await items.first().waitFor();
      const all = await items.count();
      const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8"));
      expect(all).toBe(metadata.functions.length);
      const search = s.page.getByRole("searchbox", { name: "Search functions" });
      await search.fill("needed");
      // By name: SALESNEEDED, LEADSNEEDED, TEAMNEEDED, LEVELSNEEDED, RECRUITSNEEDED (and any description saying "needed").
      const byName = metadata.functions.filter((f: any) => `${f.name} ${f.description}`.toLowerCase().includes("needed")).map((f: any) => f.name);
      expect(byName).toEqual(expect.arrayContaining(["SALESNEEDED", "LEADSNEEDED", "TEAMNEEDED", "LEVELSNEEDED", "RECRUITSNEEDED"]));
      await expect(items.allTextContents()).resolves.toEqual(byName.map((n: string) => expect.stringMatching(new RegExp(`^BIZ\\.${n}\\(`))));
      await expect(s.page.getByTestId("function-count").textContent()).resolves.toBe(`${byName.length} of ${all} functions match.`);
      // Words of a description, in any order: only LEVELSNEEDED's says "The fewest levels of a full downline".
      await search.fill("levels fewest");
      await expect(items.allTextContents()).resolves.toEqual([expect.stringMatching(/^BIZ\.LEVELSNEEDED\(/)]);
      await s.page.screenshot({ path: path.join(SHOTS, "taskpane-function-search.png") });
      await search.fill("zebra");
      await expect(items.count()).resolves.toBe(0);
      await expect(s.page.getByTestId("function-count").textContent()).resolves.toBe('No function matches "zebra".');
      await search.fill("");
      await expect(items.count()).resolves.toBe(all);
      expect(serious(await axeViolations(s.page))).toEqual([]);
      // open() keeps office.js's CSP-refused telemetry frame apart: refused by the page's own policy, not an error of the pane.
      expect(s.consoleErrors).toEqual([]);
      for (const m of s.blockedOfficeTelemetry) expect(m).toContain(`"default-src 'self' https://appsforoffice.microsoft.com"`);
    } finally {
      await s.context.close();
    }
  });

  test("in Excel: the preview shows the figures before inserting, the values are kept in the document's settings", async () => {
    const s = await open(server.url, true);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      await s.page.getByRole("button", { name: "Fill in Income Goal" }).click();
      await s.page.waitForFunction(() => !(document.querySelector("button[type=submit]") as HTMLButtonElement)?.disabled);
      timings.inExcel = await typeAndTime(s.page, "Income goal", "60000", "GoalMonth", "$5,000.00");
      // Nothing reached Excel while typing.
      await expect(s.page.evaluate(() => ({ runs: (window as any).__recorder.runs, calls: (window as any).__recorder.calls.length }))).resolves.toEqual({
        runs: 0,
        calls: 0,
      });
      // The document's settings are written once typing pauses (saveAsync), not local storage.
      await s.page.waitForFunction(() => (window as any).__documentSettings.saves > 0);
      const saved = await s.page.evaluate(() => (window as any).__documentSettings.saved());
      expect(JSON.parse(saved["bizplan.form.income-goal"])).toMatchObject({ GoalAmount: "60000" });
      await expect(s.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("bizplan.")))).resolves.toEqual([]);

      await s.page.reload();
      await s.page.getByRole("button", { name: "Fill in Income Goal" }).click();
      await expect(s.page.getByLabel("Income goal", { exact: true }).inputValue()).resolves.toBe("60000");
      await shows(s.page, "GoalMonth", "$5,000.00");
      await s.page.waitForFunction(() => !(document.querySelector("button[type=submit]") as HTMLButtonElement)?.disabled);
      await s.page.getByRole("button", { name: "Insert into workbook" }).click();
      await s.page.getByTestId("insert-outcome").waitFor();
      const rec = await s.page.evaluate(() => {
        const r = (window as any).__recorder;
        const ref: string = r.state.names.get("GoalMonth");
        return {
          syncs: r.syncs,
          runs: r.runs,
          goalAmount: r.calls
            .filter((c: any) => c.op === "formulas")
            .flatMap((c: any) => c.args[0].flat())
            .includes(60000),
          goalMonthRef: ref,
        };
      });
      expect(rec).toMatchObject({ syncs: 2, runs: 1, goalAmount: true });
      expect(rec.goalMonthRef).toMatch(/Income Goal/);
      await s.page.screenshot({ path: path.join(SHOTS, "taskpane-preview-excel.png") });
      expect(s.offMachine).toEqual([]);
      expect(s.consoleErrors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });
});
