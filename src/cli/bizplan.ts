import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";
import { describe } from "../core/domains";
import { TEMPLATES } from "../templates";
import { validateInputs } from "../templates/inputs";
import { WHOLE_PLAN, composePlan } from "../templates/plan";
import { InputField, InputValues, Template } from "../templates/model";
import { CURRENCIES, Currency, defaultCurrency, findCurrency } from "../workbook/currency";
import { WorkbookEntry, WorkbookError, writeWorkbook } from "../workbook/xlsx";

/**
 * `bizplan`: the command-line way in. `bizplan list` prints the templates and their named inputs;
 * `bizplan new <template|all> [--set Name=Value ...] [--currency EUR] --out plan.xlsx [--force]` writes a workbook.
 * Everything the user typed is checked before anything is written, and the file appears whole or
 * not at all: it is written to a temporary file beside the target and renamed into place.
 *
 * Exit codes: 0 done; 2 the command line or an input value is wrong (nothing written); 1 the file
 * could not be written (nothing left behind).
 */

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What the CLI needs of the templates; the real one is built from src/templates. */
export interface Catalog {
  readonly templates: readonly Template[];
  /** Checks raw --set values (strings) against a template's inputs; errors are sentences. */
  validate(template: Template, raw: Readonly<Record<string, string>>): { values: InputValues; errors: readonly string[] };
  /**
   * The linked whole plan `new all` writes, when the catalog has one: the templates --set is routed
   * over (workbook order), and the composer that turns their raw inputs (by template id) into the
   * sheets to write, or into error sentences. Without it `all` writes each template on its own.
   */
  readonly wholePlan?: {
    readonly templates: readonly Template[];
    compose(raw: Readonly<Record<string, Readonly<Record<string, string>>>>): { entries: readonly WorkbookEntry[]; errors: readonly string[] };
  };
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}
class WriteError extends Error {}

export const USAGE = `bizplan: home-business plan workbooks (.xlsx) from the command line

Usage:
  bizplan list
      The templates, and the named inputs each one takes (default, allowed values, help).
  bizplan new <template|all> --out <file.xlsx> [--set Name=Value ...] [--currency CODE] [--force]
      Writes a workbook with one worksheet per template. <template> is an id from \`bizplan list\`,
      or \`all\` for the whole plan: a Plan sheet and every template in one linked workbook, where
      the funnel's income is the Income Goal's GoalMonth and the tracker's target its JobIncome.
      --set changes an input from its default; repeat it for more inputs. With \`all\`, each --set
      goes to the sheet that has that input.
  bizplan --help

Options:
  -o, --out <file.xlsx>   where to write the workbook (required for \`new\`)
  -s, --set Name=Value    an input value, e.g. --set GoalAmount=60000 --set GoalPeriod=year
  -c, --currency CODE     the currency of money cells, an ISO 4217 code (EUR, GBP, JPY, ...;
                          \`bizplan list\` lists them); default: this machine's locale's, else USD
  -f, --force             overwrite <file.xlsx> if it exists
  -h, --help              this help

Examples:
  npx bizplan new all --out plan.xlsx
  npx bizplan new income-goal --set GoalAmount=60000 --out income.xlsx
  npx bizplan new income-goal --currency EUR --out income.xlsx

Exit status: 0 written; 2 a wrong command line or input value (nothing written); 1 the file could
not be written (nothing left behind).
`;

/** The six templates, with the same input validation as the task pane's form. */
export const TEMPLATE_CATALOG: Catalog = {
  templates: TEMPLATES,
  validate: (template, raw) => {
    const { values, errors } = validateInputs(template, raw);
    return { values, errors: Object.entries(errors).map(([name, message]) => `${name}: ${message}`) };
  },
  wholePlan: {
    templates: [WHOLE_PLAN[0], ...TEMPLATES],
    compose: (raw) => {
      const { entries, errors } = composePlan(raw);
      return {
        entries,
        errors: Object.entries(errors).flatMap(([title, byName]) => Object.entries(byName).map(([name, message]) => `${title}: ${name}: ${message}`)),
      };
    },
  },
};

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The machine's locale, as Intl has it (from LANG/LC_ALL in Node); it picks the default currency. */
const machineLocale = (): string | undefined => {
  try {
    return new Intl.NumberFormat().resolvedOptions().locale;
  } catch {
    return undefined;
  }
};

