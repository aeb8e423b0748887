#!/usr/bin/env node
// Writes the README's function reference from the built functions.json (run `npm run build` first),
// between the markers <!-- functions:start --> and <!-- functions:end -->. A test checks that the
// README matches, so the reference cannot drift from the metadata Excel reads.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { renderMarkdown } = require("./help-page.js");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dist = process.env.HBP_DIST ?? path.join(root, "dist");
const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8"));
const readmePath = path.join(root, "README.md");
const readme = fs.readFileSync(readmePath, "utf8");
const start = "<!-- functions:start -->";
const end = "<!-- functions:end -->";
const i = readme.indexOf(start);
const j = readme.indexOf(end);
if (i < 0 || j < i) {
  console.error(`README.md has no ${start} ... ${end} section`);
  process.exit(1);
}
const next = readme.slice(0, i + start.length) + "\n" + renderMarkdown(metadata) + "\n" + readme.slice(j);
if (process.argv.includes("--check")) {
  if (next !== readme) {
    console.error("README.md's function reference is out of date: run npm run build && npm run docs");
    process.exit(1);
  }
  console.log("README function reference is up to date");
} else {
  fs.writeFileSync(readmePath, next);
  console.log(`README.md: function reference for ${metadata.functions.length} functions`);
}
