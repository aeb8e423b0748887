import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { downlineProjection } from "../../src/templates/downline-projection";
import { incomeGoal } from "../../src/templates/income-goal";
import { validateInputs } from "../../src/templates/inputs";
import { Template } from "../../src/templates/model";
import { writeWorkbook } from "../../src/workbook/xlsx";
import { ADDIN_ID, ADDIN_VERSION, CENTRALIZED } from "../../src/workbook/xlsx-webextension";
import { XmlElement, findAll, parseXml, shape } from "../support/xml-tree";

/**
 * The parts that make a bizplan workbook bring its add-in, held against the same parts of a
 * workbook Excel saved itself (test/fixtures/excel-saved, see its README for the source): the same
 * elements and attributes in the same namespaces, the same relationship types and content types.
 * Values that belong to the add-in (its Id, version, function ids) are checked against
 * manifest.xml and the sheets instead.
 */

const FIXTURE = path.join(__dirname, "../fixtures/excel-saved");
const excel = (part: string) => parseXml(fs.readFileSync(path.join(FIXTURE, part), "utf8"));
const manifest = fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

const NS = {
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  x: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
};
const q = (ns: keyof typeof NS, local: string) => `{${NS[ns]}}${local}`;
const attr = (el: XmlElement, name: string) => el.attrs.get(`{}${name}`);

async function write(template: Template, options = {}): Promise<JSZip> {
  return JSZip.loadAsync(await writeWorkbook([{ template, values: validateInputs(template, {}).values }], options));
}
const part = async (zip: JSZip, p: string) => {
  const f = zip.file(p);
  if (!f) throw new Error(`the package has no ${p}`);
  return parseXml(await f.async("string"));
};

/** A relationships part as [type, target] pairs. */
const relationships = (rels: XmlElement) => findAll(rels, q("rels", "Relationship")).map((r) => [attr(r, "Type"), attr(r, "Target")] as const);
const overrides = (types: XmlElement) => new Map(findAll(types, q("ct", "Override")).map((o) => [attr(o, "PartName"), attr(o, "ContentType")]));

