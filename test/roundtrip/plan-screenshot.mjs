// Renders the whole plan's Plan sheet as LibreOffice draws it, for the README:
//   npm run build:cli && node test/roundtrip/plan-screenshot.mjs [out.png]
// `bizplan new all` writes the workbook; for the picture only, the Plan sheet is set to print its
// answers (not the recruiting search's working below them) on one landscape page. LibreOffice
// headless converts it to PDF (its default load: the cached figures, as a user without Excel sees
// them) and pdftoppm (poppler-utils) turns the first page into a PNG.
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { createRequire } from "module";

const require = createRequire(import.meta.url);
const JSZip = require("jszip");
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const out = path.resolve(process.argv[2] ?? path.join(root, "docs/plan-sheet.png"));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-shot-"));
try {
  const xlsx = path.join(dir, "plan.xlsx");
  execFileSync("node", [path.join(root, "bin/bizplan.js"), "new", "all", "--out", xlsx], { stdio: "inherit" });
  const zip = await JSZip.loadAsync(fs.readFileSync(xlsx));
  const sheet = "xl/worksheets/sheet1.xml"; // the Plan sheet is the first
  let xml = await zip.file(sheet).async("string");
  xml = xml.replace(/<pageSetup [^>]*\/>/, '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  xml = xml.replace(/(<worksheet [^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  zip.file(sheet, xml);
  let wb = await zip.file("xl/workbook.xml").async("string");
  const area = '<definedName name="_xlnm.Print_Area" localSheetId="0">Plan!$A$1:$N$39</definedName>';
  wb = wb.includes("<definedNames>")
    ? wb.replace("<definedNames>", `<definedNames>${area}`)
    : wb.replace("</sheets>", `</sheets><definedNames>${area}</definedNames>`);
  zip.file("xl/workbook.xml", wb);
  fs.writeFileSync(xlsx, await zip.generateAsync({ type: "nodebuffer" }));
  const profile = path.join(dir, "profile");
  execFileSync("soffice", ["--headless", "--norestore", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", dir, xlsx], {
    stdio: "inherit",
  });
  execFileSync("pdftoppm", [
    "-f",
    "1",
    "-l",
    "1",
    "-png",
    "-r",
    "110",
    "-singlefile",
    "-x",
    "60",
    "-y",
    "60",
    "-W",
    "1100",
    "-H",
    "540",
    path.join(dir, "plan.pdf"),
    path.join(dir, "plan"),
  ]);
  fs.copyFileSync(path.join(dir, "plan.png"), out);
  console.log(`Wrote ${out} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
