/**
 * `npm run bench`: one table of the add-in's speed and size, printed as Markdown so the README can
 * carry the latest run. It measures the BUILT add-in (dist/), the way Excel runs it:
 *
 * 1. every BIZ function through dist/functions.js: calls a second for a typical call, and the
 *    time of the largest call it accepts (bench/function-cases.ts);
 * 2. SIMULATE at 1,000,000 members x 36 months x 7 levels: wall time and peak memory, in a fresh
 *    process (bench/simulate.mjs);
 * 3. template fill: context.sync() calls and Office.js calls per template (the recording stand-in
 *    of the Excel object model that the writer tests use), the time to write the .xlsx, and the BIZ
 *    calls one recalculation of that file makes (counted in its sheet XML, an array formula once:
 *    test/support/biz-calls.ts);
 * 4. bundle sizes raw and gzipped, and the time from load to an interactive task pane in headless
 *    Chromium.
 *
 * Figures are printed, never asserted: speed targets are read from this table, not from timed tests.
 */
import fs from "fs";
import os from "os";
import path from "path";
import zlib from "zlib";
import { FUNCTION_CASES } from "./function-cases";
import { excelArgs, loadBundle } from "../test/support/excel-runtime";
import { TEMPLATES } from "../src/templates";
import { validateInputs } from "../src/templates/inputs";
import { insertTemplate } from "../src/workbook/officejs";
import { writeWorkbook } from "../src/workbook/xlsx";
import { createRecorder } from "../test/workbook/excel-recorder";
import { bizCalls } from "../test/support/biz-calls";
import { measureTaskpaneLoad } from "./taskpane-load";
import { ROOT as root } from "../test/browser/harness";

const dist = process.env.HBP_DIST ?? path.join(root, "dist");

// ESM modules from this CommonJS build (TypeScript would turn import() into require()).
const importEsm = new Function("p", "return import(p)") as (p: string) => Promise<any>;

type Fn = (...a: unknown[]) => unknown;

function callsPerSecond(fn: Fn, args: unknown[]): number {
  // Warm up, then count calls for about 300 ms.
  for (let i = 0; i < 2000; i++) fn(...args);
  let n = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < 300) {
    for (let i = 0; i < 1000; i++) fn(...args);
    n += 1000;
    t = performance.now();
  }
  return (n / (t - t0)) * 1000;
}

function medianMs(fn: Fn, args: unknown[], runs = 25): number {
  for (let i = 0; i < 5; i++) fn(...args);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(...args);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function shapeOf(v: unknown): string {
  return Array.isArray(v) ? `${v.length} x ${(v[0] as unknown[]).length}` : "scalar";
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const out: string[] = [];
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  out.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu.trim()}), ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}.`, "");

  // 1. Functions.
  // In this realm, not a sandbox: Excel's runtime gives the script a real global object.
  const { associated: fns, metadata } = loadBundle(dist, { realm: "this" });
  const meta = new Map(metadata.functions.map((f) => [f.id, f]));
  out.push("| function | typical call | calls a second | largest call | its shape | time |", "| --- | --- | ---: | --- | --- | ---: |");
  for (const [id, c] of Object.entries(FUNCTION_CASES)) {
    const fn = fns.get(id);
    const m = meta.get(id);
    if (!fn || !m) {
      out.push(`| ${id} | not in the bundle | | | | |`);
      continue;
    }
    const typical = excelArgs(m.parameters, c.typical);
    const largest = excelArgs(m.parameters, c.largest);
    const result = fn(...largest);
    out.push(`| ${id} | \`${JSON.stringify(c.typical).slice(1, -1).slice(0, 40)}\` | ${fmt(callsPerSecond(fn, typical))} | ${c.largestIs} | ${shapeOf(result)} | ${medianMs(fn, largest).toFixed(3)} ms |`);
  }
  out.push("");

  // 2. SIMULATE at full size, cold, in its own process.
  const { benchSimulate, BENCH_ARGS } = await importEsm(path.join(root, "bench/simulate.mjs"));
  const runs: Array<{ ms: number; peakRssMB: number; baselineRssMB: number }> = [];
  for (let i = 0; i < 3; i++) runs.push(await benchSimulate(dist));
  runs.sort((a, b) => a.ms - b.ms);
  const mid = runs[1];
  out.push(
    `SIMULATE(${JSON.stringify(BENCH_ARGS).slice(1, -1)}): median of 3 cold runs **${fmt(mid.ms)} ms** (fastest ${fmt(runs[0].ms)} ms), ` +
      `peak RSS **${fmt(Math.max(...runs.map((r) => r.peakRssMB)))} MB** for the whole process (${fmt(mid.baselineRssMB)} MB before the call).`,
    ""
  );

  // 3. Template fill.
  out.push("| template | context.sync() calls | Office.js calls | .xlsx write | .xlsx size | BIZ calls a recalculation |", "| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const template of TEMPLATES) {
    const { values } = validateInputs(template, {});
    const recorder = createRecorder();
    await insertTemplate(template, values, recorder.excel as any);
    const t0 = performance.now();
    const buffer = await writeWorkbook([{ template, values }]);
    const xlsxMs = performance.now() - t0;
    out.push(`| ${template.title} | ${recorder.syncs} | ${recorder.calls.length} | ${fmt(xlsxMs)} ms | ${kb(buffer.length)} | ${(await bizCalls(buffer)).length} |`);
  }
  const everyValues = TEMPLATES.map((template) => ({ template, values: validateInputs(template, {}).values }));
  const t0 = performance.now();
  const all = await writeWorkbook(everyValues);
  const allMs = performance.now() - t0;
  out.push(`| all six in one workbook | | | ${fmt(allMs)} ms | ${kb(all.length)} | ${(await bizCalls(all)).length} |`, "");

  // 4. Bundle sizes and task pane load.
  out.push("| bundle | raw | gzipped | target (gzipped) |", "| --- | ---: | ---: | ---: |");
  for (const [file, target] of [["functions.js", "30 KB"], ["taskpane.js", "200 KB"]] as const) {
    const bytes = fs.readFileSync(path.join(dist, file));
    out.push(`| ${file} | ${kb(bytes.length)} | ${kb(zlib.gzipSync(bytes, { level: 9 }).length)} | ${target} |`);
  }
  out.push("");
  const load = await measureTaskpaneLoad(dist);
  out.push(load ? `Task pane, load to interactive in headless Chromium: median of ${load.runs} **${fmt(load.medianMs)} ms** (target under 1000 ms).` : "Task pane load: skipped (no /usr/bin/chromium).");

  const table = out.join("\n");
  console.log(table);
  // `npm run bench -- --readme` also puts the table in the README.
  if (process.argv.includes("--readme")) {
    const readme = path.join(root, "README.md");
    const text = fs.readFileSync(readme, "utf8");
    const [start, end] = ["<!-- bench:start -->", "<!-- bench:end -->"];
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README.md has no ${start} ... ${end} section`);
    fs.writeFileSync(readme, text.slice(0, i + start.length) + "\n" + table + "\n" + text.slice(j));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
