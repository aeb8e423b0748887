import fs from "fs";
import path from "path";
import vm from "vm";

/**
 * Loads the BUILT custom functions (dist/functions.js and functions.json) the way Excel's
 * JavaScript-only runtime does: the script runs in a bare context with only a CustomFunctions
 * global, registers itself with CustomFunctions.associate, and is called with Excel's conventions
 * (an omitted optional argument is null; a single value given to a range parameter is [[value]]).
 * The project's own copy, so its tests do not depend on ../shared.
 */
export interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: Array<{ name: string; description?: string; type: string; dimensionality?: string; optional?: boolean }>;
  result: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

export class ExcelError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

export interface Outcome {
  value?: unknown;
  error?: string;
  message?: string;
}

export const distDir = () => process.env.HBP_DIST ?? path.join(__dirname, "../../dist");

/** Excel's argument shapes: an omitted argument is null, a single value or a row given to a range parameter is a 2-D array. */
export function excelArgs(parameters: readonly { dimensionality?: string }[], args: readonly unknown[]): unknown[] {
  return parameters.map((p, i) => {
    const v = args[i];
    if (v === undefined || v === null) return null;
    if (p.dimensionality === "matrix") return Array.isArray(v) ? (Array.isArray(v[0]) ? v : [v]) : [[v]];
    return v;
  });
}

/**
 * `realm: "sandbox"` (the default) runs the script in a bare context with only CustomFunctions and
 * timers, so a stray global it touches fails; `realm: "this"` runs it in this realm's global, as
 * Excel's runtime gives it a real global object: the benchmark uses it, since in a sandbox every
 * global lookup (Math.floor) is much slower than in Excel.
 */
export function loadBundle(dist = distDir(), { realm = "sandbox" }: { realm?: "sandbox" | "this" } = {}) {
  const metadata: { functions: FunctionMeta[] } = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
  const associated = new Map<string, (...a: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...a: unknown[]) => unknown) => associated.set(id.toUpperCase(), fn),
    Error: ExcelError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
  const script = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  if (realm === "this") {
    (globalThis as Record<string, unknown>).CustomFunctions = CustomFunctions;
    vm.runInThisContext(script, { filename: "functions.js" });
  } else {
    vm.runInContext(script, vm.createContext({ CustomFunctions, console, setTimeout, clearTimeout }), { filename: "functions.js" });
  }
  const byName = new Map(metadata.functions.map((f) => [f.name.toUpperCase(), f]));

  /**
   * Calls BIZ.NAME with Excel's conventions; `args` shorter than the parameters are omitted ones.
   * A @cancelable function (options.cancelable) gets, as from Excel, a CancelableInvocation after
   * its parameters: pass `invocation` to hold it (and call its onCanceled), else a fresh one.
   */
  async function call(name: string, args: unknown[] = [], invocation: { onCanceled?: () => void } = {}): Promise<Outcome> {
    const meta = byName.get(name.replace(/^BIZ\./i, "").toUpperCase());
    if (!meta) return { error: "#NAME?" };
    const fn = associated.get(meta.id.toUpperCase());
    if (!fn) return { error: "#N/A", message: "not associated" };
    try {
      const excel = excelArgs(meta.parameters, args);
      const value = await fn(...(meta.options?.cancelable ? [...excel, invocation] : excel));
      return { value };
    } catch (e) {
      if (e instanceof ExcelError) return { error: e.code, message: e.message };
      return { error: "uncaught", message: String(e) };
    }
  }

  return { metadata, associated, call };
}
