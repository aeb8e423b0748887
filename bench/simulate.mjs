#!/usr/bin/env node
// Times BIZ.SIMULATE at the size the issue sets (1,000,000 members, 36 months, 7 levels, 1 recruit
// a member a month, 5% attrition, so the network really fills) through the BUILT bundle, the way
// Excel's JavaScript-only runtime runs it: functions.js evaluated in a bare context that has only a
// CustomFunctions object and timers, the function called with Excel's argument shapes (level rates
// as a [[row]], the omitted seed as null). It builds nothing: build first (npm run build, or
// `npx webpack --mode production --output-path DIR`) and pass the folder.
//
//   node bench/simulate.mjs [distDir] [--runs N]     each run in a fresh process: cold, like Excel
//   import { benchSimulate } from "./bench/simulate.mjs"; await benchSimulate("dist")
//     -> { ms, cpuMs, peakRssMB, baselineRssMB, result }, measured in a child process so that the peak
//        memory is this call's own and the code is as cold as on a first call in Excel.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);

/** The call being measured: SIMULATE(1000000, 36, 1, 0.05, 100, {0.1,0.05,0.05,0.03,0.03,0.02,0.02}, 50), the seed, spread, goal and report omitted. */
export const BENCH_ARGS = [1000000, 36, 1, 0.05, 100, [[0.1, 0.05, 0.05, 0.03, 0.03, 0.02, 0.02]], 50, null, null, null, null];

/** Loads functions.js from distDir into a bare context and returns its associated functions by id. */
export function loadFunctions(distDir) {
  const file = path.join(distDir, "functions.js");
  if (!fs.existsSync(file)) throw new Error(`not built: ${file} does not exist`);
  class CustomFunctionsError {
    constructor(code, message) {
      this.code = code;
      if (message !== undefined) this.message = message;
    }
  }
  const associated = new Map();
  const CustomFunctions = {
    associate(id, fn) {
      if (typeof id === "object") for (const [k, f] of Object.entries(id)) associated.set(k.toUpperCase(), f);
      else associated.set(String(id).toUpperCase(), fn);
    },
    Error: CustomFunctionsError,
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
  const context = { CustomFunctions, console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask };
  context.self = context;
  context.globalThis = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  return associated;
}

/** One timed call in this process: wall time, peak RSS sampled while it runs, and the result. */
export async function benchSimulateHere(distDir = "dist", args = BENCH_ARGS, id = "SIMULATE") {
  const simulate = loadFunctions(distDir).get(id);
  if (!simulate) throw new Error(`${id} is not associated in ${distDir}/functions.js`);
  const mb = (bytes) => bytes / (1024 * 1024);
  const baselineRssMB = mb(process.memoryUsage().rss);
  let sampledMB = baselineRssMB;
  // SIMULATE pauses for the event loop every 50 ms, so this sampler runs during the call.
  const sampler = setInterval(() => (sampledMB = Math.max(sampledMB, mb(process.memoryUsage().rss))), 5);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let result;
  try {
    // Excel passes a CancelableInvocation after the parameters of a @cancelable function.
    result = await simulate(...args, {});
  } catch (e) {
    result = { error: e.code ?? String(e), message: e.message };
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of this process (user + system; the garbage collector's helper threads count too): on a
  // busy machine the wall time also counts the time other processes had the cores.
  const cpuMs = (cpu.user + cpu.system) / 1000;
  clearInterval(sampler);
  sampledMB = Math.max(sampledMB, mb(process.memoryUsage().rss));
  // The process's own high-water mark (kilobytes on Linux) catches peaks between samples.
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  return { ms, cpuMs, peakRssMB: Math.max(sampledMB, maxRssMB), sampledPeakRssMB: sampledMB, baselineRssMB, result };
}

/** One timed call in a fresh Node process (cold code, its own memory high-water mark); `id` is any of the SIMULATE functions. */
export function benchSimulate(distDir = "dist", args = BENCH_ARGS, id = "SIMULATE") {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here, "--child", path.resolve(distDir), JSON.stringify(args), id], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`benchmark child exited with ${code}`));
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(new Error(`benchmark child printed no result: ${out}`));
      }
    });
  });
}

async function main(argv) {
  if (argv[0] === "--child") {
    const r = await benchSimulateHere(argv[1], JSON.parse(argv[2]), argv[3]);
    process.stdout.write(JSON.stringify(r));
    return;
  }
  let dist = "dist";
  let runs = 3;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") runs = Number(argv[++i]);
    else dist = argv[i];
  }
  const [m, months, r, a, v, rates, c] = BENCH_ARGS;
  console.log(`SIMULATE(${m}, ${months}, ${r}, ${a}, ${v}, {${rates[0].join(",")}}, ${c}) from ${path.resolve(dist)}/functions.js, ${runs} fresh process(es):`);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const b = await benchSimulate(dist);
    results.push(b);
    console.log(
      `  run ${i + 1}: ${b.ms.toFixed(0)} ms (CPU ${b.cpuMs.toFixed(0)} ms), peak RSS ${b.peakRssMB.toFixed(0)} MB (${b.baselineRssMB.toFixed(0)} MB before the call)`
    );
  }
  const ms = results.map((b) => b.ms).sort((x, y) => x - y);
  const peak = Math.max(...results.map((b) => b.peakRssMB));
  console.log(`  median ${ms[Math.floor(ms.length / 2)].toFixed(0)} ms, best ${ms[0].toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB`);
  const value = results[0].result;
  if (Array.isArray(value)) for (const [label, v] of value) console.log(`  ${label.padEnd(30)} ${v}`);
  else console.log("  result:", JSON.stringify(value));
}

if (process.argv[1] && path.resolve(process.argv[1]) === here) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(String(e?.message ?? e));
    process.exit(1);
  });
}
