import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * LibreOffice headless for the round-trip test: finds soffice, and converts a batch of files in
 * ONE soffice run (start-up is the slow part) with a throw-away profile. With `recalc`, the profile
 * sets Calc's "recalculation on file load" for Excel 2007+ files to Always (OOXMLRecalcMode 0), so
 * every formula is recomputed by LibreOffice instead of read from the cached results.
 */

export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  try {
    const found = execFileSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" }).trim();
    return found || undefined;
  } catch {
    return undefined;
  }
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface Conversion {
  /** The converted file for each input, by input path. */
  readonly outputs: ReadonlyMap<string, string>;
  readonly ms: number;
}

/**
 * Converts every file to `format` ("xlsx", "html") into `outDir`, in one soffice run. Input base
 * names must differ (outputs are named after them).
 */
export function convert(soffice: string, files: readonly string[], outDir: string, format: string, options: { recalc: boolean }): Conversion {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
  try {
    if (options.recalc) {
      fs.mkdirSync(path.join(profile, "user"), { recursive: true });
      fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
    }
    const filter = format === "xlsx" ? "xlsx:Calc MS Excel 2007 XML" : format;
    const started = Date.now();
    const run = spawnSync(
      soffice,
      ["--headless", "--norestore", "--nolockcheck", `-env:UserInstallation=file://${profile}`, "--convert-to", filter, "--outdir", outDir, ...files],
      { encoding: "utf8", timeout: 150_000 }
    );
    const ms = Date.now() - started;
    const outputs = new Map<string, string>();
    for (const f of files) {
      const out = path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`);
      if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${f} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
      outputs.set(f, out);
    }
    if (options.recalc) {
      // The setting must have been read, not replaced: else the "recalc" run proves nothing.
      const xcu = fs.readFileSync(path.join(profile, "user", "registrymodifications.xcu"), "utf8");
      if (!/OOXMLRecalcMode[^]*?<value>0<\/value>/.test(xcu)) throw new Error("LibreOffice dropped the OOXMLRecalcMode setting from the profile");
    }
    return { outputs, ms };
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
