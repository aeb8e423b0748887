import { MIN_EXCEL_API, REQUIRED_SETS } from "../workbook/officejs";

/**
 * Where the pane is running. Inside Excel with the needed API sets it can write; anywhere else
 * (a plain browser, where office.js reports no host, or where office.js did not load at all) the
 * gallery, forms and function reference still work and the writing buttons are disabled with the
 * reason shown.
 */
export type Host =
  | { readonly kind: "checking" }
  // noDynamicArrays: an Excel that cannot spill (Excel 2019 and earlier): a BIZ function that
  // returns a table shows only its first value there. The pane still inserts plans and says so.
  | { readonly kind: "excel"; readonly noDynamicArrays?: true }
  | { readonly kind: "outside"; readonly detail: string }
  | { readonly kind: "unsupported"; readonly missing: readonly string[] };

/** office.js reports the host within a second or two; a page that never hears back is treated as outside Office. */
const READY_TIMEOUT_MS = 8000;

export async function detectHost(timeoutMs = READY_TIMEOUT_MS): Promise<Host> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { kind: "outside", detail: "Office's script (office.js) did not load, so this is not running inside Office." };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  let info: { host: Office.HostType | null } | null;
  try {
    info = await Promise.race([Office.onReady(), timeout]);
  } catch {
    info = null;
  } finally {
    clearTimeout(timer);
  }
  if (!info || !info.host) return { kind: "outside", detail: "This page is open in a browser, not in Excel." };
  if (String(info.host) !== "Excel") return { kind: "outside", detail: `This add-in works in Excel, not in ${String(info.host)}.` };
  const { requirements } = Office.context;
  const missing = REQUIRED_SETS.filter((s) => !requirements.isSetSupported(s.set, s.version)).map((s) => `${s.set} ${s.version} (${s.for})`);
  if (missing.length) return { kind: "unsupported", missing };
  return hasDynamicArrays(requirements) ? { kind: "excel" } : { kind: "excel", noDynamicArrays: true };
}

/**
 * Whether this Excel spills (has dynamic arrays). Office.js has no direct flag, so the pane asks for
 * the API set that came with them: ExcelApi 1.12 added the range-spilling API (getSpillingToRange,
 * getSpillParent), which only an Excel with dynamic arrays has. Microsoft's tables: Excel on the web,
 * Microsoft 365 (Windows from Version 2008, Mac from 16.40) and Office 2021 and later support it;
 * Excel 2019 and 2016 stop at ExcelApi 1.8 and 1.1, and have no dynamic arrays. (A Microsoft 365
 * build from 2020 with dynamic arrays but before 1.12 would be told it lacks them: such builds no
 * longer load this add-in anyway, as it needs CustomFunctionsRuntime 1.3, Version 2008 too.)
 */
export const DYNAMIC_ARRAYS_SET = { set: "ExcelApi", version: "1.12" } as const;

export function hasDynamicArrays(requirements: { isSetSupported(name: string, minVersion?: string): boolean }): boolean {
  return requirements.isSetSupported(DYNAMIC_ARRAYS_SET.set, DYNAMIC_ARRAYS_SET.version);
}

export const canWrite = (host: Host) => host.kind === "excel";

export const MIN_API_TEXT = `ExcelApi ${MIN_EXCEL_API}`;
