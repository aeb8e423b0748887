/**
 * Money in the user's currency. Two ways to a number format for money cells, both built by
 * `moneyFormat` below:
 *
 * - A chosen currency (the CLI's `--currency EUR`): the format Excel itself writes when that
 *   currency is picked in Format Cells > Currency > Symbol, `[$£-809]#,##0.00`: the symbol in the
 *   `[$symbol-locale]` tag (the locale as a Windows LCID in hex, or Excel's `x-euro2` for
 *   "€ Euro (€ 123)"), on the side and with the spacing of that entry.
 * - The workbook's own culture (the task pane, from Excel's cultureInfo): the symbol quoted, on the
 *   side the culture writes it (`#,##0.00 "€"` for de-DE, `"$"#,##0.00` for en-US), as Excel writes
 *   its own Currency format for the locale.
 *
 * Decimal and thousands separators are never in question: both writers set the format in Excel's
 * invariant (en-US) codes (Office.js `numberFormat`, the file's numFmt), and Excel shows `#,##0.00`
 * with the separators of the user's locale. Decimals are the currency's own minor unit, as Intl
 * (ISO 4217 through CLDR) gives it: 2 for most, 0 for JPY and KRW.
 */

export interface Currency {
  /** ISO 4217 code. */
  readonly code: string;
  readonly name: string;
  readonly symbol: string;
  /** The locale part of Excel's `[$symbol-tag]`: a Windows LCID in hex ([MS-LCID]), or `x-euro2`. */
  readonly tag: string;
  /** The locale whose currency entry this is, as a BCP 47 name (none for Excel's generic euro). */
  readonly locale?: string;
  /** The symbol follows the number (123 kr). */
  readonly after?: boolean;
  /** A space between symbol and number (€ 123, ₹ 123). */
  readonly space?: boolean;
}

/**
 * The currencies `--currency` takes, each as Excel's Format Cells > Currency list writes it. The
 * LCIDs are Microsoft's ([MS-LCID]: 0x409 en-US, 0x809 en-GB, 0x411 ja-JP, 0x4009 en-IN, ...);
 * which side the symbol goes agrees with CLDR for that locale (test/workbook/currency.test.ts
 * checks it against Intl).
 */
export const CURRENCIES: readonly Currency[] = [
  { code: "USD", name: "US dollar", symbol: "$", tag: "409", locale: "en-US" },
  { code: "EUR", name: "euro", symbol: "€", tag: "x-euro2", space: true },
  { code: "GBP", name: "pound sterling", symbol: "£", tag: "809", locale: "en-GB" },
  { code: "JPY", name: "Japanese yen", symbol: "¥", tag: "411", locale: "ja-JP" },
  { code: "INR", name: "Indian rupee", symbol: "₹", tag: "4009", locale: "en-IN", space: true },
  { code: "CAD", name: "Canadian dollar", symbol: "$", tag: "1009", locale: "en-CA" },
  { code: "AUD", name: "Australian dollar", symbol: "$", tag: "C09", locale: "en-AU" },
  { code: "NZD", name: "New Zealand dollar", symbol: "$", tag: "1409", locale: "en-NZ" },
  { code: "SGD", name: "Singapore dollar", symbol: "$", tag: "4809", locale: "en-SG" },
  { code: "HKD", name: "Hong Kong dollar", symbol: "HK$", tag: "C04", locale: "zh-HK" },
  { code: "CHF", name: "Swiss franc", symbol: "CHF", tag: "807", locale: "de-CH", space: true },
  { code: "CNY", name: "Chinese yuan", symbol: "¥", tag: "804", locale: "zh-CN" },
  { code: "KRW", name: "South Korean won", symbol: "₩", tag: "412", locale: "ko-KR" },
  { code: "SEK", name: "Swedish krona", symbol: "kr", tag: "41D", locale: "sv-SE", after: true, space: true },
  { code: "PLN", name: "Polish zloty", symbol: "zł", tag: "415", locale: "pl-PL", after: true, space: true },
  { code: "BRL", name: "Brazilian real", symbol: "R$", tag: "416", locale: "pt-BR", space: true },
  { code: "MXN", name: "Mexican peso", symbol: "$", tag: "80A", locale: "es-MX" },
];

export const DEFAULT_CURRENCY = "USD";

/** The format for money where nothing says which currency: no symbol, two decimals. */
export const NEUTRAL_MONEY_FORMAT = "#,##0.00";

export function findCurrency(code: string): Currency | undefined {
  const key = code.trim().toUpperCase();
  return CURRENCIES.find((c) => c.code === key);
}