describe("a workbook with BIZ formulas brings the add-in as Excel's own files do", () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await write(downlineProjection);
  });

  test("the add-in constants are manifest.xml's <Id> and <Version>", () => {
    expect(ADDIN_ID).toBe(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]);
    expect(ADDIN_VERSION).toBe(/<Version>([^<]+)<\/Version>/.exec(manifest)?.[1]);
  });

  test("webextension1.xml has the structure of Excel's: the same elements, attributes and namespaces", async () => {
    expect(shape(await part(zip, "xl/webextensions/webextension1.xml"))).toEqual(shape(excel("xl/webextensions/webextension1.xml")));
  });

  test("its reference names this add-in, sideloaded as in Excel's file; its function list, the extension Excel uses", async () => {
    const ours = await part(zip, "xl/webextensions/webextension1.xml");
    const theirs = excel("xl/webextensions/webextension1.xml");
    const ref = findAll(ours, q("we", "reference"))[0];
    const excelRef = findAll(theirs, q("we", "reference"))[0];
    expect([attr(ref, "id"), attr(ref, "version")]).toEqual([ADDIN_ID, ADDIN_VERSION]);
    expect([attr(ref, "store"), attr(ref, "storeType")]).toEqual([attr(excelRef, "store"), attr(excelRef, "storeType")]); // developer, Registry
    expect(attr(ours, "id")).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/); // a GUID in braces, as Excel's
    const uri = (el: XmlElement) => findAll(el, "{http://schemas.openxmlformats.org/drawingml/2006/main}ext").map((e) => attr(e, "uri"));
    expect(uri(ours)).toEqual(uri(theirs));
  });

  test("the function list names exactly the _xldudf_ ids the sheets call, in Excel's stored form", async () => {
    const listed = findAll(await part(zip, "xl/webextensions/webextension1.xml"), q("we", "customFunctionIds")).map((e) => e.text);
    const excelListed = findAll(excel("xl/webextensions/webextension1.xml"), q("we", "customFunctionIds")).map((e) => e.text);
    expect(excelListed).toEqual(["_xldudf_CONTOSO_ADD", "_xldudf_CONTOSO_GET"]); // the form: prefix, namespace, id
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const called = [...new Set([...sheet.matchAll(/_xldudf_[A-Z0-9_]+(?=\()/g)].map((m) => m[0]))];
    expect(listed).toEqual(["_xldudf_BIZ_SIMULATE", "_xldudf_BIZ_SIMULATEBINARY", "_xldudf_BIZ_SIMULATEMATRIX", "_xldudf_BIZ_SIMULATESTAIRSTEP"]); // the reality check's four plans
    expect(listed).toEqual(called.sort());
  });

  test("taskpanes.xml and its relationship have the structure of Excel's, and point at the webextension", async () => {
    expect(shape(await part(zip, "xl/webextensions/taskpanes.xml"))).toEqual(shape(excel("xl/webextensions/taskpanes.xml")));
    const pane = findAll(await part(zip, "xl/webextensions/taskpanes.xml"), q("wetp", "taskpane"))[0];
    expect([attr(pane, "dockstate"), attr(pane, "visibility")]).toEqual(["right", "0"]); // docked right, not opened by itself
    const rid = findAll(pane, q("wetp", "webextensionref"))[0].attrs.get(q("r", "id"));
    const rels = await part(zip, "xl/webextensions/_rels/taskpanes.xml.rels");
    expect(shape(rels)).toEqual(shape(excel("xl/webextensions/_rels/taskpanes.xml.rels")));
    const target = findAll(rels, q("rels", "Relationship")).find((r) => attr(r, "Id") === rid)!;
    expect([attr(target, "Type"), attr(target, "Target")]).toEqual(relationships(excel("xl/webextensions/_rels/taskpanes.xml.rels"))[0]);
  });

  test("the package relationship and both content types are Excel's", async () => {
    const excelPane = relationships(excel("_rels/.rels")).find(([type]) => type!.endsWith("/webextensiontaskpanes"))!;
    expect(relationships(await part(zip, "_rels/.rels"))).toContainEqual(excelPane);
    const ours = overrides(await part(zip, "[Content_Types].xml"));
    const theirs = overrides(excel("[Content_Types].xml"));
    for (const p of ["/xl/webextensions/taskpanes.xml", "/xl/webextensions/webextension1.xml"]) expect([p, ours.get(p)]).toEqual([p, theirs.get(p)]);
  });

  test('the BIZ table is stored as Excel stores a custom function call: cm="1" on the cell, an array formula with its ref, the value cached', async () => {
    const cells = (el: XmlElement) => findAll(el, q("x", "c")).filter((c) => findAll(c, q("x", "f")).some((f) => /_xldudf_/.test(f.text)));
    const theirs = cells(excel("xl/worksheets/sheet3.xml"));
    const ours = cells(await part(zip, "xl/worksheets/sheet1.xml"));
    expect(ours).toHaveLength(5); // the reality check's five BIZ tables: the brackets and the four plans' summaries
    expect(theirs).toHaveLength(2);
    const form = (c: XmlElement) => ({ cm: attr(c, "cm"), f: [...findAll(c, q("x", "f"))[0].attrs.keys()].sort(), cached: findAll(c, q("x", "v")).length });
    for (const c of theirs) for (const o of ours) expect(form(o)).toEqual(form(c));
    // The metadata it points at: the same structure and the same dynamic-array properties as Excel's.
    const meta = await part(zip, "xl/metadata.xml");
    expect(shape(meta)).toEqual(shape(excel("xl/metadata.xml")));
    const props = (m: XmlElement) => [...findAll(m, "{http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray}dynamicArrayProperties")[0].attrs];
    expect(props(meta)).toEqual(props(excel("xl/metadata.xml")));
    const sheetMetadata = (rels: XmlElement) => relationships(rels).find(([type]) => type!.endsWith("/sheetMetadata"));
    expect(sheetMetadata(await part(zip, "xl/_rels/workbook.xml.rels"))).toEqual(sheetMetadata(excel("xl/_rels/workbook.xml.rels")));
  });

  test("for an add-in deployed by an admin, the reference names the Centralized Deployment catalog", async () => {
    const ref = findAll(
      await part(await write(downlineProjection, { addinStore: CENTRALIZED }), "xl/webextensions/webextension1.xml"),
      q("we", "reference")
    )[0];
    expect([attr(ref, "id"), attr(ref, "store"), attr(ref, "storeType")]).toEqual([ADDIN_ID, "EXCatalog", "EXCatalog"]);
  });
});

test("a workbook of Excel's own formulas only needs no add-in and gets no webextension parts", async () => {
  const zip = await write(incomeGoal);
  expect(Object.keys(zip.files).filter((p) => /webextension|taskpane/i.test(p))).toEqual([]);
  expect(await zip.file("_rels/.rels")!.async("string")).not.toContain("webextensiontaskpanes");
});
