import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import ts from "typescript";
import type { BrowserContext, Page } from "playwright-core";

/**
 * The built task pane in headless Chromium, shared by the browser test and the benchmark: a static
 * server for dist/ on 127.0.0.1, Debian's chromium through playwright-core (no browser download),
 * office.js answered from node_modules/@microsoft/office-js, every other off-machine request
 * refused and recorded, and optionally a fake Excel host built from the recording stand-in.
 */
/** The project folder: found by walking up, since the benchmark runs this file compiled into lib-bench/. */
export const ROOT = (() => {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "manifest.xml")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();
export const CHROMIUM = "/usr/bin/chromium";
export const DIST = process.env.HBP_DIST ?? path.join(ROOT, "dist");
export const OFFICE_DIST = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
export const SHOTS = path.join(__dirname, "screenshots");
export const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export const haveChromium = fs.existsSync(CHROMIUM);

export const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
};

/** The axe-core script, served from the pane's own origin so the page's CSP ('self') lets it run. */
export const AXE_PATH = "/__test__/axe.min.js";

export function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname === AXE_PATH) {
      res.writeHead(200, { "Content-Type": "text/javascript" });
      fs.createReadStream(path.join(ROOT, "node_modules/axe-core/axe.min.js")).pipe(res);
      return;
    }
    const file = path.normalize(path.join(dir, pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    })
  );
}

/** The recorder of test/workbook as a browser script: the page's Excel and Office become fakes that record. */
export function fakeExcelScript(options: Record<string, unknown> = {}): string {
  const source = fs.readFileSync(path.join(ROOT, "test/workbook/excel-recorder.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(() => {
    const exports = {}; const module = { exports };
    ${js}
    const rec = exports.createRecorder(Object.assign({ sheets: [{ name: "Sheet1", cells: { A1: "my own data" } }], selection: "Sheet1!C4" }, ${JSON.stringify(options)}));
    window.__recorder = rec;
    // Only run: requirement sets are asked of Office.context.requirements, as in Excel.
    window.Excel = { run: rec.excel.run };
    const info = { host: "Excel", platform: "PC" };
    // The document's settings as office.js has them: get/set/remove change this session's copy and
    // only saveAsync writes it into the document, which outlives a reload (kept here in the page's
    // storage under a key the pane never uses). get gives null for a name never set.
    const SAVED = "__fake_document_settings__";
    let live = {};
    try { live = JSON.parse(localStorage.getItem(SAVED) || "{}"); } catch (e) { live = {}; }
    window.__documentSettings = { saves: 0, saved: () => JSON.parse(localStorage.getItem(SAVED) || "{}") };
    const settings = {
      get: (name) => (Object.prototype.hasOwnProperty.call(live, name) ? JSON.parse(JSON.stringify(live[name])) : null),
      set: (name, value) => { live[name] = JSON.parse(JSON.stringify(value)); },
      remove: (name) => { delete live[name]; },
      saveAsync: (options, callback) => {
        const done = typeof options === "function" ? options : callback;
        localStorage.setItem(SAVED, JSON.stringify(live));
        window.__documentSettings.saves++;
        setTimeout(() => done && done({ status: "succeeded" }), 0);
      },
    };
    window.Office = {
      HostType: { Excel: "Excel" },
      onReady: (cb) => { if (cb) cb(info); return Promise.resolve(info); },
      // The recorder answers requirement sets (its excelApi option: "1.8" is Excel 2019).
      context: { requirements: { isSetSupported: rec.isSetSupported }, document: { settings } },
    };
  })();`;
}

export interface Session {
  context: BrowserContext;
  page: Page;
  offMachine: string[];
  /** office.js's own requests to its CDN, answered from node_modules/@microsoft/office-js. */
  fromCdn: { path: string; served: boolean }[];
  consoleErrors: string[];
  /**
   * What the page's Content-Security-Policy refused that office.js asked for: outside Office, the
   * real office.js frames Microsoft's telemetry service a few seconds after loading (when it does
   * depends on the machine's load). The page's CSP allows only itself and Office's CDN, so Chromium
   * blocks the frame and logs it as a console error; that is the policy working, not a fault of the
   * pane, so it is kept here and checked on its own, not counted among the console errors.
   */
  blockedOfficeTelemetry: string[];
}

/** Chromium's console report of the CSP refusing office.js's telemetry frame. */
const OFFICE_TELEMETRY_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/;

export async function open(base: string, fake: boolean, workbook: Record<string, unknown> = {}): Promise<Session> {
  const { chromium } = await import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 360, height: 900 },
  });
  const offMachine: string[] = [];
  const fromCdn: { path: string; served: boolean }[] = [];
  // Later routes win: everything not on 127.0.0.1 is refused, except office.js's own files.
  await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    offMachine.push(route.request().url());
    return route.abort();
  });
  await context.route(`${CDN}**`, (route) => {
    if (fake) return route.fulfill({ contentType: "text/javascript", body: "/* office.js replaced by the test's fake Excel host */" });
    const rel = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = path.normalize(path.join(OFFICE_DIST, rel));
    const served = file.startsWith(OFFICE_DIST) && fs.existsSync(file);
    fromCdn.push({ path: rel, served });
    if (!served) return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ contentType: "text/javascript", body: fs.readFileSync(file) });
  });
  if (fake) await context.addInitScript({ content: fakeExcelScript(workbook) });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  const blockedOfficeTelemetry: string[] = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (!fake && OFFICE_TELEMETRY_BLOCKED.test(m.text())) blockedOfficeTelemetry.push(m.text());
    else consoleErrors.push(m.text());
  });
  return { context, page, offMachine, fromCdn, consoleErrors, blockedOfficeTelemetry };
}

export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    // Tabster (Fluent's keyboard navigation) puts focusable aria-hidden <i data-tabster-dummy> at
    // the edges of the tab list; they hand focus on the moment they get it, so no one lands on
    // them. axe flags them (aria-hidden-focus), so they are left out; everything else is checked.
    const result = await (window as any).axe.run({ exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n: any) => n.target.join(" ")) }));
  });
}

/** Milliseconds from the start of navigation until `selector` is shown (and enabled), checked every frame in the page. */
export async function sinceNavigation(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (sel) => {
      const el = document.querySelector<HTMLElement>(sel);
      return el && el.offsetParent !== null && !(el as HTMLButtonElement).disabled ? performance.now() : false;
    },
    selector,
    { polling: "raf", timeout: 15000 }
  );
  return Math.round((await handle.jsonValue()) as number);
}

export const GALLERY_BUTTON = 'ul[aria-label="Plan templates"] button';