/** The currency's minor unit (decimals) per ISO 4217, as Intl knows it; 2 when Intl does not know the code. */
export function currencyDigits(code: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The one builder of money formats: `#,##0` plus the decimals, and the symbol on its side. */
export function moneyFormat(parts: { symbol: string; after?: boolean; space?: boolean; digits: number }): string {
  const number = parts.digits > 0 ? `#,##0.${"0".repeat(parts.digits)}` : "#,##0";
  const gap = parts.space ? " " : "";
  return parts.after ? `${number}${gap}${parts.symbol}` : `${parts.symbol}${gap}${number}`;
}

/** Excel's format for a chosen currency: `[$£-809]#,##0.00`. */
export function currencyFormat(currency: Currency): string {
  return moneyFormat({ symbol: `[$${currency.symbol}-${currency.tag}]`, after: currency.after, space: currency.space, digits: currencyDigits(currency.code) });
}

/**
 * The region (ISO 3166) -> its currency, for the regions whose currency `CURRENCIES` has or that a
 * culture is likely to name. A region left out has no currency here: the CLI then uses USD, and the
 * task pane the neutral format unless Excel gives the symbol.
 */
const REGION_CURRENCY: Readonly<Record<string, string>> = {
  US: "USD",
  PR: "USD",
  EC: "USD",
  SV: "USD",
  PA: "USD",
  // The euro area (20 members since 2023) and the euro's other users.
  AT: "EUR",
  BE: "EUR",
  HR: "EUR",
  CY: "EUR",
  EE: "EUR",
  FI: "EUR",
  FR: "EUR",
  DE: "EUR",
  GR: "EUR",
  IE: "EUR",
  IT: "EUR",
  LV: "EUR",
  LT: "EUR",
  LU: "EUR",
  MT: "EUR",
  NL: "EUR",
  PT: "EUR",
  SK: "EUR",
  SI: "EUR",
  ES: "EUR",
  AD: "EUR",
  MC: "EUR",
  SM: "EUR",
  VA: "EUR",
  ME: "EUR",
  XK: "EUR",
  GB: "GBP",
  IM: "GBP",
  JE: "GBP",
  GG: "GBP",
  JP: "JPY",
  IN: "INR",
  CA: "CAD",
  AU: "AUD",
  NZ: "NZD",
  SG: "SGD",
  HK: "HKD",
  CH: "CHF",
  LI: "CHF",
  CN: "CNY",
  KR: "KRW",
  SE: "SEK",
  PL: "PLN",
  BR: "BRL",
  MX: "MXN",
  // Not in CURRENCIES: the task pane formats them from the culture; the CLI falls back to USD.
  NO: "NOK",
  DK: "DKK",
  IS: "ISK",
  CZ: "CZK",
  HU: "HUF",
  RO: "RON",
  BG: "BGN",
  RS: "RSD",
  UA: "UAH",
  TR: "TRY",
  IL: "ILS",
  AE: "AED",
  SA: "SAR",
  EG: "EGP",
  ZA: "ZAR",
  NG: "NGN",
  KE: "KES",
  GH: "GHS",
  MA: "MAD",
  AR: "ARS",
  CL: "CLP",
  CO: "COP",
  PE: "PEN",
  TW: "TWD",
  TH: "THB",
  MY: "MYR",
  ID: "IDR",
  PH: "PHP",
  VN: "VND",
  PK: "PKR",
  BD: "BDT",
  LK: "LKR",
};

/**
 * A locale's currency: its region's (the region subtag, or the likely region of a bare language:
 * "de" -> DE), or undefined when it names none that is known.
 */
export function localeCurrency(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    const given = new Intl.Locale(locale.replace(/_/g, "-"));
    // "und" (no language) would maximize to en-US: it names nothing.
    const region = given.region ?? (!given.language || given.language === "und" ? undefined : given.maximize().region);
    return region ? REGION_CURRENCY[region.toUpperCase()] : undefined;
  } catch {
    return undefined;
  }
}

/** The CLI's default currency: the machine locale's when `CURRENCIES` has it, else USD. */
export function defaultCurrency(locale: string | undefined): Currency {
  return findCurrency(localeCurrency(locale) ?? "") ?? (findCurrency(DEFAULT_CURRENCY) as Currency);
}

/** What Excel says of its culture (Application.cultureInfo); `currencySymbol` only from ExcelApi 1.17. */
export interface Culture {
  readonly name: string;
  readonly currencySymbol?: string;
}

/**
 * The money format for a workbook's culture: the symbol (Excel's own from ExcelApi 1.17, else the
 * culture's symbol for its region's currency) quoted, on the side and with the spacing the culture
 * writes it (CLDR, through Intl), with that currency's decimals. The neutral format when the culture
 * names no currency and Excel gave no symbol.
 */
export function cultureMoneyFormat(culture: Culture | undefined): string {
  if (!culture) return NEUTRAL_MONEY_FORMAT;
  const code = localeCurrency(culture.name);
  const given = culture.currencySymbol?.trim();
  if (!code && !given) return NEUTRAL_MONEY_FORMAT;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(culture.name, { style: "currency", currency: code ?? DEFAULT_CURRENCY }).formatToParts(1234.5);
  } catch {
    parts = new Intl.NumberFormat("en-US", { style: "currency", currency: code ?? DEFAULT_CURRENCY }).formatToParts(1234.5);
  }
  const at = parts.findIndex((p) => p.type === "currency");
  const first = parts.findIndex((p) => p.type === "integer");
  const after = at > first;
  const between = after ? parts.slice(first, at) : parts.slice(at + 1, first);
  const space = between.some((p) => p.type === "literal" && /\s/.test(p.value));
  const symbol = given || parts[at].value.normalize("NFKC");
  return moneyFormat({ symbol: quoted(symbol), after, space, digits: code ? currencyDigits(code) : 2 });
}

/** A literal in a number format: in double quotes, which a symbol cannot hold. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, "")}"`;
}
