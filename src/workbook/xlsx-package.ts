import JSZip from "jszip";

/**
 * Small edits to the package exceljs writes, for what exceljs cannot express or gets wrong: the
 * calculation stamp, dynamic-array metadata, table column formats, calculated table columns, and
 * (in xlsx-charts.ts) chart parts.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the package has no ${path}`);
  return file.async("string");
}

/** The worksheet part of each sheet name, read from the workbook and its relationships. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await text(zip, "xl/workbook.xml");
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const part = id && targets.get(id);
    if (name !== undefined && part) parts.set(unescapeXml(name), part);
  }
  return parts;
}

/** Content-type overrides for new parts. */
export async function addOverrides(zip: JSZip, overrides: readonly string[]): Promise<void> {
  const types = await text(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
}

/**
 * exceljs stamps the file as calculated by Excel 2013's engine (calcId 171027), and a newer Excel
 * recalculates such a file in full when it opens it: without the add-in every BIZ cell would turn
 * into #NAME? and the cached figures would be lost. Stamping the engine of current Excel (191029,
 * what Excel 2016 to 365 write) keeps the cached figures on screen until an input changes.
 */
export async function markCalculated(zip: JSZip): Promise<void> {
  const path = "xl/workbook.xml";
  const xml = await text(zip, path);
  if (!/<calcPr\b[^>]*\/>/.test(xml)) throw new Error("exceljs wrote no <calcPr/> in xl/workbook.xml");
  zip.file(path, xml.replace(/<calcPr\b[^>]*\/>/, '<calcPr calcId="191029"/>'));
}

/**
 * Excel tells a dynamic-array formula (one that spills and re-spills when its size changes) from a
 * legacy Ctrl+Shift+Enter array formula by cell metadata: cm="1" on the formula's cell, pointing at
 * the XLDAPR entry of xl/metadata.xml (the part below is byte for byte the one Excel for Mac 16
 * saved, test/fixtures/excel-saved). Without it Excel shows {=BIZ.SIMULATE(...)} fixed to the
 * written range. LibreOffice ignores the metadata and reads an array formula either way.
 */
export async function markDynamicArrays(zip: JSZip, anchors: ReadonlyMap<string, readonly string[]>): Promise<void> {
  if ([...anchors.values()].every((refs) => refs.length === 0)) return;
  const parts = await sheetParts(zip);
  for (const [sheet, refs] of anchors) {
    if (refs.length === 0) continue;
    const part = parts.get(sheet);
    if (!part) throw new Error(`no worksheet named "${sheet}" in the package`);
    let xml = await text(zip, part);
    for (const ref of refs) {
      const tag = new RegExp(`<c r="${ref}"(?![^>]*\\bcm=)([^>]*)>(?=<f t="array")`);
      if (!tag.test(xml)) throw new Error(`no array formula at ${sheet}!${ref}`);
      xml = xml.replace(tag, `<c r="${ref}"$1 cm="1">`);
    }
    zip.file(part, xml);
  }
  zip.file(
    "xl/metadata.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xlrd="http://schemas.microsoft.com/office/spreadsheetml/2017/richdata" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">' +
      '<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>' +
      '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
      '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>'
  );
  const relsPath = "xl/_rels/workbook.xml.rels";
  const rels = await text(zip, relsPath);
  zip.file(
    relsPath,
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdHbpMetadata" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/></Relationships>'
    )
  );
  await addOverrides(zip, [
    '<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>',
  ]);
}

/** A table column whose every row has the same formula, in the file's form. */
export interface CalculatedColumn {
  readonly table: string;
  /** 0-based position among the table's columns. */
  readonly column: number;
  readonly formula: string;
}

/**
 * Makes such columns calculated columns: Excel then fills the formula into a row the user adds to
 * the table (typing under it, or Tab from its last cell), so a table the user extends keeps its
 * figures. Excel records this as <calculatedColumnFormula> in the table part; exceljs does not
 * write it.
 */
export async function markCalculatedColumns(zip: JSZip, columns: readonly CalculatedColumn[]): Promise<void> {
  if (columns.length === 0) return;
  const parts = Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p));
  const byTable = new Map<string, CalculatedColumn[]>();
  for (const c of columns) byTable.set(c.table.toUpperCase(), [...(byTable.get(c.table.toUpperCase()) ?? []), c]);
  for (const part of parts) {
    let xml = await text(zip, part);
    const name = /<table\b[^>]*\bname="([^"]*)"/.exec(xml)?.[1];
    const mine = name === undefined ? undefined : byTable.get(unescapeXml(name).toUpperCase());
    if (!mine) continue;
    let index = -1;
    xml = xml.replace(/<tableColumn\b([^>]*?)\/>/g, (whole, attributes: string) => {
      index++;
      const calculated = mine.find((c) => c.column === index);
      return calculated ? `<tableColumn${attributes}><calculatedColumnFormula>${escapeXml(calculated.formula)}</calculatedColumnFormula></tableColumn>` : whole;
    });
    zip.file(part, xml);
    byTable.delete(unescapeXml(name as string).toUpperCase());
  }
  if (byTable.size > 0) throw new Error(`no table part for ${[...byTable.keys()].join(", ")}`);
}

/**
 * exceljs writes a table column's style as `<tableColumn ... dxfId="N"/>`, an attribute
 * SpreadsheetML does not have (CT_TableColumn, ECMA-376 Part 1 18.5.1.3, has dataDxfId,
 * headerRowDxfId and totalsRowDxfId), so Excel "repairs" every such table on open (exceljs issues
 * 1630 and 1659). The style is the format of the column's data cells, which is what dataDxfId
 * means: with it, a row the user adds to the table takes the column's format, as in a table Excel
 * saved itself. The dxf entries exceljs writes in styles.xml stay as they are.
 */
export async function fixTableColumnFormats(zip: JSZip): Promise<void> {
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = await text(zip, part);
    zip.file(
      part,
      xml.replace(/<tableColumn\b[^>]*>/g, (tag) => tag.replace(/\sdxfId="/, ' dataDxfId="'))
    );
  }
}
