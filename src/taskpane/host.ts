import { MIN_EXCEL_API, REQUIRED_SETS } from "../workbook/officejs";

/**
 * Where the pane is running. Inside Excel with the needed API sets it can write; anywhere else
 * (a plain browser, where office.js reports no host, or where office.js did not load at all) the
 * gallery, forms and function reference still work and the writing buttons are disabled with the
 * reason shown.
 */
export type Host =
  | { readonly kind: "checking" }
  | { readonly kind: "excel" }
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
  const missing = REQUIRED_SETS.filter((s) => !Office.context.requirements.isSetSupported(s.set, s.version)).map((s) => `${s.set} ${s.version} (${s.for})`);
  return missing.length ? { kind: "unsupported", missing } : { kind: "excel" };
}

export const canWrite = (host: Host) => host.kind === "excel";

export const MIN_API_TEXT = `ExcelApi ${MIN_EXCEL_API}`;
