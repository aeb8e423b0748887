import ExcelJS from "exceljs";
import JSZip from "jszip";
import { TEMPLATES } from "../../src/templates";
import { validateInputs } from "../../src/templates/inputs";
import { CellValue, SheetPlan, Template } from "../../src/templates/model";
import { NUMBER_FORMATS } from "../../src/workbook/styles";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { formatAddress, parseAddress, quoteSheet } from "../../src/workbook/xlsx-formulas";
import { storedForm } from "./stored-form";
import { dependencies } from "../roundtrip/formula-refs";
import { readXlsx } from "./read-xlsx";

/**
 * Every real template through the .xlsx writer, read back with exceljs: the sheet, every formula in
 * its stored form with its cached figure, the names, tables, validation lists and chart parts.
 */

const defaults = (t: Template) => validateInputs(t, {}).values;

/** A formula cell's cached figure (exceljs leaves a falsy result out of cell.value). */
function cached(cell: ExcelJS.Cell): unknown {
  const r = cell.result as unknown;
  return r && typeof r === "object" && "error" in r ? (r as { error: string }).error : r;
}

const sameFigure = (a: unknown, b: CellValue) =>
  typeof b === "number"
    ? typeof a === "number" && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b))
    : b === ""
      ? a === "" || a === undefined || a === null // exceljs reads an empty cached text (<v></v>) as nothing
      : a === b;

