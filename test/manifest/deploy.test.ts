import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { distDir } from "../support/excel-runtime";
import { required } from "../support/required";

/**
 * A deployable build (issue 9): one setting, ADDIN_BASE_URL, points everything the build writes at
 * the public host. The production build runs here for a sample host into a temporary folder (so
 * dist/ is left alone) and no file of it may name localhost. The development default stays
 * https://localhost:3000/, checked on the dist/ that `npm test` built.
 */

jest.setTimeout(900_000);

const root = path.resolve(__dirname, "../..");
const BASE = "https://example.org/hbp/";
const validator = path.resolve(root, "../shared/tools/validate-manifest");

/** Every file under a folder, relative to it. */
function files(dir: string, sub = ""): string[] {
  return fs
    .readdirSync(path.join(dir, sub), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(dir, path.join(sub, e.name)) : [path.join(sub, e.name)]));
}

/** Every URL in a manifest: DefaultValue and Value attributes, and element text that is a URL. */
function manifestUrls(xml: string): string[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");
  const attrs = [...body.matchAll(/(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map((m) => m[1]);
  const texts = [...body.matchAll(/>\s*(https?:[^<\s]*)\s*</g)].map((m) => m[1]);
  return [...attrs, ...texts];
}

describe("ADDIN_BASE_URL: a build for a real host", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "hbp-deploy-"));
  let build: { status: number | null; output: string };

  beforeAll(() => {
    const webpack = path.join(root, "node_modules/webpack-cli/bin/cli.js");
    const r = spawnSync(process.execPath, [webpack, "--mode", "production"], {
      cwd: root,
      env: { ...process.env, ADDIN_BASE_URL: BASE, ADDIN_OUTPUT_DIR: out },
      encoding: "utf8",
      timeout: 850_000,
    });
    build = { status: r.status, output: `${r.stdout}${r.stderr}` };
  });

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test("builds", () => {
    expect({ status: build.status, output: build.status === 0 ? "" : build.output }).toEqual({ status: 0, output: "" });
  });

  test("writes the whole add-in: manifest, pages, scripts, metadata, icons", () => {
    expect(files(out).sort()).toEqual(
      expect.arrayContaining([
        "manifest.xml",
        "taskpane.html",
        "taskpane.js",
        "functions.html",
        "functions.js",
        "functions.json",
        "commands.html",
        "commands.js",
        "help.html",
        path.join("assets", "icon-32.png"),
      ])
    );
  });

  test('no file of the build names "localhost"', () => {
    const naming = files(out).filter((f) => fs.readFileSync(path.join(out, f)).toString("latin1").includes("localhost"));
    expect(naming).toEqual([]);
  });

  test("every URL of the manifest is under the base URL: pages, scripts, metadata, icons, SupportUrl, LearnMoreUrl", () => {
    const xml = fs.readFileSync(path.join(out, "manifest.xml"), "utf8");
    const urls = manifestUrls(xml);
    expect(urls.length).toBeGreaterThanOrEqual(13);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(xml).toContain(`<SupportUrl DefaultValue="${BASE}help.html"/>`);
    expect(xml).toContain(`<SourceLocation DefaultValue="${BASE}taskpane.html"/>`);
    expect(xml).toContain(`DefaultValue="${BASE}help.html#get-started"`);
    expect(xml).toContain(`DefaultValue="${BASE}functions.json"`);
    // Each URL names a file the build wrote (a fragment names a place in it).
    const missing = urls.map((u) => u.slice(BASE.length).replace(/#.*$/, "")).filter((f) => !fs.existsSync(path.join(out, f)));
    expect(missing).toEqual([]);
  });

  test("the built manifest passes Microsoft's schema and the offline checks", () => {
    // The schema check needs ../shared (a failure in CI without it); the URL checks above do not.
    if (!required(fs.existsSync(validator), `${validator} is missing (the built manifest's schema check)`)) return;
    const r = spawnSync("bash", [validator, path.join(out, "manifest.xml"), path.join(root, "assets")], { encoding: "utf8", timeout: 60_000 });
    expect({ status: r.status, output: `${r.stdout}${r.stderr}` }).toEqual({ status: 0, output: expect.stringContaining("manifest valid") });
  });

  test("every @helpurl in functions.json points at the hosted help page", () => {
    const meta = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")) as { functions: Array<{ id: string; helpUrl: string }> };
    expect(meta.functions.length).toBeGreaterThanOrEqual(18);
    for (const f of meta.functions) expect({ id: f.id, helpUrl: f.helpUrl }).toEqual({ id: f.id, helpUrl: `${BASE}help.html#${f.id}` });
  });
});

describe("the development default", () => {
  test("dist/manifest.xml is manifest.xml as it is: https://localhost:3000", () => {
    expect(fs.readFileSync(path.join(distDir(), "manifest.xml"), "utf8")).toBe(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  });

  test("a base URL that is not https, or not a URL, is refused before anything is built", () => {
    const config = require(path.join(root, "webpack.config.js")) as (env: Record<string, string>, argv: { mode: string }) => unknown;
    expect(() => config({ baseUrl: "http://example.org/hbp/" }, { mode: "production" })).toThrow(/must be https/);
    expect(() => config({ baseUrl: "example.org" }, { mode: "production" })).toThrow(/not a URL/);
    expect(() => config({ baseUrl: "https://example.org/hbp/?v=1" }, { mode: "production" })).toThrow(/no \? or #/);
    expect(config({ baseUrl: "https://example.org/hbp" }, { mode: "production" })).toMatchObject({
      plugins: expect.arrayContaining([expect.objectContaining({ base: BASE })]),
    });
  });
});
