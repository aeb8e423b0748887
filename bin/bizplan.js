#!/usr/bin/env node
"use strict";
// The `bizplan` command. The CLI is TypeScript (src/cli/bizplan.ts) compiled into lib/ by
// `npm run build:cli`, which `npm install` / `npm ci` run through the "prepare" script.
const path = require("path");

const entry = path.join(__dirname, "..", "lib", "cli", "bizplan.js");
let cli;
try {
  cli = require(entry);
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes(entry)) {
    process.stderr.write(
      "bizplan: the command is not built yet (" +
        path.relative(process.cwd(), entry) +
        " is missing).\n" +
        "Run `npm run build:cli` in " +
        path.resolve(__dirname, "..") +
        " (npm install runs it too), then try again.\n"
    );
    process.exit(1);
  }
  throw e;
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write("bizplan: " + (e && e.stack ? e.stack : String(e)) + "\n");
    process.exitCode = 1;
  }
);
