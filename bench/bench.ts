/**
 * `npm run bench`: one table of the add-in's speed and size, printed as Markdown so the README can
 * carry the latest run. It measures the BUILT add-in (dist/), the way Excel runs it:
 *
 * 1. every BIZ function through dist/functions.js: calls a second for a typical call, and the
 *    time of the largest call it accepts (bench/function-cases.ts);
 * 2. the four SIMULATE plans at 1,000,000 members x 36 months: wall and CPU time and peak memory, in
 *    a fresh process each (bench/simulate.mjs), with and without a recruiting spread; and the ratio to a
 *    straightforward month-by-month implementation of the same plan (bench/reference-plans.ts);
 * 3. template fill: context.sync() calls and Office.js calls per template (the recording stand-in
 *    of the Excel object model that the writer tests use), the time to write the .xlsx, and the BIZ
 *    calls one recalculation of that file makes (counted in its sheet XML, an array formula once,
 *    a call in a branch of IF only when picked: test/support/biz-calls.ts);
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
import { callsPerRecalculation } from "../test/support/biz-calls";
import { measureTaskpaneLoad } from "./taskpane-load";
import { Plan, payMonthByMonth } from "./reference-plans";
import { CompPlan, simulatePlanMembers } from "../src/core/simulate";
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
  out.push(
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${cpu.trim()}), ${fmt(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}.`,
    ""
  );

  // `npm run bench -- --simulate-only`: only section 2.
  const only = process.argv.includes("--simulate-only");
  // 1. Functions.
  // In this realm, not a sandbox: Excel's runtime gives the script a real global object.
  const { associated: fns, metadata } = loadBundle(dist, { realm: "this" });
  const meta = new Map(metadata.functions.map((f) => [f.id, f]));
  if (!only) out.push("| function | typical call | calls a second | largest call | its shape | time |", "| --- | --- | ---: | --- | --- | ---: |");
  for (const [id, c] of Object.entries(only ? {} : FUNCTION_CASES)) {
    const fn = fns.get(id);
    const m = meta.get(id);
    if (!fn || !m) {
      out.push(`| ${id} | not in the bundle | | | | |`);
      continue;
    }
    const typical = excelArgs(m.parameters, c.typical);
    const largest = excelArgs(m.parameters, c.largest);
    const result = fn(...largest);
    out.push(
      `| ${id} | \`${JSON.stringify(c.typical).slice(1, -1).slice(0, 40)}\` | ${fmt(callsPerSecond(fn, typical))} | ${c.largestIs} | ${shapeOf(result)} | ${medianMs(fn, largest).toFixed(3)} ms |`
    );
  }
  out.push("");

  // 2. The SIMULATE plans at full size: each cold in its own process through the bundle, with and
  //    without a recruiting spread; and, in this process, the fast engine against a straightforward
  //    month-by-month implementation of the same plan on the same history (bench/reference-plans.ts).
  const { benchSimulate } = await importEsm(path.join(root, "bench/simulate.mjs"));
  const levels = [[0.1, 0.05, 0.05, 0.03, 0.03, 0.02, 0.02]];
  const stairs = { thresholds: [0, 100, 300, 600, 1000, 1500, 2500, 4000, 6000, 7500], rates: [0, 0.03, 0.06, 0.09, 0.12, 0.15, 0.18, 0.21, 0.23, 0.25] };
  const market = [1000000, 36, 1, 0.05, 100];
  const plans: Array<{ id: string; what: string; target: number; args: (spread: number) => unknown[]; plan: CompPlan }> = [
    {
      id: "SIMULATE",
      what: "unilevel, 7 levels",
      target: 400,
      args: (s) => [...market, levels, 50, null, s, null, null],
      plan: { kind: "unilevel", levelRates: levels[0] },
    },
    {
      id: "SIMULATEMATRIX",
      what: "matrix 3 wide, 7 levels",
      target: 1000,
      args: (s) => [...market, 3, levels, 50, null, s, null, null],
      plan: { kind: "matrix", width: 3, levelRates: levels[0] },
    },
    {
      id: "SIMULATEBINARY",
      what: "binary 10%, cap 5,000",
      target: 1000,
      args: (s) => [...market, 0.1, 50, 5000, null, null, s, null, null],
      plan: { kind: "binary", rate: 0.1, cap: 5000 },
    },
    {
      id: "SIMULATESTAIRSTEP",
      what: "stair-step, 10 steps",
      target: 1000,
      args: (s) => [...market, [stairs.thresholds], [stairs.rates], 50, null, s, null, null],
      plan: { kind: "stairstep", ...stairs },
    },
  ];
  out.push(
    "1,000,000 members x 36 months, 1 recruit a member a month, 5% attrition (the market fills). Cold: one call through dist/functions.js in a fresh process, median of 3 (CPU time of the call in brackets); spread 4 is `recruiting_spread` 4. In-process: the engine warm, and a straightforward month-by-month implementation of the same plan on the same history, once each.",
    "",
    "| plan | target | cold, spread 0 | cold, spread 4 | peak RSS | engine in-process | month by month | ratio |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  );
  const network = { members: 1000000, months: 36, recruitsPerMemberPerMonth: 1, monthlyAttrition: 0.05, volumePerMember: 100, monthlyCost: 50 };
  for (const p of plans) {
    const cold: Record<number, Array<{ ms: number; cpuMs: number; peakRssMB: number }>> = {};
    for (const spread of [0, 4]) {
      cold[spread] = [];
      for (let i = 0; i < 3; i++) cold[spread].push(await benchSimulate(dist, p.args(spread), p.id));
      cold[spread].sort((a, b) => a.ms - b.ms);
    }
    const peak = Math.max(...[...cold[0], ...cold[4]].map((r) => r.peakRssMB));
    simulatePlanMembers({ ...network, members: 100000 }, p.plan); // warm up
    let t0 = performance.now();
    const run = simulatePlanMembers(network, p.plan);
    const engineMs = performance.now() - t0;
    // The straightforward way starts from the same history; drawing it is counted in both.
    t0 = performance.now();
    simulatePlanMembers(network, { kind: "unilevel", levelRates: [0] });
    const historyMs = performance.now() - t0;
    t0 = performance.now();
    const slow = payMonthByMonth({ months: 36, sponsor: run.sponsor, joinMonth: run.joinMonth, lastMonth: run.lastMonth }, p.plan as Plan, 100);
    const referenceMs = historyMs + performance.now() - t0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < run.joined; i++) {
      a += run.commissions[i];
      b += slow[i];
    }
    const agrees = Math.abs(a - b) <= 1e-9 * Math.max(1, b) ? "" : ` (commissions differ: ${a} vs ${b})`;
    const c = (r: Array<{ ms: number; cpuMs: number }>) => `${fmt(r[1].ms)} ms (${fmt(r[1].cpuMs)})`;
    out.push(
      `| ${p.id}: ${p.what} | ${fmt(p.target)} ms | ${c(cold[0])} | ${c(cold[4])} | ${fmt(peak)} MB | ${fmt(engineMs)} ms | ${fmt(referenceMs)} ms | ${(referenceMs / engineMs).toFixed(1)}x${agrees} |`
    );
  }
  out.push("");

  // 3. Template fill.
  if (only) {
    console.log(out.join("\n"));
    return;
  }
  out.push(
    "| template | context.sync() calls | Office.js calls | .xlsx write | .xlsx size | BIZ calls a recalculation |",
    "| --- | ---: | ---: | ---: | ---: | ---: |"
  );
  for (const template of TEMPLATES) {
    const { values } = validateInputs(template, {});
    const recorder = createRecorder();
    await insertTemplate(template, values, recorder.excel as any);
    const t0 = performance.now();
    const buffer = await writeWorkbook([{ template, values }]);
    const xlsxMs = performance.now() - t0;
    out.push(
      `| ${template.title} | ${recorder.syncs} | ${recorder.calls.length} | ${fmt(xlsxMs)} ms | ${kb(buffer.length)} | ${await callsPerRecalculation(buffer)} |`
    );
  }
  const everyValues = TEMPLATES.map((template) => ({ template, values: validateInputs(template, {}).values }));
  const t0 = performance.now();
  const all = await writeWorkbook(everyValues);
  const allMs = performance.now() - t0;
  out.push(`| all six in one workbook | | | ${fmt(allMs)} ms | ${kb(all.length)} | ${await callsPerRecalculation(all)} |`, "");

  // 4. Bundle sizes and task pane load.
  out.push("| bundle | raw | gzipped | target (gzipped) |", "| --- | ---: | ---: | ---: |");
  for (const [file, target] of [
    ["functions.js", "30 KB"],
    ["taskpane.js", "200 KB"],
  ] as const) {
    const bytes = fs.readFileSync(path.join(dist, file));
    out.push(`| ${file} | ${kb(bytes.length)} | ${kb(zlib.gzipSync(bytes, { level: 9 }).length)} | ${target} |`);
  }
  out.push("");
  const load = await measureTaskpaneLoad(dist);
  out.push(
    load
      ? `Task pane, load to interactive in headless Chromium: median of ${load.runs} **${fmt(load.medianMs)} ms** (target under 1000 ms).`
      : "Task pane load: skipped (no /usr/bin/chromium)."
  );

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
