import { execFileSync } from "child_process";
import fs from "fs";
import path from "path";
import { distDir } from "../support/excel-runtime";

const root = path.join(__dirname, "../..");

test("the README's function reference matches the built functions.json", () => {
  // Throws (exit 1) when the section differs from what the script would write.
  execFileSync("node", ["scripts/function-reference.mjs", "--check"], { cwd: root, env: { ...process.env, HBP_DIST: distDir() } });
});

test("the README's quick start is two commands: one runs the product, one runs the tests", () => {
  const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
  const quick = readme.split("## Quick start")[1].split("```sh")[1].split("```")[0].trim().split("\n");
  expect(quick.map((l) => l.replace(/\s+#.*$/, ""))).toEqual(["npm ci && npm start", "npm test"]);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  expect(pkg.scripts.start).toBeTruthy();
  expect(pkg.scripts.test).toMatch(/tsc --noEmit/);
});
