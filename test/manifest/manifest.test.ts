// manifest.xml, the icons it names, and `npm start`'s dry run.
// (a) Microsoft's XSD and the offline checks of ../shared/tools/validate-manifest, when that tool and
//     xmllint are present; skipped with a named test otherwise (a failure in CI), the checks below still run.
// (b) What Excel needs from this add-in, read straight from the XML: Workbook host, ReadWriteDocument,
//     the CustomFunctionsRuntime 1.3 requirement, the JavaScript-only runtime (no shared runtime),
//     the BIZ namespace and its URLs, the ribbon button, and icons that are PNGs of the size named.
// (c) scripts/start.mjs in dry-run mode plans the Linux path: exit 0, Excel-on-the-web sideloading,
//     nothing written.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { required } from "../support/required";

const root = path.resolve(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const assetsDir = path.join(root, "assets");
const startScript = path.join(root, "scripts", "start.mjs");
const validator = path.resolve(__dirname, "../../../shared/tools/validate-manifest");
const ORIGIN = "https://localhost:3000";

const rawXml = fs.readFileSync(manifestPath, "utf8");
const xml = rawXml.replace(/<!--[\s\S]*?-->/g, ""); // comments are not manifest content

function all(re: RegExp, text = xml): RegExpMatchArray[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))];
}
function one(re: RegExp, text = xml): RegExpMatchArray {
  const found = all(re, text);
  if (found.length !== 1) throw new Error(`expected exactly one match of ${re} in manifest.xml, found ${found.length}`);
  return found[0];
}
/** <bt:Image|Url|String id="X" DefaultValue="Y"/> in <Resources>, by id. */
function resources(): Map<string, string> {
  const map = new Map<string, string>();
  const section = one(/<Resources>([\s\S]*?)<\/Resources>/)[1];
  for (const m of all(/<bt:(?:Image|Url|String)\s+id="([^"]+)"\s+DefaultValue="([^"]*)"/, section)) {
    if (map.has(m[1])) throw new Error(`resource ${m[1]} is defined twice`);
    map.set(m[1], m[2]);
  }
  return map;
}
/** Width and height from a PNG's IHDR chunk; throws if the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
function commandExists(cmd: string): boolean {
  const r = spawnSync(process.platform === "win32" ? "where" : "which", [cmd], { encoding: "utf8" });
  return r.status === 0;
}

describe("manifest.xml: shared offline validator", () => {
  const available = required(
    fs.existsSync(validator) && commandExists("xmllint") && commandExists("bash"),
    "test/manifest/manifest.test.ts: ../shared/tools/validate-manifest, xmllint or bash is missing (XSD check not run)"
  );
  const testIf = available ? test : test.skip;
  const name = available
    ? "passes ../shared/tools/validate-manifest (XSD, resids, https, icons)"
    : "SKIPPED: ../shared/tools/validate-manifest or xmllint/bash is not available here (XSD check not run)";
  testIf(name, () => {
    const r = spawnSync("bash", [validator, manifestPath, assetsDir], { encoding: "utf8", timeout: 60000 });
    const output = `${r.stdout}${r.stderr}`;
    expect({ status: r.status, output }).toEqual({ status: 0, output: expect.stringContaining("manifest valid") });
  });
});

describe("manifest.xml: what Excel needs", () => {
  const res = resources();

  test("is an Excel (Workbook) task pane add-in with a fixed GUID id and the product name", () => {
    expect(xml).toMatch(/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/);
    expect(one(/<Id>([^<]*)<\/Id>/)[1]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(one(/<ProviderName>([^<]*)<\/ProviderName>/)[1]).toBe("Home Business Planner");
    expect(one(/<DisplayName\s+DefaultValue="([^"]*)"/)[1]).toBe("Home Business Planner");
    const topHosts = all(/<Host\s+Name="([^"]*)"\s*\/>/).map((m) => m[1]);
    expect(topHosts).toEqual(["Workbook"]);
    const overrideHosts = all(/<Host\s+xsi:type="([^"]*)"\s*>/).map((m) => m[1]);
    expect(overrideHosts).toEqual(["Workbook"]);
  });

  test("asks for exactly ReadWriteDocument", () => {
    expect(one(/<Permissions>([^<]*)<\/Permissions>/)[1].trim()).toBe("ReadWriteDocument");
  });

  test("requires CustomFunctionsRuntime 1.3 (CustomFunctions.Error is 1.2, CustomFunctions.ErrorCode 1.3)", () => {
    const requirements = one(/<Requirements>([\s\S]*?)<\/Requirements>/)[1];
    expect(requirements).toMatch(/<Set\s+Name="CustomFunctionsRuntime"\s+MinVersion="1\.3"\s*\/>/);
  });

  test("SupportUrl and the Get Started LearnMoreUrl are the add-in's own help page, not a template placeholder", () => {
    expect(one(/<SupportUrl\s+DefaultValue="([^"]*)"/)[1]).toBe(`${ORIGIN}/help.html`);
    expect(res.get("GetStarted.LearnMoreUrl")).toBe(`${ORIGIN}/help.html#get-started`);
  });

  test("runs custom functions on the JavaScript-only runtime (no shared runtime)", () => {
    expect(rawXml).not.toMatch(/SharedRuntime/i);
    expect(xml).not.toMatch(/<Runtimes?\b/);
    expect(xml).not.toMatch(/lifetime="long"/i);
  });

  test("declares the BIZ namespace and the functions script, metadata and page", () => {
    const cf = one(/<ExtensionPoint\s+xsi:type="CustomFunctions">([\s\S]*?)<\/ExtensionPoint>/)[1];
    const url = (tag: string) => {
      const m = cf.match(new RegExp(`<${tag}>\\s*<SourceLocation\\s+resid="([^"]+)"`));
      return m ? res.get(m[1]) : undefined;
    };
    const ns = cf.match(/<Namespace\s+resid="([^"]+)"/);
    expect(ns && res.get(ns[1])).toBe("BIZ");
    expect(url("Script")).toBe(`${ORIGIN}/functions.js`);
    expect(url("Metadata")).toBe(`${ORIGIN}/functions.json`);
    expect(url("Page")).toBe(`${ORIGIN}/functions.html`);
  });

  test("has a Home tab button that shows the task pane, and a commands function file", () => {
    const surface = one(/<ExtensionPoint\s+xsi:type="PrimaryCommandSurface">([\s\S]*?)<\/ExtensionPoint>/)[1];
    expect(surface).toMatch(/<OfficeTab\s+id="TabHome">/);
    const group = surface.match(/<Group\s+id="[^"]+">\s*<Label\s+resid="([^"]+)"/);
    expect(group && res.get(group[1])).toBe("Home Business Planner");
    const action = surface.match(/<Action\s+xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation\s+resid="([^"]+)"/);
    expect(action && res.get(action[1])).toBe(`${ORIGIN}/taskpane.html`);
    expect(one(/<DefaultSettings>\s*<SourceLocation\s+DefaultValue="([^"]*)"/)[1]).toBe(`${ORIGIN}/taskpane.html`);
    const functionFile = one(/<FunctionFile\s+resid="([^"]+)"/)[1];
    expect(res.get(functionFile)).toBe(`${ORIGIN}/commands.html`);
  });

  test("every resid is defined and every URL is https on localhost:3000", () => {
    for (const m of all(/resid="([^"]+)"/)) expect({ resid: m[1], defined: res.has(m[1]) }).toEqual({ resid: m[1], defined: true });
    const urls = all(/(?:DefaultValue|Value)="(https?:[^"]*)"/).map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });

  test("every icon it names is in assets/ and is a PNG of the size in its file name", () => {
    const icons = [...new Set(all(/https:\/\/localhost:3000\/assets\/([^"]+)/).map((m) => m[1]))];
    expect(icons).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]));
    for (const icon of icons) {
      const file = path.join(assetsDir, icon);
      expect({ icon, exists: fs.existsSync(file) }).toEqual({ icon, exists: true });
      const sized = icon.match(/-(\d+)\.png$/);
      const { width, height } = pngSize(file);
      if (sized) expect({ icon, width, height }).toEqual({ icon, width: Number(sized[1]), height: Number(sized[1]) });
    }
  });

  test("ribbon images match their declared size", () => {
    for (const m of all(/<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"/)) {
      const url = res.get(m[2]) ?? "";
      const file = path.join(assetsDir, url.replace(`${ORIGIN}/assets/`, ""));
      expect({ resid: m[2], ...pngSize(file) }).toEqual({ resid: m[2], width: Number(m[1]), height: Number(m[1]) });
    }
  });
});

describe("scripts/start.mjs dry run", () => {
  function dryRun(extraArgs: string[]) {
    // A throwaway home and certificate folder: the dry run must not write to either.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-start-"));
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: tmp, USERPROFILE: tmp, HBP_START_DRY_RUN: "1", HBP_CERT_DIR: path.join(tmp, ".certs") };
    delete env.HBP_HTTPS_CERT;
    delete env.HBP_HTTPS_KEY;
    delete env.HBP_HTTPS_CA;
    delete env.HBP_CERTS;
    const r = spawnSync(process.execPath, [startScript, ...extraArgs], { cwd: root, env, encoding: "utf8", timeout: 30000 });
    const written = fs.readdirSync(tmp);
    fs.rmSync(tmp, { recursive: true, force: true });
    return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", written, error: r.error };
  }

  test("on Linux: exits 0 without starting or writing anything and explains sideloading to Excel on the web", () => {
    // On a Linux machine this is the real plan; elsewhere --platform=linux asks for the same plan.
    const r = dryRun(process.platform === "linux" ? [] : ["--platform=linux"]);
    expect(r.error).toBeUndefined();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.written).toEqual([]);
    expect(r.stdout).toContain("dry run");
    expect(r.stdout).toContain("Excel on the web");
    expect(r.stdout).toContain("Upload My Add-in");
    expect(r.stdout).toContain(manifestPath);
    expect(r.stdout).toContain("sideload-office-add-ins-for-testing");
    expect(r.stdout).toContain("webpack serve --mode development");
    // How to trust the certificate, with the exact Debian and Chrome (NSS) commands.
    expect(r.stdout).toContain("sudo update-ca-certificates");
    expect(r.stdout).toMatch(/certutil -d sql:\$HOME\/\.pki\/nssdb -A -t C,, -n office-addin-dev -i /);
    expect(r.stdout).not.toContain("office-addin-debugging start");
  });

  test("on Windows (planned): sideloads into desktop Excel with office-addin-debugging", () => {
    const r = dryRun(["--platform=win32"]);
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
    expect(r.written).toEqual([]);
    expect(r.stdout).toContain("office-addin-debugging start manifest.xml desktop");
    expect(r.stdout).toContain("office-addin-debugging stop manifest.xml");
    expect(r.stdout).toContain("ensureCertificatesAreInstalled");
  });
});
