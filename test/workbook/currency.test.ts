import { incomeGoal } from "../../src/templates/income-goal";
import { validateInputs } from "../../src/templates/inputs";
import { WorkbookError, writeWorkbook } from "../../src/workbook/xlsx";
import {
  CURRENCIES,
  NEUTRAL_MONEY_FORMAT,
  cultureMoneyFormat,
  currencyDigits,
  currencyFormat,
  defaultCurrency,
  findCurrency,
  localeCurrency,
} from "../../src/workbook/currency";

/**
 * The currency table against a second source: CLDR's conventions for the locale each entry names,
 * as Node's Intl formats them. The table is Excel's (its Format Cells > Currency list); where the
 * two could disagree on which side the symbol goes, one of them is wrong.
 */

const sideInLocale = (locale: string, code: string) => {
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency: code }).formatToParts(1234.5);
  return parts.findIndex((p) => p.type === "currency") > parts.findIndex((p) => p.type === "integer") ? "after" : "before";
};

describe("the currency table", () => {
  test.each(CURRENCIES.filter((c) => c.locale).map((c) => [c.code, c] as const))(
    "%s: the symbol is on the side its locale writes it, and is that locale's symbol",
    (_, c) => {
      expect(sideInLocale(c.locale as string, c.code)).toBe(c.after ? "after" : "before");
      const symbol = new Intl.NumberFormat(c.locale, { style: "currency", currency: c.code }).formatToParts(1).find((p) => p.type === "currency")?.value;
      // ja-JP writes the full-width yen sign (U+FFE5); Excel's list has the ordinary one (U+00A5).
      expect(symbol?.normalize("NFKC")).toBe(c.symbol);
    }
  );

  test("codes are unique ISO 4217 codes that Intl knows", () => {
    const codes = CURRENCIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const iso = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf("currency");
    for (const code of codes) expect([code, iso.includes(code)]).toEqual([code, true]);
  });

  test("decimals are the currency's minor unit (ISO 4217): 0 for the yen and the won, 2 for the others here", () => {
    expect(CURRENCIES.filter((c) => currencyDigits(c.code) === 0).map((c) => c.code)).toEqual(["JPY", "KRW"]);
    expect(CURRENCIES.every((c) => [0, 2].includes(currencyDigits(c.code)))).toBe(true);
    expect(currencyFormat(findCurrency("KRW")!)).toBe("[$₩-412]#,##0");
    expect(currencyFormat(findCurrency("SEK")!)).toBe("#,##0.00 [$kr-41D]");
    expect(currencyFormat(findCurrency("CHF")!)).toBe("[$CHF-807] #,##0.00");
  });

  test("codes are found whatever their case and spacing; anything else is not", () => {
    expect(findCurrency(" eur ")?.code).toBe("EUR");
    expect(findCurrency("EURO")).toBeUndefined();
    expect(findCurrency("")).toBeUndefined();
  });
});

describe("a locale's currency", () => {
  test.each([
    ["de-DE", "EUR"],
    ["fr-BE", "EUR"],
    ["en-IE", "EUR"],
    ["en-GB", "GBP"],
    ["en-US", "USD"],
    ["en", "USD"], // English's likely region is the US
    ["ja", "JPY"],
    ["de", "EUR"],
    ["hi-IN", "INR"],
    ["pt_BR", "BRL"],
    ["nb-NO", "NOK"],
    ["es-419", undefined], // Latin America is not one country
    ["und", undefined],
    ["not a locale", undefined],
    [undefined, undefined],
  ])("%p -> %p", (locale, code) => {
    expect(localeCurrency(locale)).toBe(code);
  });

  test("the CLI's default is the locale's currency where the table has it, else USD", () => {
    expect(defaultCurrency("de-DE").code).toBe("EUR");
    expect(defaultCurrency("nb-NO").code).toBe("USD");
    expect(defaultCurrency(undefined).code).toBe("USD");
  });
});

describe("a culture's money format", () => {
  test.each([
    // name, symbol from Excel (ExcelApi 1.17) or none, the format written out by hand
    ["fr-FR", undefined, '#,##0.00 "€"'], // 1 234,50 €
    ["de-CH", undefined, '"CHF" #,##0.00'], // CHF 1’234.50
    ["sv-SE", "kr", '#,##0.00 "kr"'], // 1 234,50 kr
    ["nb-NO", undefined, '#,##0.00 "kr"'], // CLDR nb: 1 234,50 kr (not in the CLI table: formatted from the culture)
    ["en-IN", undefined, '"₹"#,##0.00'],
    ["ko-KR", undefined, '"₩"#,##0'],
    ["es-419", "$", '"$" #,##0.00'], // no country, but Excel gave a symbol: es-419's side and space (USD 1,234.50), two decimals
  ])("%s (symbol %p) -> %s", (name, currencySymbol, expected) => {
    expect(cultureMoneyFormat({ name, currencySymbol })).toBe(expected);
  });

  test("no culture, or one that names no currency and comes without a symbol: no symbol at all", () => {
    expect(cultureMoneyFormat(undefined)).toBe(NEUTRAL_MONEY_FORMAT);
    expect(cultureMoneyFormat({ name: "es-419" })).toBe("#,##0.00");
    expect(cultureMoneyFormat({ name: "und", currencySymbol: " " })).toBe("#,##0.00");
  });

  test("a quote in a symbol cannot break out of the format's literal", () => {
    expect(cultureMoneyFormat({ name: "en-US", currencySymbol: 'US"$' })).toBe('"US$"#,##0.00');
  });
});

describe("the .xlsx writer's currency option", () => {
  const entries = [{ template: incomeGoal, values: validateInputs(incomeGoal, {}).values }];
  test("a code it cannot write is refused before anything is built", async () => {
    await expect(writeWorkbook(entries, { currency: "XYZ" })).rejects.toThrow(WorkbookError);
    await expect(writeWorkbook(entries, { currency: "XYZ" })).rejects.toThrow('"XYZ" is not a currency the workbook can be written in');
  });
});
