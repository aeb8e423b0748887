import JSZip from "jszip";
import { addOverrides, escapeXml, text } from "./xlsx-package";
import { XLDUDF_PREFIX } from "./xlsx-formulas";

/**
 * The parts that make a workbook bring its add-in, written as Excel writes them when it saves a
 * workbook that uses a JavaScript custom function (test/fixtures/excel-saved holds the parts of
 * such a file, saved by Excel for Mac 16, and a test holds these against them):
 *
 * - `xl/webextensions/webextension1.xml`: a `<we:webextension>` whose `<we:reference>` names the
 *   add-in by its manifest <Id> and <Version> and the catalog it came from (store, storeType), and
 *   whose extension list names the `_xldudf_` ids of the custom functions the workbook calls;
 * - `xl/webextensions/taskpanes.xml`: the add-in's task pane, docked right and not shown
 *   (visibility 0), pointing at the webextension part through its relationships;
 * - the package relationship (`_rels/.rels`) to the task panes part, and both content types.
 *
 * Microsoft documents the same two parts in "Automatically open a task pane with a document"
 * (Office Add-ins docs) and their schema in [MS-OWEXML]; docs/xlsx-formulas.md says which store
 * values fit which installation. These parts have no ECMA-376 schema: validate-xlsx reports them
 * as skipped.
 */

/** The add-in as manifest.xml names it (<Id>, <Version>); test/workbook/xlsx-webextension.test.ts keeps them equal. */
export const ADDIN_ID = "e104ff1f-d5cd-44e6-966e-dcfbc1b2607d";
export const ADDIN_VERSION = "0.1.0.0";

/** Where the add-in was installed from: the `store` and `storeType` of `<we:reference>` ([MS-OWEXML] 2.2.5). */
export interface AddinStore {
  readonly store: string;
  readonly storeType: string;
}

/** Sideloaded (npm start, a shared manifest folder on Windows, ~/Library/.../wef on Mac): what Excel wrote in the saved file. */
export const SIDELOADED: AddinStore = { store: "developer", storeType: "Registry" };
/** Deployed by an admin with Centralized Deployment (Microsoft 365 admin center), as Microsoft's docs show. */
export const CENTRALIZED: AddinStore = { store: "EXCatalog", storeType: "EXCatalog" };

/**
 * The instance id of the webextension in the file. Excel makes up a GUID per inserted add-in; any
 * GUID will do, and a fixed one keeps the file the same from run to run.
 */
const INSTANCE_ID = "{7F5B2E40-3C1D-4A8E-9B6F-0D2C4E6A8B10}";

const NS = {
  we: "http://schemas.microsoft.com/office/webextensions/webextension/2010/11",
  wetp: "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
export const WEBEXTENSION_REL = {
  taskpanes: "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes",
  webextension: "http://schemas.microsoft.com/office/2011/relationships/webextension",
};
export const WEBEXTENSION_CONTENT = {
  taskpanes: "application/vnd.ms-office.webextensiontaskpanes+xml",
  webextension: "application/vnd.ms-office.webextension+xml",
};
/** The extension that lists the custom function ids, as Excel writes it. */
const CUSTOM_FUNCTION_LIST_URI = "{7C84B067-C214-45C3-A712-C9D94CD141B2}";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** Every `_xldudf_` function id the worksheets call, sorted: `_xldudf_BIZ_SIMULATE`. */
export async function customFunctionIdsUsed(zip: JSZip): Promise<string[]> {
  const ids = new Set<string>();
  const pattern = new RegExp(`${XLDUDF_PREFIX}[A-Za-z0-9_]+(?=\\()`, "g");
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    for (const f of (await text(zip, part)).matchAll(/<f\b[^>]*>([^<]*)<\/f>/g)) for (const m of f[1].matchAll(pattern)) ids.add(m[0]);
  }
  return [...ids].sort();
}

/**
 * Adds the webextension parts to a package whose worksheets call custom functions; a workbook of
 * Excel's own formulas only needs no add-in and gets none.
 */
export async function addWebExtension(zip: JSZip, store: AddinStore = SIDELOADED): Promise<void> {
  const ids = await customFunctionIdsUsed(zip);
  if (ids.length === 0) return;
  zip.file("xl/webextensions/webextension1.xml", webExtensionXml(ids, store));
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `${XML_HEAD}<wetp:taskpanes xmlns:wetp="${NS.wetp}"><wetp:taskpane dockstate="right" visibility="0" width="350" row="0"><wetp:webextensionref xmlns:r="${NS.r}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `${XML_HEAD}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${WEBEXTENSION_REL.webextension}" Target="webextension1.xml"/></Relationships>`
  );
  const rels = await text(zip, "_rels/.rels");
  zip.file(
    "_rels/.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdHbpTaskpanes" Type="${WEBEXTENSION_REL.taskpanes}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`
    )
  );
  await addOverrides(zip, [
    `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="${WEBEXTENSION_CONTENT.taskpanes}"/>`,
    `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="${WEBEXTENSION_CONTENT.webextension}"/>`,
  ]);
}

function webExtensionXml(ids: readonly string[], store: AddinStore): string {
  const functions = ids.map((id) => `<we:customFunctionIds>${escapeXml(id)}</we:customFunctionIds>`).join("");
  return (
    `${XML_HEAD}<we:webextension xmlns:we="${NS.we}" id="${INSTANCE_ID}">` +
    `<we:reference id="${ADDIN_ID}" version="${ADDIN_VERSION}" store="${escapeXml(store.store)}" storeType="${escapeXml(store.storeType)}"/>` +
    "<we:alternateReferences/><we:properties/><we:bindings/>" +
    `<we:snapshot xmlns:r="${NS.r}"/>` +
    `<we:extLst><a:ext xmlns:a="${NS.a}" uri="${CUSTOM_FUNCTION_LIST_URI}"><we:customFunctionIdList>${functions}</we:customFunctionIdList></a:ext></we:extLst>` +
    "</we:webextension>"
  );
}
