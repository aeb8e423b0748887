import JSZip from "jszip";
import { CellValue, ChartSpec } from "../templates/model";
import { formatAddress, formatRange, parseAddress, parseRange, quoteSheet, RangeAddress } from "./xlsx-formulas";
import { addOverrides, escapeXml, sheetParts, text } from "./xlsx-package";

/**
 * Real Excel charts for the .xlsx writer. exceljs cannot write charts, so after it has written the
 * package this adds, per sheet with charts, a DrawingML drawing part anchoring each chart, the chart
 * parts (c:chartSpace with a bar, line or pie chart over the template's data range), their
 * relationships and content types. Each series refers to its cells ('Sheet'!$B$15:$B$17), so the
 * chart follows the live figures, and carries a cache of the figures at writing time, so Excel and
 * LibreOffice draw it before anything is recalculated.
 */

/** A sheet's cached figures by A1 address ("B15"), as the writer knows them. */
export type SheetGrid = ReadonlyMap<string, CellValue>;

export interface ChartSheet {
  readonly sheetName: string;
  readonly charts: readonly ChartSpec[];
  readonly grid: SheetGrid;
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CONTENT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const DEFAULT_WIDTH_CELLS = 8;
const DEFAULT_HEIGHT_CELLS = 15;

/** One series of a chart: its name cell, its category cells and its value cells. */
interface Series {
  readonly name: { ref: string; text: string } | undefined;
  readonly categories: RangeAddress | undefined;
  readonly values: RangeAddress;
}

/** Categories in the first column, one series a column after it, headers in the first row. */
export function chartSeries(spec: ChartSpec, grid: SheetGrid): Series[] {
  const r = parseRange(spec.dataRef);
  if (r.bottom <= r.top) throw new Error(`chart "${spec.title}": ${spec.dataRef} needs a header row and at least one row of data`);
  const body = { top: r.top + 1, bottom: r.bottom };
  const single = r.right === r.left;
  const categories = single ? undefined : { ...body, left: r.left, right: r.left };
  const columns: number[] = [];
  for (let col = single ? r.left : r.left + 1; col <= r.right; col++) columns.push(col);
  const series = columns.map((col) => {
    const head = formatAddress({ row: r.top, col });
    const text = grid.get(head);
    return { name: text === undefined ? undefined : { ref: head, text: String(text) }, categories, values: { ...body, left: col, right: col } };
  });
  return spec.type === "pie" ? series.slice(0, 1) : series;
}

function cells(range: RangeAddress, grid: SheetGrid): Array<CellValue | undefined> {
  const out: Array<CellValue | undefined> = [];
  for (let row = range.top; row <= range.bottom; row++) for (let col = range.left; col <= range.right; col++) out.push(grid.get(formatAddress({ row, col })));
  return out;
}

function ref(sheet: string, range: RangeAddress): string {
  return escapeXml(`${quoteSheet(sheet)}!${formatRange(range, true)}`);
}

function strCache(values: Array<CellValue | undefined>): string {
  const pts = values.map((v, i) => (v === undefined ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join("");
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: Array<CellValue | undefined>): string {
  const pts = values
    .map((v, i) => {
      const n = typeof v === "boolean" ? Number(v) : v;
      return typeof n === "number" && Number.isFinite(n) ? `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>` : "";
    })
    .join("");
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function seriesXml(sheet: string, s: Series, index: number, type: ChartSpec["type"], grid: SheetGrid): string {
  const tx = s.name ? `<c:tx><c:strRef><c:f>${ref(sheet, parseRange(s.name.ref))}</c:f>${strCache([s.name.text])}</c:strRef></c:tx>` : "";
  let cat = "";
  if (s.categories) {
    const values = cells(s.categories, grid);
    const numeric = values.every((v) => typeof v === "number");
    cat = numeric
      ? `<c:cat><c:numRef><c:f>${ref(sheet, s.categories)}</c:f>${numCache(values)}</c:numRef></c:cat>`
      : `<c:cat><c:strRef><c:f>${ref(sheet, s.categories)}</c:f>${strCache(values)}</c:strRef></c:cat>`;
  }
  const val = `<c:val><c:numRef><c:f>${ref(sheet, s.values)}</c:f>${numCache(cells(s.values, grid))}</c:numRef></c:val>`;
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${tx}`;
  // Element order follows the schema (CT_BarSer, CT_LineSer, CT_PieSer): Excel rejects any other.
  if (type === "line") return `<c:ser>${head}<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>${cat}${val}<c:smooth val="0"/></c:ser>`;
  if (type === "pie") return `<c:ser>${head}${cat}${val}</c:ser>`;
  return `<c:ser>${head}<c:invertIfNegative val="0"/>${cat}${val}</c:ser>`;
}

const CAT_AX = 500100;
const VAL_AX = 500200;

/**
 * A category and a value axis. Horizontal bars list their categories top-down, in the order of the
 * sheet's rows (a funnel reads from its widest stage down): categories in reverse order, and the
 * value axis crossing at the last category so it stays at the bottom.
 */
function axesXml(horizontalBars: boolean): string {
  const catPos = horizontalBars ? "l" : "b";
  const valPos = horizontalBars ? "b" : "l";
  const catOrder = horizontalBars ? "maxMin" : "minMax";
  const valCrosses = horizontalBars ? "max" : "autoZero";
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="${catOrder}"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${catPos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="nextTo"/><c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${valPos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CAT_AX}"/><c:crosses val="${valCrosses}"/>` +
    `<c:crossBetween val="between"/></c:valAx>`
  );
}

/** The chart part (xl/charts/chartN.xml) for one ChartSpec. */
export function chartXml(sheet: string, spec: ChartSpec, grid: SheetGrid): string {
  const series = chartSeries(spec, grid);
  const sers = series.map((s, i) => seriesXml(sheet, s, i, spec.type, grid)).join("");
  let plot: string;
  if (spec.type === "pie") {
    plot = `<c:pieChart><c:varyColors val="1"/>${sers}<c:firstSliceAng val="0"/></c:pieChart>`;
  } else if (spec.type === "line") {
    plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:lineChart>${axesXml(false)}`;
  } else {
    const dir = spec.type === "bar" ? "bar" : "col";
    plot = `<c:barChart><c:barDir val="${dir}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/><c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/></c:barChart>${axesXml(spec.type === "bar")}`;
  }
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1400" b="1"/><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const legendPos = spec.type === "pie" ? "r" : "b";
  // One series needs no legend beside its title, except a pie, whose legend names the slices.
  const legend = series.length > 1 || spec.type === "pie" ? `<c:legend><c:legendPos val="${legendPos}"/><c:overlay val="0"/></c:legend>` : "";
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:lang val="en-US"/><c:roundedCorners val="0"/>` +
    `<c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}</c:plotArea>${legend}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(spec: ChartSpec, index: number, chartRelId: string): string {
  const at = parseAddress(spec.anchor);
  const width = spec.widthCells ?? DEFAULT_WIDTH_CELLS;
  const height = spec.heightCells ?? DEFAULT_HEIGHT_CELLS;
  const mark = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${mark(at.col - 1, at.row - 1)}</xdr:from><xdr:to>${mark(at.col - 1 + width, at.row - 1 + height)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function relsXml(rels: Array<{ id: string; type: string; target: string }>): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS.rels}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    "</Relationships>"
  );
}

/** Elements that may follow <drawing> in a worksheet (CT_Worksheet order); it goes before the first. */
const AFTER_DRAWING = [
  "<legacyDrawing",
  "<legacyDrawingHF",
  "<drawingHF",
  "<picture",
  "<oleObjects",
  "<controls",
  "<webPublishItems",
  "<tableParts",
  "<extLst",
  "</worksheet>",
];

function insertDrawing(sheetXml: string, relId: string): string {
  if (sheetXml.includes("<drawing ")) throw new Error("the worksheet already has a drawing");
  const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
  return `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
}

/** Adds the drawing and chart parts for every sheet with charts to an exceljs-written package. */
export async function addCharts(zip: JSZip, sheets: readonly ChartSheet[]): Promise<void> {
  if (sheets.every((s) => s.charts.length === 0)) return;
  const parts = await sheetParts(zip);
  const overrides: string[] = [];
  let chartNo = 0;
  let drawingNo = 0;
  for (const sheet of sheets) {
    if (sheet.charts.length === 0) continue;
    const part = parts.get(sheet.sheetName);
    if (!part) throw new Error(`no worksheet named "${sheet.sheetName}" in the package`);
    drawingNo++;
    const drawingPath = `xl/drawings/drawing${drawingNo}.xml`;
    const anchors: string[] = [];
    const drawingRels: Array<{ id: string; type: string; target: string }> = [];
    sheet.charts.forEach((spec, i) => {
      chartNo++;
      const chartPath = `xl/charts/chart${chartNo}.xml`;
      zip.file(chartPath, chartXml(sheet.sheetName, spec, sheet.grid));
      overrides.push(`<Override PartName="/${chartPath}" ContentType="${CONTENT.chart}"/>`);
      const relId = `rId${i + 1}`;
      drawingRels.push({ id: relId, type: REL.chart, target: `../charts/chart${chartNo}.xml` });
      anchors.push(anchorXml(spec, i, relId));
    });
    zip.file(drawingPath, XML_HEAD + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join("")}</xdr:wsDr>`);
    zip.file(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/${drawingPath}" ContentType="${CONTENT.drawing}"/>`);

    // The worksheet points at its drawing through its own relationships (exceljs may have some: tables).
    const relsPath = part.replace(/([^/]+)$/, "_rels/$1.rels");
    const drawingRelId = "rIdHbpDrawing";
    const rel = `<Relationship Id="${drawingRelId}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    const existing = await zip.file(relsPath)?.async("string");
    zip.file(
      relsPath,
      existing
        ? existing.replace("</Relationships>", `${rel}</Relationships>`)
        : relsXml([{ id: drawingRelId, type: REL.drawing, target: `../drawings/drawing${drawingNo}.xml` }])
    );
    zip.file(part, insertDrawing(await text(zip, part), drawingRelId));
  }
  await addOverrides(zip, overrides);
}