export async function main(
  argv: readonly string[],
  io: Io = processIo,
  catalog: Catalog = TEMPLATE_CATALOG,
  locale: string | undefined = machineLocale()
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.stderr(USAGE);
      return EXIT_USAGE;
    }
    if (command === "--help" || command === "-h" || command === "help") return help(io);
    if (command === "list") {
      if (rest.some((a) => a === "--help" || a === "-h")) return help(io);
      if (rest.length > 0) throw new UsageError(`\`list\` takes no arguments; got ${rest.join(" ")}`);
      const planOnly = (catalog.wholePlan?.templates ?? []).filter((t) => !catalog.templates.includes(t));
      io.stdout(listing(catalog.templates, defaultCurrency(locale), planOnly));
      return EXIT_OK;
    }
    if (command === "new") {
      const options = parseNew(rest);
      if (options === "help") return help(io);
      return await newWorkbook(options, io, catalog, locale);
    }
    throw new UsageError(`unknown command "${command}"; the commands are \`list\` and \`new\``);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`bizplan: ${e.message}\nRun \`bizplan --help\` for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof WorkbookError) {
      io.stderr(`bizplan: cannot build the workbook: ${e.message}\n`);
      return EXIT_FAILED;
    }
    if (e instanceof WriteError) {
      io.stderr(`bizplan: ${e.message}\n`);
      return EXIT_FAILED;
    }
    io.stderr(`bizplan: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}

function help(io: Io): number {
  io.stdout(USAGE);
  return EXIT_OK;
}

// ---- list ----

function allowed(input: InputField): string {
  if (input.kind === "choice") return `one of ${(input.choices ?? []).join(", ")}`;
  if (input.options) return `one of ${input.options.map((o) => `${o.value} or "${o.label}"`).join(", ")}`;
  if (input.kind === "text") return "text";
  return input.domain ? describe(input.domain) : "a number";
}

/** A rate's default as the user would type it: 0.1 -> 10%. */
function shownDefault(input: InputField): string {
  if (input.format === "percent" && typeof input.default === "number") return `${Number((input.default * 100).toPrecision(12))}%`;
  return String(input.default);
}

/** `bizplan list`: the templates, then the sheets only the whole plan has, then the currencies. */
export function listing(templates: readonly Template[], currency: Currency = defaultCurrency(undefined), planOnly: readonly Template[] = []): string {
  const lines: string[] = ["Templates (use the id with `bizplan new <id>`, or `all`):", ""];
  describeTemplates(templates, lines);
  if (planOnly.length > 0) {
    lines.push("Only in the whole plan (`bizplan new all`):", "");
    describeTemplates(planOnly, lines);
  }
  lines.push(`Currency (--currency CODE): money cells are formatted in ${currency.code} unless you give another:`);
  for (const c of CURRENCIES) lines.push(`  ${c.code}  ${c.symbol.padEnd(3)}  ${c.name}`);
  lines.push("");
  return lines.join("\n");
}

function describeTemplates(templates: readonly Template[], lines: string[]): void {
  for (const t of templates) {
    lines.push(`${t.id}  ${t.title}`);
    lines.push(`  ${t.summary}`);
    if (t.inputs.length === 0) lines.push("  (no inputs)");
    else {
      lines.push("  Inputs (--set Name=Value):");
      const width = Math.max(...t.inputs.map((i) => i.name.length));
      for (const input of t.inputs) {
        lines.push(`    ${input.name.padEnd(width)}  default ${shownDefault(input)}; ${allowed(input)}`);
        const about = [input.label, input.help].filter((s) => s && s.length > 0).join(": ");
        if (about) lines.push(`    ${"".padEnd(width)}  ${about}`);
      }
    }
    if (t.outputs.length > 0) lines.push(`  Named outputs: ${t.outputs.join(", ")}`);
    lines.push("");
  }
}

// ---- new ----

interface NewOptions {
  readonly template: string;
  readonly sets: ReadonlyArray<{ name: string; value: string }>;
  readonly out: string;
  readonly force: boolean;
  /** As typed; checked by newWorkbook. */
  readonly currency?: string;
}

