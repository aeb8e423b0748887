import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../workbook/read-xlsx";

/**
 * The `bizplan` bin as a fresh clone gets it: tsconfig.cli.json compiles the CLI (no DOM, no
 * Office types) into lib/, and bin/bizplan.js runs it; without lib/ it says how to build it.
 * Built into a temporary folder, so the shared lib/ is never touched.
 */

jest.setTimeout(120_000);

const root = path.resolve(__dirname, "..", "..");
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bizplan-bin-"));
  fs.mkdirSync(path.join(dir, "bin"));
  fs.copyFileSync(path.join(root, "bin", "bizplan.js"), path.join(dir, "bin", "bizplan.js"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const node = (args: string[], cwd = dir) =>
  spawnSync(process.execPath, [path.join(dir, "bin", "bizplan.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: path.join(root, "node_modules") },
  });

test("without lib/ the bin says to run npm run build:cli, and exits 1", () => {
  const r = node(["list"]);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("npm run build:cli");
});

test("tsconfig.cli.json builds the CLI, and `bizplan new all` writes a workbook with every template", async () => {
  const tsc = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json"), "--outDir", path.join(dir, "lib")],
    { encoding: "utf8" }
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
  expect(fs.existsSync(path.join(dir, "lib", "cli", "bizplan.js"))).toBe(true);

  const help = node(["--help"]);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("bizplan new <template|all>");

  const list = node(["list"]);
  expect(list.status).toBe(0);
  const ids = [...list.stdout.matchAll(/^(\S+) {2}/gm)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThan(0);

  const out = path.join(dir, "plan.xlsx");
  const made = node(["new", "all", "--out", out]);
  expect(made.stderr).toBe("");
  expect(made.status).toBe(0);
  const wb = await readXlsx(out);
  expect(wb.worksheets).toHaveLength(ids.length);

  const bad = node(["new", "all", "--set", "NoSuchInput=1", "--out", path.join(dir, "bad.xlsx")]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('unknown input "NoSuchInput"');
  expect(fs.existsSync(path.join(dir, "bad.xlsx"))).toBe(false);
});
