import { contains, describe } from "../core/domains";
import { InputField, InputValues, Template } from "./model";

/**
 * Turns what a user typed (the task pane's form, the CLI's --set Name=Value) into a template's input
 * values, or into messages to show next to the fields. Every input is checked against the same core
 * domain the custom functions use, so a value the form accepts is one the formulas accept too.
 *
 * - A missing or blank input takes its default.
 * - Numbers may be typed as a spreadsheet user types them: 36000, 36,000, $1,200, €1,200, 30% (0.3). A
 *   percent sign is accepted only for a percentage and a currency sign only for money, so "30%" for
 *   an income goal is an error rather than a goal of 30 cents.
 * - A choice matches in any letter case and comes back as the template spells it ("Month" -> "month").
 * - A number input with options (the day count) takes an option's words in any letter case
 *   ("365-day year") or its number (1), and comes back as the number.
 * - A name the template does not have is an error under that name, listing the names it does have.
 * - Rules across inputs (a template's `check`) run once every input is fine on its own.
 *
 * Nothing is partly accepted: the caller writes nothing while `errors` has an entry.
 */
export interface Validated {
  /** Every input of the template: the value given, else its default (even when there are errors). */
  readonly values: InputValues;
  /** Input name -> a sentence for the user. Empty when the inputs can be written. */
  readonly errors: Readonly<Record<string, string>>;
}

/** Longest text input: a profile line, not an essay (a cell holds 32,767 characters). */
export const MAX_TEXT_LENGTH = 255;

export function validateInputs(template: Template, raw: Readonly<Record<string, unknown>>): Validated {
  const errors: Record<string, string> = {};
  const byName = new Map(template.inputs.map((f) => [f.name.toLowerCase(), f]));
  const given = new Map<string, unknown>();
  for (const [key, value] of Object.entries(raw)) {
    const field = byName.get(key.trim().toLowerCase());
    if (!field) {
      errors[key] = `There is no input named "${key}" in ${template.title}; its inputs are ${template.inputs.map((f) => f.name).join(", ")}.`;
    } else if (given.has(field.name)) {
      errors[field.name] = `${field.name} is given twice; give it once.`;
    } else given.set(field.name, value);
  }
  const values: Record<string, number | string> = {};
  for (const field of template.inputs) {
    const value = given.get(field.name);
    if (isBlank(value)) {
      values[field.name] = field.default;
      continue;
    }
    const result = readField(field, value);
    if ("error" in result) {
      errors[field.name] = result.error;
      values[field.name] = field.default;
    } else values[field.name] = result.value;
  }
  if (Object.keys(errors).length === 0 && template.check) Object.assign(errors, template.check(values));
  return { values, errors };
}

/** The one-line form of a Validated's errors, for the CLI: "GoalAmount: ...; WeeksOff: ...". */
export function errorSummary(errors: Readonly<Record<string, string>>): string {
  return Object.entries(errors)
    .map(([name, message]) => `${name}: ${message}`)
    .join("\n");
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

type Read = { value: number | string } | { error: string };

function readField(field: InputField, value: unknown): Read {
  switch (field.kind) {
    case "number":
      return readNumber(field, value);
    case "choice":
      return readChoice(field, value);
    case "text":
      return readText(field, value);
  }
}

function shown(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

function example(field: InputField): string {
  if (field.format === "currency") return "such as 36000 or 1,200";
  if (field.format === "percent") return "such as 30% or 0.3";
  return "such as 12";
}

/** The words a number option is shown with: "360-day year (30-day months)" for the day count's 0. */
export function optionLabel(field: InputField, value: number | string): string | undefined {
  return field.options?.find((o) => o.value === value || o.label.toLowerCase() === String(value).trim().toLowerCase())?.label;
}

function readOption(field: InputField, value: unknown): Read {
  const options = field.options ?? [];
  const key = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const byWords = options.find((o) => o.label.toLowerCase() === key);
  if (byWords) return { value: byWords.value };
  const n = typeof value === "number" ? value : typeof value === "string" ? parseNumberText(value).value : undefined;
  const byNumber = options.find((o) => o.value === n);
  if (byNumber) return { value: byNumber.value };
  return { error: `${field.label} must be one of ${options.map((o) => `"${o.label}" (${o.value})`).join(", ")}; you entered ${shown(value)}.` };
}

function readNumber(field: InputField, value: unknown): Read {
  if (field.options) return readOption(field, value);
  let n: number | undefined;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") {
    const parsed = parseNumberText(value);
    if (parsed.percent && field.format !== "percent") {
      return {
        error: `${field.label} is ${field.format === "currency" ? "an amount of money" : "a plain number"}, not a percentage; you entered ${shown(value)}.`,
      };
    }
    if (parsed.currency && field.format !== "currency") {
      return {
        error: `${field.label} is ${field.format === "percent" ? "a percentage" : "a plain number"}, not an amount of money; you entered ${shown(value)}.`,
      };
    }
    n = parsed.value;
  }
  if (n === undefined || !Number.isFinite(n)) return { error: `${field.label} must be a number, ${example(field)}; you entered ${shown(value)}.` };
  const domain = field.domain;
  if (!domain) return { value: n };
  if (contains(domain, n) && (!domain.whole || Number.isInteger(n))) return { value: n };
  let message = `${field.label} must be ${describe(domain)}; you entered ${shown(value)}.`;
  // "30" for a rate of 30% is the usual slip: say how to type it.
  const typedPercent = typeof value === "string" && value.includes("%");
  if (field.format === "percent" && !typedPercent && n > 1 && contains(domain, n / 100)) {
    message += ` For ${n} percent, type ${n}% or ${n / 100}.`;
  }
  return { error: message };
}

/** 36000, 36,000, $1,200, ¥1,200, -$5, 30%, 1.5e3; undefined when it is not a number. */
export function parseNumberText(text: string): { value?: number; percent: boolean; currency: boolean } {
  let t = text.trim();
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1).trim();
  let sign = "";
  const takeSign = () => {
    if (/^[+-]/.test(t)) {
      sign = t[0] === "-" ? "-" : "";
      t = t.slice(1).trim();
    }
  };
  takeSign();
  const currency = /^\p{Sc}/u.test(t); // any currency sign: $, €, £, ¥, ₹, ...
  if (currency) {
    t = t.slice(1).trim();
    if (sign === "") takeSign();
  }
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
  if (!/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { percent, currency };
  const n = Number(sign + t);
  return { value: percent ? n / 100 : n, percent, currency };
}

function readChoice(field: InputField, value: unknown): Read {
  const choices = field.choices ?? [];
  const key = typeof value === "string" ? value.trim().toLowerCase() : undefined;
  const match = choices.find((c) => c.toLowerCase() === key);
  if (match !== undefined) return { value: match };
  return { error: `${field.label} must be one of ${choices.join(", ")}; you entered ${shown(value)}.` };
}

function readText(field: InputField, value: unknown): Read {
  if (typeof value !== "string" && typeof value !== "number") return { error: `${field.label} must be text; you entered ${shown(value)}.` };
  const text = String(value).trim();
  if (text.length > MAX_TEXT_LENGTH) return { error: `${field.label} is too long: at most ${MAX_TEXT_LENGTH} characters; you entered ${text.length}.` };
  return { value: text };
}