function parseNew(args: readonly string[]): NewOptions | "help" {
  let template: string | undefined;
  let out: string | undefined;
  let force = false;
  let currency: string | undefined;
  const sets: Array<{ name: string; value: string }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = args[++i];
      if (next === undefined) throw new UsageError(`${flag} needs a value`);
      return next;
    };
    if (flag === "--help" || flag === "-h") return "help";
    else if (flag === "--force" || flag === "-f") force = true;
    else if (flag === "--out" || flag === "-o") {
      if (out !== undefined) throw new UsageError("--out given twice");
      out = value();
    } else if (flag === "--currency" || flag === "-c") {
      if (currency !== undefined) throw new UsageError("--currency given twice");
      currency = value();
    } else if (flag === "--set" || flag === "-s") {
      const pair = value();
      const m = /^\s*([^=\s]+)\s*=(.*)$/s.exec(pair);
      if (!m) throw new UsageError(`--set needs Name=Value; got "${pair}"`);
      sets.push({ name: m[1], value: m[2].trim() });
    } else if (arg.startsWith("-") && arg.length > 1) throw new UsageError(`unknown option ${flag}`);
    else if (template === undefined) template = arg;
    else throw new UsageError(`one template at a time (or \`all\`); got "${template}" and "${arg}"`);
  }
  if (template === undefined) throw new UsageError("which template? Give an id from `bizplan list`, or `all`");
  if (out === undefined || out.trim() === "") throw new UsageError("where to? Give the file with --out plan.xlsx");
  if (path.extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`the output file must end in .xlsx (Excel will not open it otherwise); got "${out}"`);
  return { template, sets, out, force, currency };
}

function pickTemplates(id: string, templates: readonly Template[]): readonly Template[] {
  if (id.toLowerCase() === "all") return templates;
  const found = templates.find((t) => t.id.toLowerCase() === id.toLowerCase() || t.title.toLowerCase() === id.toLowerCase());
  if (!found) {
    const hint = closest(
      id,
      templates.map((t) => t.id)
    );
    throw new UsageError(`no template "${id}"${hint ? `; did you mean ${hint}?` : ""}. The templates are: ${templates.map((t) => t.id).join(", ")}, or all`);
  }
  return [found];
}

/** Routes each --set to the chosen template that has that input (names are unique across templates). */
function routeSets(chosen: readonly Template[], sets: NewOptions["sets"]): Map<Template, Record<string, string>> {
  const raw = new Map<Template, Record<string, string>>(chosen.map((t) => [t, {}]));
  const errors: string[] = [];
  for (const { name, value } of sets) {
    const owner = chosen.find((t) => t.inputs.some((i) => i.name.toLowerCase() === name.toLowerCase()));
    if (!owner) {
      const names = chosen.flatMap((t) => t.inputs.map((i) => i.name));
      const hint = closest(name, names);
      const where = chosen.length === 1 ? `the ${chosen[0].title} template has` : "no template has";
      errors.push(
        `unknown input "${name}": ${chosen.length === 1 ? `${where} no such input` : where + " it"}${hint ? `; did you mean ${hint}?` : ""} (\`bizplan list\` shows every input)`
      );
      continue;
    }
    const input = owner.inputs.find((i) => i.name.toLowerCase() === name.toLowerCase()) as InputField;
    const mine = raw.get(owner) as Record<string, string>;
    if (input.name in mine) errors.push(`${input.name} is set twice`);
    mine[input.name] = value;
  }
  if (errors.length > 0) throw new UsageError(errors.join("\n  "));
  return raw;
}

