import fs from "fs";
import path from "path";
import { CHROMIUM, DIST, haveChromium, open, serve } from "./harness";
import { incomeGoal } from "../../src/templates/income-goal";

/**
 * The built task pane inserting Income Goal into a fake Excel whose culture is de-DE (the
 * recording stand-in's cultureInfo, behind Office.context.requirements as in Excel). The number
 * formats it requests are read back from the recorder: money as German Excel writes its own
 * Currency format, `#,##0.00 "€"` (1.234,56 € on screen: Excel applies the separators), in the
 * same two syncs; on a host without ExcelApi 1.11 (Excel 2019), money without a symbol.
 */

if (!haveChromium) console.warn(`SKIPPED test/browser/currency.test.ts: ${CHROMIUM} is missing (apt-get install chromium).`);
const suite = haveChromium ? describe : describe.skip;

interface Requested {
  syncs: number;
  runs: number;
  formats: string[];
  cultureLoads: { batch: number; target: string; props: string }[];
  goalMonth?: string;
  consoleErrors?: string[];
}

suite("task pane: money in the workbook's culture", () => {
  let server: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error(`no built task pane in ${DIST}: build first (npm run build, or set HBP_DIST)`);
    server = await serve(DIST);
  });
  afterAll(async () => {
    await server?.close();
  });

  async function insertWith(workbook: Record<string, unknown>): Promise<Requested> {
    const s = await open(server.url, true, workbook);
    try {
      await s.page.goto(`${server.url}/taskpane.html`);
      await s.page.getByRole("button", { name: `Fill in ${incomeGoal.title}` }).click();
      await s.page.waitForFunction(() => !(document.querySelector("button[type=submit]") as HTMLButtonElement)?.disabled);
      await s.page.getByRole("button", { name: "Insert into workbook" }).click();
      const outcome = s.page.getByTestId("insert-outcome");
      await outcome.waitFor();
      await expect(outcome.textContent()).resolves.toContain(`on the new sheet "${incomeGoal.title}"`);
      const requested: Requested = await s.page.evaluate(() => {
        const r = (window as any).__recorder;
        const ref: string = r.state.names.get("GoalMonth");
        return {
          syncs: r.syncs,
          runs: r.runs,
          formats: r.calls.filter((c: any) => c.op === "numberFormat").flatMap((c: any) => (c.args[0] as unknown[][]).flat().filter((f) => f !== null)),
          cultureLoads: r.calls
            .filter((c: any) => c.target === "cultureInfo" || c.target === "numberFormat")
            .map((c: any) => ({ batch: c.batch, target: c.target, props: c.args[0] })),
          goalMonth: r.cell(ref.slice(0, ref.lastIndexOf("!")).replace(/^'|'$/g, ""), ref.slice(ref.lastIndexOf("!") + 1))?.numberFormat,
        };
      });
      requested.consoleErrors = s.consoleErrors;
      return requested;
    } finally {
      await s.context.close();
    }
  }

  test("de-DE with ExcelApi 1.17: every money format is the euro after the number, read in the first of two syncs", async () => {
    const r = await insertWith({ culture: { name: "de-DE", currencySymbol: "€", decimalSeparator: ",", groupSeparator: "." } });
    expect([r.runs, r.syncs]).toEqual([1, 2]);
    expect(r.cultureLoads).toEqual([
      { batch: 1, target: "cultureInfo", props: "name" },
      { batch: 1, target: "numberFormat", props: "currencySymbol" },
    ]);
    expect(r.goalMonth).toBe('#,##0.00 "€"');
    const used = [...new Set(r.formats)].sort();
    // Money, rates and counts, and no dollar anywhere.
    expect(used).toEqual(['#,##0.00 "€"', "#,##0", "#,##0.00", "0.0%", "@"].sort());
    expect(r.consoleErrors).toEqual([]);
  });

  test("de-DE on Excel 2019 (ExcelApi 1.8): the culture is not asked for and money has no symbol", async () => {
    const r = await insertWith({ excelApi: "1.8", culture: { name: "de-DE", currencySymbol: "€" } });
    expect([r.runs, r.syncs]).toEqual([1, 2]);
    expect(r.cultureLoads).toEqual([]);
    expect(r.goalMonth).toBe("#,##0.00");
    expect(r.formats.some((f) => /[$€]/.test(f))).toBe(false);
    expect(r.consoleErrors).toEqual([]);
  });
});
