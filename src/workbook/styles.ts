import { Format, Role } from "../templates/model";
import { Currency, DEFAULT_CURRENCY, currencyFormat, findCurrency } from "./currency";

/**
 * How roles and formats look, written once for both writers so a template reads the same whether
 * the task pane inserted it or the CLI wrote it: inputs are pale yellow with blue text (the usual
 * financial-model convention for "type here"), outputs pale green and bold.
 */
export interface Look {
  readonly fill?: string; // "#RRGGBB"
  readonly fontColor?: string;
  readonly bold?: boolean;
  readonly size?: number;
  readonly italic?: boolean;
}

export const LOOKS: Readonly<Record<Role, Look>> = {
  title: { bold: true, size: 16, fontColor: "#1F4E79" },
  heading: { bold: true, size: 12, fontColor: "#1F4E79", fill: "#DDEBF7" },
  label: {},
  input: { fill: "#FFF2CC", fontColor: "#0000FF" },
  output: { fill: "#E2EFDA", bold: true },
  note: { italic: true, fontColor: "#595959" },
};

/**
 * Excel number formats for a given money format; the same strings work in Office.js numberFormat
 * and exceljs numFmt. Money's format is the writer's to choose (currency.ts): a chosen currency in
 * the CLI, the workbook's culture in the task pane.
 */
export function numberFormats(money: string): Readonly<Record<Format, string>> {
  return { currency: money, percent: "0.0%", integer: "#,##0", number: "#,##0.00", text: "@" };
}

/** The formats with money in US dollars, as Excel writes "$ English (United States)": the CLI's default where the machine names no currency. */
export const NUMBER_FORMATS: Readonly<Record<Format, string>> = numberFormats(currencyFormat(findCurrency(DEFAULT_CURRENCY) as Currency));
