// Writes docs/mutation-survivors.md from StrykerJS JSON reports (issue 12): one row per mutant that
// survived or that no test covered, each with why it is left. Usage:
//   node scripts/mutation-survivors.mjs reports/mutation/runs/*.json
// Each report may cover one file or several. A later report of a file replaces an earlier one, or,
// when both measured the same source (a run over a few lines, say), replaces only the mutants it ran.
// The reasons live in scripts/mutation-reasons.json, keyed by file, mutator, the line's code and the
// replacement (not by line number, so that they survive edits above them). A survivor with no reason
// is printed and written as "NOT EXAMINED", and the script exits 1: the README promises a reason for each.
// A file that no report given covers keeps its section of the current docs/mutation-survivors.md as
// it is: a run over one changed file rewrites that file's rows and leaves the others' as measured.
import { readFileSync, writeFileSync } from "node:fs";

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error("usage: node scripts/mutation-survivors.mjs REPORT.json ...");
  process.exit(2);
}
const reasonsPath = new URL("./mutation-reasons.json", import.meta.url);
/** @type {Array<{file: string, mutator: string, code: string, becomes: string, why: string}>} */
const reasons = JSON.parse(readFileSync(reasonsPath, "utf8"));
const keyOf = (r) => [r.file, r.mutator, r.code, r.becomes].join("\u0000");
const why = new Map(reasons.map((r) => [keyOf(r), r.why]));

/** file -> { source, mutants } from the latest report that covers it. */
const files = new Map();
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, "utf8"));
  for (const [file, entry] of Object.entries(report.files)) {
    const ran = entry.mutants.filter((m) => m.status !== "Ignored");
    if (ran.length === 0) continue;
    const earlier = files.get(file);
    if (earlier === undefined || earlier.source !== entry.source) {
      files.set(file, entry);
      continue;
    }
    const where = (m) => [m.location.start.line, m.location.start.column, m.location.end.line, m.location.end.column, m.mutatorName, m.replacement].join(" ");
    const again = new Map(ran.map((m) => [where(m), m]));
    files.set(file, { source: entry.source, mutants: earlier.mutants.map((m) => again.get(where(m)) ?? m) });
  }
}

const rows = new Map();
const missing = [];
let total = 0;
for (const [file, { source, mutants }] of [...files].sort()) {
  const lines = source.split("\n");
  const list = [];
  for (const m of mutants) {
    if (m.status !== "Survived" && m.status !== "NoCoverage") continue;
    const code = lines[m.location.start.line - 1].trim();
    const becomes = m.replacement.replace(/\s+/g, " ");
    const row = { file, mutator: m.mutatorName, code, becomes, line: m.location.start.line, status: m.status };
    const reason = why.get(keyOf(row));
    if (reason === undefined) missing.push(row);
    list.push({ ...row, why: reason ?? "NOT EXAMINED" });
  }
  list.sort((a, b) => a.line - b.line || a.mutator.localeCompare(b.mutator));
  const count = (status) => mutants.filter((m) => m.status === status).length;
  const detected = count("Killed") + count("Timeout");
  const score = (100 * detected) / (detected + count("Survived") + count("NoCoverage"));
  console.log(
    `${file}: ${score.toFixed(2)}%, killed ${count("Killed")}, timed out ${count("Timeout")}, survived ${count("Survived")}, no coverage ${count("NoCoverage")}` +
      `, left out: ${count("Ignored")} static, ${count("RuntimeError") + count("CompileError")} errors`
  );
  rows.set(file, list);
  total += list.length;
}

// The sections of files no report covered, from the current page, verbatim.
const page = new URL("../docs/mutation-survivors.md", import.meta.url);
let kept = [];
try {
  const onPage = readFileSync(page, "utf8")
    .split(/^(?=## )/m)
    .slice(1);
  kept = onPage
    .map((text) => ({ file: /^## (\S+) \((\d+)\)/.exec(text), text: text.trimEnd() + "\n\n" }))
    .filter(({ file }) => file !== null && !files.has(file[1]))
    .map(({ file, text }) => ({ file: file[1], count: Number(file[2]), text }));
} catch {
  // No page yet: every file comes from the reports.
}
for (const k of kept) total += k.count;

const cell = (s) => s.replace(/\|/g, "\\|");
const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
let out = `# Mutants left alive (issue 12)

Written by \`node scripts/mutation-survivors.mjs\` from the StrykerJS reports of the runs the README's
"Mutation testing" table lists: one row per mutant that survived ("survived") or that no test ran
("no coverage"), with the line (of the code measured), the mutator, the line's code, what the mutant
made of it, and why it is left. The reasons are kept in \`scripts/mutation-reasons.json\`. ${total} rows.

`;
const sections = new Map(kept.map((k) => [k.file, k.text]));
for (const [file, list] of rows) {
  let text = `## ${file} (${list.length})\n\n| line | mutator | code | becomes | why |\n| ---: | --- | --- | --- | --- |\n`;
  for (const r of list) {
    const status = r.status === "NoCoverage" ? "no test runs it; " : "";
    text += `| ${r.line} | ${r.mutator} | \`${cell(clip(r.code, 90))}\` | \`${cell(clip(r.becomes, 60))}\` | ${status}${cell(r.why)} |\n`;
  }
  sections.set(file, text + "\n");
}
for (const file of [...sections.keys()].sort()) out += sections.get(file);
writeFileSync(page, out);
console.log(`${total} survivors written to docs/mutation-survivors.md (${kept.length} files' rows kept as they were); ${missing.length} without a reason`);
for (const r of missing) console.log(JSON.stringify({ file: r.file, mutator: r.mutator, code: r.code, becomes: r.becomes, why: "", line: r.line }));
process.exit(missing.length > 0 ? 1 : 0);