/** The ISO 4217 codes Intl knows (Node 18+), to tell "not supported here" from "not a currency". */
const isoCodes = (): string[] => (Intl as unknown as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("currency") ?? [];

/** The --currency given, or the machine's; a code not in the table is refused with the list. */
function pickCurrency(typed: string | undefined, locale: string | undefined): Currency {
  if (typed === undefined) return defaultCurrency(locale);
  const found = findCurrency(typed);
  if (!found) {
    const known = /^[A-Za-z]{3}$/.test(typed.trim()) && isoCodes().includes(typed.trim().toUpperCase());
    throw new UsageError(
      `${known ? `bizplan cannot write ${typed.trim().toUpperCase()} yet` : `"${typed}" is not an ISO 4217 currency code`}; nothing written. --currency takes one of: ${CURRENCIES.map((c) => c.code).join(", ")}`
    );
  }
  return found;
}

async function newWorkbook(options: NewOptions, io: Io, catalog: Catalog, locale: string | undefined): Promise<number> {
  const currency = pickCurrency(options.currency, locale);
  const whole = options.template.toLowerCase() === "all" ? catalog.wholePlan : undefined;
  const chosen = whole ? whole.templates : pickTemplates(options.template, catalog.templates);
  const raw = routeSets(chosen, options.sets);
  const entries: WorkbookEntry[] = [];
  const errors: string[] = [];
  if (whole) {
    // One linked workbook: the composer checks every sheet's inputs before building any.
    const composed = whole.compose(Object.fromEntries([...raw].map(([t, r]) => [t.id, r])));
    errors.push(...composed.errors);
    entries.push(...composed.entries);
  } else {
    for (const template of chosen) {
      const { values, errors: bad } = catalog.validate(template, raw.get(template) ?? {});
      if (bad.length > 0) errors.push(...bad.map((e) => (chosen.length > 1 ? `${template.title}: ${e}` : e)));
      else entries.push({ template, values });
    }
  }
  if (errors.length > 0) throw new UsageError(`bad input${errors.length > 1 ? "s" : ""}; nothing written:\n  ${errors.join("\n  ")}`);

  const out = path.resolve(options.out);
  checkTarget(out, options.force, options.out);
  const started = Date.now();
  const bytes = await writeWorkbook(entries, { currency: currency.code });
  writeAtomically(out, bytes, options.force, options.out);
  const kb = Math.max(1, Math.round(bytes.length / 1024));
  io.stdout(`Wrote ${options.out} (${kb} KB, ${Date.now() - started} ms, money in ${currency.code}): ${entries.map((e) => e.template.title).join(", ")}\n`);
  return EXIT_OK;
}

function checkTarget(out: string, force: boolean, shown: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(out);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw new WriteError(`cannot write ${shown}: it is a folder`);
  if (stat && !force) throw new WriteError(`${shown} already exists; nothing written. Add --force to overwrite it`);
}

/** Writes a temporary file beside the target, then moves it into place; removes it on any failure. */
function writeAtomically(out: string, bytes: Buffer, force: boolean, shown: string): void {
  const dir = path.dirname(out);
  const temp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(temp, bytes, { flag: "wx" });
    if (force) fs.renameSync(temp, out);
    else {
      // link() refuses to replace a file that appeared since the check: never overwrite without --force.
      try {
        fs.linkSync(temp, out);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw e;
        if (fs.existsSync(out)) throw Object.assign(new Error("exists"), { code: "EEXIST" });
        fs.renameSync(temp, out); // a file system without hard links
      }
    }
  } catch (e) {
    throw new WriteError(writeFailure(e as NodeJS.ErrnoException, shown, dir));
  } finally {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already renamed into place, or never created
    }
  }
}

function writeFailure(e: NodeJS.ErrnoException, shown: string, dir: string): string {
  switch (e.code) {
    case "ENOENT":
      // /proc exists but takes no new files, and says ENOENT too
      return fs.existsSync(dir) ? `cannot write ${shown}: ${dir} does not take new files` : `cannot write ${shown}: the folder ${dir} does not exist`;
    case "ENOTDIR":
      return `cannot write ${shown}: part of the path ${dir} is not a folder`;
    case "EACCES":
    case "EPERM":
      return `cannot write ${shown}: permission denied in ${dir}`;
    case "EROFS":
      return `cannot write ${shown}: ${dir} is on a read-only file system`;
    case "ENOSPC":
    case "EDQUOT":
      return `cannot write ${shown}: the disk is full`;
    case "EEXIST":
      return `${shown} already exists; nothing written. Add --force to overwrite it`;
    case "EISDIR":
      return `cannot write ${shown}: it is a folder`;
    default:
      return `cannot write ${shown}: ${e.message}`;
  }
}

/** The candidate nearest to `word` in edit distance, if near enough to be a likely typo. */
function closest(word: string, candidates: readonly string[]): string | undefined {
  const a = word.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const b = name.toLowerCase();
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const keep = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = keep;
      }
    }
    const d = row[b.length];
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(a.length / 3)) ? best.name : undefined;
}
