import { businessModel } from "../../src/templates/business-model";
import { incomeGoal } from "../../src/templates/income-goal";
import { validateInputs } from "../../src/templates/inputs";
import { insertTemplate } from "../../src/workbook/officejs";
import { RecorderOptions, createRecorder } from "./excel-recorder";
import { fixtureValues, officeFixture } from "./fixture-template.officejs";

/**
 * The task pane's money cells in the workbook's own currency: the culture is read in the first
 * sync (never an extra one), and a host without ExcelApi 1.11 gets money without a symbol.
 *
 * The expected formats are written out by hand from how each culture writes money (CLDR, and
 * Excel's own Currency format for the locale, which quotes the symbol): de-DE "1.234,56 €" (after,
 * with a space), en-GB "£1,234.56", ja-JP "¥1,235" (the yen has no minor unit in ISO 4217),
 * nl-NL "€ 1.234,56" (before, with a space). Separators are never in the code: Office.js
 * `numberFormat` takes invariant codes and Excel shows them with the culture's separators.
 */

async function moneyFormatOf(options: RecorderOptions) {
  const rec = createRecorder(options);
  await insertTemplate(officeFixture(), fixtureValues(), rec.excel);
  return { rec, format: rec.cell("Income Goal", "B3")?.numberFormat };
}

const cultureLoads = (rec: ReturnType<typeof createRecorder>) => rec.calls.filter((c) => c.target === "cultureInfo" || c.target === "numberFormat");

describe("money in the workbook's culture", () => {
  test.each([
    ["de-DE", "€", '#,##0.00 "€"'],
    ["en-GB", "£", '"£"#,##0.00'],
    ["ja-JP", "¥", '"¥"#,##0'],
    ["nl-NL", "€", '"€" #,##0.00'],
    ["en-US", "$", '"$"#,##0.00'],
  ])("%s with ExcelApi 1.17: Excel's symbol %s on the culture's side", async (name, currencySymbol, expected) => {
    const { rec, format } = await moneyFormatOf({ culture: { name, currencySymbol } });
    expect(format).toBe(expected);
    // Read with the rest of the first sync: still one run and two syncs.
    expect(rec.runs).toBe(1);
    expect(rec.syncs).toBe(2);
    expect(cultureLoads(rec).map((c) => [c.batch, c.target, c.args[0]])).toEqual([
      [1, "cultureInfo", "name"],
      [1, "numberFormat", "currencySymbol"],
    ]);
  });

  test("Excel's symbol wins over the culture's usual one (a user's own regional setting)", async () => {
    const { format } = await moneyFormatOf({ culture: { name: "de-DE", currencySymbol: "EUR" } });
    expect(format).toBe('#,##0.00 "EUR"');
  });

  test("ExcelApi 1.11 to 1.16: the culture's name gives the currency and its symbol; currencySymbol is not asked for", async () => {
    // The stand-in fails a sync that loads currencySymbol below 1.17, as Excel does (ApiNotFound).
    const { rec, format } = await moneyFormatOf({ excelApi: "1.16", culture: { name: "de-DE", currencySymbol: "€" } });
    expect(format).toBe('#,##0.00 "€"');
    expect(rec.syncs).toBe(2);
    expect(cultureLoads(rec).map((c) => c.args[0])).toEqual(["name"]);
  });

  test("without ExcelApi 1.11 (Excel 2019): money with no symbol, and the culture is never loaded", async () => {
    const { rec, format } = await moneyFormatOf({ excelApi: "1.8", culture: { name: "de-DE", currencySymbol: "€" } });
    expect(format).toBe("#,##0.00");
    expect(rec.syncs).toBe(2);
    expect(cultureLoads(rec)).toEqual([]);
  });

  test("a culture that names no known currency, and no symbol from Excel: money with no symbol", async () => {
    const { format } = await moneyFormatOf({ excelApi: "1.11", culture: { name: "und" } });
    expect(format).toBe("#,##0.00");
  });

  test("every money cell of a real template follows the culture; rates and counts keep their formats", async () => {
    const rec = createRecorder({ culture: { name: "de-DE", currencySymbol: "€" } });
    await insertTemplate(incomeGoal, validateInputs(incomeGoal, {}).values, rec.excel);
    const formats = rec.state.sheets[0].cells;
    const used = new Set([...formats.values()].map((c) => c.numberFormat).filter((f) => f !== undefined));
    expect(used.has('#,##0.00 "€"')).toBe(true);
    expect([...used].filter((f) => /[$]/.test(String(f)))).toEqual([]);
    expect(used.has("0.0%")).toBe(true);
  });
});

test.each(["₹500 a month", "¥5000", "£50 to £100"])("text that starts with an amount in any currency (%p) is written as text", async (typed) => {
  // Excel reads "¥5000" typed into a yen workbook as the number 5000; the apostrophe keeps it text.
  const { values } = validateInputs(businessModel, { MarketPays: typed });
  const rec = createRecorder();
  await insertTemplate(businessModel, values, rec.excel);
  const ref = rec.state.names.get("MarketPays")!;
  expect(rec.cell(businessModel.title, ref.slice(ref.lastIndexOf("!") + 1))?.formula).toBe(`'${typed}`);
});

describe("the stand-in's cultureInfo is as strict as Office.js", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const rec = createRecorder();
    await rec.excel.run(async (context: any) => {
      const info = context.application.cultureInfo;
      expect(() => info.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      info.load("name");
      expect(() => info.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(info.name).toBe("en-US");
      expect(() => info.numberFormat.currencySymbol).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  test("loading a property of a set the host lacks fails the sync with ApiNotFound", async () => {
    const rec = createRecorder({ excelApi: "1.12" });
    await expect(
      rec.excel.run(async (context: any) => {
        context.application.cultureInfo.numberFormat.load("currencySymbol");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    const old = createRecorder({ excelApi: "1.10" });
    await expect(
      old.excel.run(async (context: any) => {
        context.application.cultureInfo.load("name");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  test("a property that is not there fails the sync", async () => {
    const rec = createRecorder();
    await expect(
      rec.excel.run(async (context: any) => {
        context.application.cultureInfo.load("currencySymbol"); // it is on numberFormat
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  test("requirement sets are cumulative, up to the host's", () => {
    const rec = createRecorder({ excelApi: "1.11" });
    expect([
      rec.isSetSupported("ExcelApi", "1.8"),
      rec.isSetSupported("ExcelApi", "1.11"),
      rec.isSetSupported("ExcelApi", "1.12"),
      rec.isSetSupported("WordApi", "1.1"),
    ]).toEqual([true, true, false, false]);
  });
});