/** What Excel recalculates every time a workbook opens (and so every cell that uses its result). */
const VOLATILE = /(?<![\w.])(OFFSET|INDIRECT|NOW|TODAY|RAND|RANDBETWEEN|RANDARRAY|CELL|INFO)\s*\(/i;

const measured: string[] = [];
afterAll(() => {
  console.log(`Writing each template's .xlsx (default inputs):\n${measured.join("\n")}`);
});

describe.each(TEMPLATES.map((t) => [t.title, t] as const))("%s", (_title, template) => {
  let plan: SheetPlan;
  let bytes: Buffer;
  let ws: ExcelJS.Worksheet;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    const values = defaults(template);
    plan = template.build(values);
    await writeWorkbook([{ template, values }]); // warm-up: module loading and JIT are not the template's cost
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      bytes = await writeWorkbook([{ template, values }]);
      runs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    runs.sort((a, b) => a - b);
    measured.push(
      `  ${template.title.padEnd(28)} ${runs[2].toFixed(1).padStart(6)} ms (median of 5)  ${(bytes.length / 1024).toFixed(1).padStart(5)} KB  ${plan.cells.length} cells, ${plan.tables.length} tables, ${plan.charts.length} charts`
    );
    wb = await readXlsx(bytes);
    ws = wb.worksheets[0];
    zip = await JSZip.loadAsync(bytes);
  });

  test("one sheet named after the template", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([template.title]);
  });

  test("every cell holds its constant, or its formula in the stored form with the computed figure cached", () => {
    const bad: string[] = [];
    for (const c of plan.cells) {
      const cell = ws.getCell(c.ref);
      if (c.formula !== undefined && c.spill && (c.spill.length > 1 || c.spill[0].length > 1)) {
        const at = parseAddress(c.ref);
        c.spill.forEach((row, r) =>
          row.forEach((v, j) => {
            const spilled = ws.getCell(at.row + r, at.col + j);
            // One array formula on the top-left cell; the other cells of the range hold its cached figures.
            const want = r === 0 && j === 0 ? storedForm(c.formula as string) : undefined;
            const got = spilled.type === ExcelJS.ValueType.Formula ? cached(spilled) : spilled.value;
            if (spilled.formula !== want) bad.push(`${spilled.address}: formula ${spilled.formula}, want ${want}`);
            if (!sameFigure(got, v)) bad.push(`${spilled.address}: ${JSON.stringify(got)}, want ${JSON.stringify(v)}`);
          })
        );
      } else if (c.formula !== undefined) {
        if (cell.formula !== storedForm(c.formula)) bad.push(`${c.ref}: formula ${cell.formula}, want ${storedForm(c.formula)}`);
        if (c.value === undefined) bad.push(`${c.ref}: the plan gives no figure for ${c.formula}`);
        else if (!sameFigure(cached(cell), c.value)) bad.push(`${c.ref}: cached ${JSON.stringify(cached(cell))}, want ${JSON.stringify(c.value)}`);
      } else if (c.value !== undefined && !sameFigure(cell.value, c.value))
        bad.push(`${c.ref}: ${JSON.stringify(cell.value)}, want ${JSON.stringify(c.value)}`);
      if (c.format && !(c.format === "text" && c.formula !== undefined) && cell.numFmt !== NUMBER_FORMATS[c.format])
        bad.push(`${c.ref}: format ${cell.numFmt}, want ${NUMBER_FORMATS[c.format]}`);
    }
    expect(bad).toEqual([]);
  });

  test("every named input and output is a workbook name on its cell", () => {
    const names = new Map<string, string[]>(wb.definedNames.model.map((n: { name: string; ranges: string[] }) => [n.name, n.ranges]));
    const named = plan.cells.filter((c) => c.name);
    for (const input of template.inputs) expect(named.map((c) => c.name)).toContain(input.name);
    for (const output of template.outputs) expect(named.map((c) => c.name)).toContain(output);
    for (const c of named)
      expect([c.name, names.get(c.name as string)]).toEqual([c.name, [`${quoteSheet(template.title)}!${formatAddress(parseAddress(c.ref), true)}`]]);
  });

  test("tables are Excel tables with their rows' formulas and cached figures", () => {
    const tables = (ws as unknown as { tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }> }).tables;
    expect(Object.keys(tables).sort()).toEqual(plan.tables.map((t) => t.name).sort());
    const bad: string[] = [];
    for (const t of plan.tables) {
      const head = parseAddress(t.ref);
      expect(tables[t.name].table.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.header));
      t.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const cell = ws.getCell(head.row + 1 + i, head.col + j);
          if (typeof v === "object") {
            const want = storedForm(v.formula, t.name);
            if (cell.formula !== want) bad.push(`${cell.address}: ${cell.formula}, want ${want}`);
            if (!sameFigure(cached(cell), v.value)) bad.push(`${cell.address}: cached ${JSON.stringify(cached(cell))}, want ${JSON.stringify(v.value)}`);
          } else if (!sameFigure(cell.value, v)) bad.push(`${cell.address}: ${JSON.stringify(cell.value)}, want ${JSON.stringify(v)}`);
        })
      );
    }
    expect(bad).toEqual([]);
  });

  test("validation lists on their cells", () => {
    for (const v of plan.validations) {
      const first = v.ref.split(":")[0];
      expect(ws.getCell(first).dataValidation).toMatchObject({ type: "list", formulae: [`"${v.list.join(",")}"`] });
    }
  });

  test("one chart part per chart, with its title", async () => {
    const parts = Object.keys(zip.files)
      .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
      .sort();
    expect(parts).toHaveLength(plan.charts.length);
    const titles = await Promise.all(parts.map(async (p) => /<a:t>([^<]*)<\/a:t>/.exec(await zip.file(p)!.async("string"))?.[1]));
    expect(titles.sort()).toEqual(
      plan.charts.map((c) => c.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")).sort()
    );
  });

  test("no volatile function feeds a BIZ cell (Excel and LibreOffice recompute volatile cells on open, turning BIZ cells into #NAME? without the add-in)", () => {
    const deps = dependencies([{ name: template.title, plan }]);
    const offenders = [...deps.bizCalls].flatMap((k) =>
      [...deps.upstream(k)]
        .filter((u) => VOLATILE.test((deps.formulas.get(u) as { formula: string }).formula))
        .map((u) => `${u} (${deps.formulas.get(u)?.formula}) feeds ${k}`)
    );
    expect([...new Set(offenders)]).toEqual([]);
  });
});

test("all six templates in one workbook: names are unique across templates, and writing stays fast", async () => {
  const started = Date.now();
  const bytes = await writeWorkbook(TEMPLATES.map((template) => ({ template, values: defaults(template) })));
  const ms = Date.now() - started;
  const wb = await readXlsx(bytes);
  expect(wb.worksheets.map((w) => w.name)).toEqual(TEMPLATES.map((t) => t.title));
  measured.push(`  ${"all six in one workbook".padEnd(28)} ${String(ms).padStart(6)} ms            ${(bytes.length / 1024).toFixed(1).padStart(5)} KB`);
  expect(ms).toBeLessThan(5000);
});
