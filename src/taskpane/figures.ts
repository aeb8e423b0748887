import { CellValue, Format } from "../templates/model";

/**
 * A figure as the sheet shows it, for the form's live preview: the writers' number formats
 * (src/workbook/styles.ts: "$#,##0.00", "0.0%", "#,##0", "#,##0.00") rendered in the pane, so
 * the preview reads like the cell it stands for. Text (a "Never", a model's name) is shown as is.
 */
const grouped = (digits: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const TWO = grouped(2);
const ONE = grouped(1);
const NONE = grouped(0);

export function formatFigure(value: CellValue, format?: Format): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  // Excel shows -0.004 as -$0.00; a preview reads better without the sign of a rounded-away amount.
  const clean = (s: string) => (/^-[$]?0(\.0+)?%?$/.test(s) ? s.slice(1) : s);
  switch (format) {
    case "currency":
      return clean(value < 0 ? `-$${TWO.format(-value)}` : `$${TWO.format(value)}`);
    case "percent":
      return clean(`${ONE.format(value * 100)}%`);
    case "integer":
      return clean(NONE.format(value));
    case "text":
      return String(value);
    default:
      return clean(TWO.format(value));
  }
}
