import fs from "fs";
import path from "path";
import { distDir } from "../support/excel-runtime";

/**
 * The add-in's pages trust only themselves and Office's CDN, never run text as code, and never
 * insert user text as HTML. Checked on the sources and on the built pages.
 */
const root = path.join(__dirname, "../..");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

function csp(html: string): Record<string, string[]> {
  const m = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html);
  if (!m) return {};
  return Object.fromEntries(
    m[1]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources])
  );
}

const pages = ["taskpane.html", "commands.html", "functions.html", "help.html"];

test.each(pages)("%s has a Content-Security-Policy that allows only itself and Office's CDN", (page) => {
  const policy = csp(fs.readFileSync(path.join(distDir(), page), "utf8"));
  expect(policy["default-src"]?.[0]).toBe("'self'"); // every page falls back to itself first
  for (const [directive, sources] of Object.entries(policy)) {
    for (const source of sources) {
      // Inline styles only: Fluent UI injects its CSS at run time. Images may be data: URLs.
      const allowed =
        source === "'self'" ||
        source === OFFICE_CDN ||
        (directive === "style-src" && source === "'unsafe-inline'") ||
        (directive === "img-src" && source === "data:");
      expect({ directive, source, allowed }).toEqual({ directive, source, allowed: true });
    }
  }
  const all = Object.values(policy).flat().join(" ");
  expect(all).not.toMatch(/unsafe-eval|\*/);
});

test("the pages load scripts only from themselves and Office's CDN", () => {
  for (const page of pages) {
    const html = fs.readFileSync(path.join(distDir(), page), "utf8");
    for (const m of html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)) expect(m[1].startsWith(OFFICE_CDN + "/") || !/^[a-z]+:/i.test(m[1])).toBe(true);
  }
});

test("no source runs text as code or inserts HTML", () => {
  const offenders: string[] = [];
  for (const file of filesUnder(path.join(root, "src"), /\.(ts|tsx|js)$/)) {
    const text = fs.readFileSync(file, "utf8");
    for (const pattern of [
      /\beval\s*\(/,
      /new Function\s*\(/,
      /dangerouslySetInnerHTML/,
      /\.innerHTML\s*=/,
      /\.outerHTML\s*=/,
      /insertAdjacentHTML/,
      /document\.write/,
    ]) {
      if (pattern.test(text)) offenders.push(`${path.relative(root, file)}: ${pattern}`);
    }
  }
  expect(offenders).toEqual([]);
});

test("the add-in makes no network calls of its own beyond its own origin", () => {
  const calls: string[] = [];
  for (const file of filesUnder(path.join(root, "src"), /\.(ts|tsx|js)$/)) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\b\s*\(?\s*([^,)]*)/g))
      calls.push(`${path.relative(root, file)}: ${m[1]} ${m[2]}`);
  }
  // The one call: the function reference reads functions.json from the pane's own origin.
  expect(calls).toEqual(["src/taskpane/function-list.ts: fetch url"]);
  expect(fs.readFileSync(path.join(root, "src/taskpane/function-list.ts"), "utf8")).toMatch(/loadFunctions\(url = "functions\.json"\)/);
});

test("the built functions bundle holds no code-from-text and no addresses", () => {
  const js = fs.readFileSync(path.join(distDir(), "functions.js"), "utf8");
  expect(js).not.toMatch(/\beval\(|new Function|https?:\/\//);
});
