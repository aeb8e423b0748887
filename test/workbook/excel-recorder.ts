/**
 * A recording stand-in for the part of the Excel object model the add-in uses. Like the real one,
 * calls and property sets are only queued; `context.sync()` applies the queue in order to a small
 * simulated workbook (sheets, cells, names, tables, charts) and resolves loads. It records every
 * call, counts syncs, starts from given sheets and names, and can be told to fail at the Nth sync
 * (after applying part of that batch, as Excel does: a batch is not a transaction) or to act as a
 * protected workbook.
 *
 * No imports and no Node APIs: the browser test transpiles this file and injects it into the page
 * as the fake Excel host.
 */

export type Grid = (string | number | boolean | null)[][];

export interface RecordedCall {
  /** 1-based sync (batch) the call was sent in. */
  readonly batch: number;
  readonly target: string;
  readonly op: string;
  readonly args: unknown[];
}

export interface SimCell {
  formula?: string | number | boolean;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  validation?: unknown;
}

export interface SimTable {
  name: string;
  sheet: string;
  address: string;
}

export interface SimChart {
  type: string;
  source: string;
  title?: string;
  position?: [string, string | undefined];
  /** Categories drawn in reverse order (the first row at the top of a horizontal bar chart). */
  reversedCategories?: boolean;
}

export interface SimSheet {
  name: string;
  cells: Map<string, SimCell>;
  columnWidths: Map<number, number>;
  charts: SimChart[];
  protected?: boolean;
}

export interface RecorderOptions {
  /** Sheets already in the workbook, with optional cell formulas/values by address; `protected` as a sheet protected by its owner. */
  sheets?: { name: string; cells?: Record<string, string | number | boolean>; protected?: boolean }[];
  /** Workbook-scoped names already defined: name -> "Sheet!A1". */
  names?: Record<string, string>;
  tables?: { name: string; sheet: string; address: string }[];
  /** Workbook structure protection: adding or deleting sheets is refused. */
  protectedWorkbook?: boolean;
  /** Fail at this sync (1-based, counted over all Excel.run calls), after applying this many of its queued operations. */
  failAtSync?: number;
  failAfterOps?: number;
  failWith?: { code: string; message: string };
  /** The selected cell for getSelectedRange(). */
  selection?: string;
  /**
   * The highest ExcelApi requirement set the host supports ("1.10": Excel 2019 has up to 1.8 or
   * so, Microsoft 365 the latest); "1.17" when left out. `isSetSupported` answers from it, as
   * Office.context.requirements does (the sets are cumulative), and an object of a later set fails
   * the sync that loads it with ApiNotFound, as in Excel.
   */
  excelApi?: string;
  /** Application.cultureInfo (ExcelApi 1.11; currencySymbol 1.17): en-US when left out. */
  culture?: { name: string; currencySymbol?: string; decimalSeparator?: string; groupSeparator?: string };
  /**
   * How many rows and columns a formula's result covers when it spills (dynamic arrays), or
   * undefined for a single value. The stand-in does not compute formulas, so a test says which
   * ones spill and how far; `shows()` then reports #SPILL! where the spill area is not empty.
   */
  spillSize?: (formula: string) => { rows: number; cols: number } | undefined;
}

interface Pending {
  readonly call: Omit<RecordedCall, "batch">;
  readonly apply: () => void;
}

class OfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

// ---- A1 helpers (kept here so the file stands alone in the browser) ----
function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
interface Box {
  top: number;
  left: number;
  rows: number;
  cols: number;
}
/** "B3", "B3:D9", "A:C" (whole columns, 1,048,576 rows). */
export function parseBox(address: string): Box {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = bare.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Za-z]+)(\d*)$/.exec(s);
    if (!m) throw new OfficeError("InvalidArgument", `bad address ${address}`);
    return { col: colNum(m[1]), row: m[2] === "" ? -1 : Number(m[2]) - 1 };
  };
  const p = cell(a);
  const q = cell(b);
  if (p.row < 0 || q.row < 0) return { top: 0, left: Math.min(p.col, q.col), rows: 1048576, cols: Math.abs(q.col - p.col) + 1 };
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}
export function boxAddress(b: Box): string {
  const a = `${colName(b.left)}${b.top + 1}`;
  return b.rows === 1 && b.cols === 1 ? a : `${a}:${colName(b.left + b.cols - 1)}${b.top + b.rows}`;
}
const quoteSheet = (n: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);

// ---- What Excel refuses, each rule with its source ----

/**
 * Defined names. "Define and use names in formulas" (Microsoft Support, "Learn about syntax rules
 * for names"): the first character is a letter, an underscore or a backslash; the rest letters,
 * numbers, periods and underscores; no spaces; a name cannot be a cell reference such as Z$100 or
 * R1C1, nor the letters C, c, R or r; at most 255 characters; not case-sensitive. The same in
 * ECMA-376 Part 1, 18.17 "Names" (name-start-character letter, _ or \; not TRUE or FALSE, not a
 * cell reference) and [MS-OI29500] 2.1.568 (Excel restricts definedName/@name to 1 to 255
 * characters): https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/16c3c118-f358-493d-a99f-4c85ca834c00
 */
export function nameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return `a name has 1 to 255 characters; "${name.slice(0, 40)}" has ${name.length}`;
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name))
    return `"${name}" is not a valid name: it starts with a letter, _ or \\ and holds only letters, digits, _, . and \\`;
  if (/^(TRUE|FALSE)$/i.test(name)) return `"${name}" is a logical value, not a name`;
  if (looksLikeCell(name)) return `"${name}" looks like a cell reference`;
  return undefined;
}

/** A1 within A1:XFD1048576 (ECMA-376 Part 1, 18.17.2 Limits), R1C1 forms such as R1C1, R2, C3, and R or C alone. */
function looksLikeCell(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colNum(a1[1]) < 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return true;
  return /^[Rr](\d*)([Cc](\d*))?$/.test(name) || /^[Cc]\d*$/.test(name);
}

/**
 * Worksheet names. "Rename a worksheet" (Microsoft Support): a name cannot be blank, contain more
 * than 31 characters, contain / \\ ? * : [ ], begin or end with an apostrophe, or be "History"
 * (reserved by Excel). [MS-OI29500] 2.1.578 (sheet/@name at most 31 characters, unique
 * case-insensitively): https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oi29500/ebf12ea5-2bb4-4af5-ab26-563f22d3f895
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "a sheet name cannot be blank";
  if (name.length > 31) return `a sheet name has at most 31 characters; "${name}" has ${name.length}`;
  if (/[\\/?*:[\]]/.test(name)) return `"${name}" holds one of / \\ ? * : [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" begins or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  return undefined;
}

/**
 * Table names. "Rename an Excel table" (Microsoft Support, "Important notes about names"): valid
 * characters as for names (a letter, _ or \\ first; letters, numbers, periods, _), no cell
 * references such as "Z$100" or "R1C1", no spaces, at most 255 characters, unique in the workbook
 * (tables and defined names share one namespace, case-insensitively).
 */
export function tableNameProblem(name: string): string | undefined {
  if (/\s/.test(name)) return `a table name has no spaces: "${name}"`;
  return nameProblem(name);
}

/** The values of Excel.ChartType (https://learn.microsoft.com/en-us/javascript/api/excel/excel.charttype); charts.add refuses anything else. */
export const CHART_TYPES: ReadonlySet<string> = new Set(
  (
    "ColumnClustered ColumnStacked ColumnStacked100 3DColumnClustered 3DColumnStacked 3DColumnStacked100 BarClustered BarStacked BarStacked100 3DBarClustered 3DBarStacked 3DBarStacked100 " +
    "LineStacked LineStacked100 LineMarkers LineMarkersStacked LineMarkersStacked100 PieOfPie PieExploded 3DPieExploded BarOfPie XYScatterSmooth XYScatterSmoothNoMarkers XYScatterLines " +
    "XYScatterLinesNoMarkers AreaStacked AreaStacked100 3DAreaStacked 3DAreaStacked100 DoughnutExploded RadarMarkers RadarFilled Surface SurfaceWireframe SurfaceTopView SurfaceTopViewWireframe " +
    "Bubble Bubble3DEffect StockHLC StockOHLC StockVHLC StockVOHLC CylinderColClustered CylinderColStacked CylinderColStacked100 CylinderBarClustered CylinderBarStacked CylinderBarStacked100 " +
    "CylinderCol ConeColClustered ConeColStacked ConeColStacked100 ConeBarClustered ConeBarStacked ConeBarStacked100 ConeCol PyramidColClustered PyramidColStacked PyramidColStacked100 " +
    "PyramidBarClustered PyramidBarStacked PyramidBarStacked100 PyramidCol 3DColumn Line 3DLine 3DPie Pie XYScatter 3DArea Area Doughnut Radar Histogram Boxwhisker Pareto RegionMap Treemap " +
    "Waterfall Sunburst Funnel"
  ).split(" ")
);

/**
 * A list validation typed as text holds at most 255 characters: Excel's Data Validation dialog
 * refuses a longer Source for a typed list ("Apply data validation to cells", Microsoft Support,
 * and Excel's own message), and files written with longer lists are repaired on open (the
 * excelize fix for issue 972 counts the limit in UTF-16 code units). Office.js documents the
 * source as "a string that contains a comma-separated number, Boolean, or date"
 * (https://learn.microsoft.com/en-us/javascript/api/excel/excel.listdatavalidation). The stand-in
 * refuses more than 255.
 */
export const MAX_LIST_SOURCE = 255;

const overlaps = (a: Box, b: Box) => a.left < b.left + b.cols && b.left < a.left + a.cols && a.top < b.top + b.rows && b.top < a.top + a.rows;

export function createRecorder(options: RecorderOptions = {}) {
  const state = {
    sheets: [] as SimSheet[],
    names: new Map<string, string>(),
    tables: [] as SimTable[],
    activeSheet: "",
    protectedWorkbook: !!options.protectedWorkbook,
  };
  for (const s of options.sheets ?? []) {
    const cells = new Map<string, SimCell>();
    for (const [addr, v] of Object.entries(s.cells ?? {})) cells.set(addr, { formula: v });
    state.sheets.push({ name: s.name, cells, columnWidths: new Map(), charts: [], ...(s.protected ? { protected: true } : {}) });
  }
  for (const [n, ref] of Object.entries(options.names ?? {})) state.names.set(n, ref);
  for (const t of options.tables ?? []) state.tables.push({ ...t });
  state.activeSheet = state.sheets[0]?.name ?? "";

  const calls: RecordedCall[] = [];
  let syncs = 0;
  let runs = 0;

  const apiMinor = Number((options.excelApi ?? "1.17").split(".")[1]);
  /** Office.context.requirements.isSetSupported, for the ExcelApi sets (a version given as "1.11"). */
  const isSetSupported = (set: string, version?: string) => {
    if (set.toLowerCase() !== "excelapi") return false;
    const [major, minor = "0"] = (version ?? "1.1").split(".");
    return Number(major) === 1 && Number(minor) <= apiMinor;
  };
  const culture = { name: "en-US", currencySymbol: "$", decimalSeparator: ".", groupSeparator: ",", ...options.culture };

  const findSheet = (name: string) => state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const nameTaken = (n: string) => [...state.names.keys(), ...state.tables.map((t) => t.name)].some((x) => x.toLowerCase() === n.toLowerCase());
  const notLoaded = (what: string) =>
    new OfficeError(
      "PropertyNotLoaded",
      `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    );

  function newContext() {
    const queue: Pending[] = [];
    const enqueue = (target: string, op: string, args: unknown[], apply: () => void) => queue.push({ call: { target, op, args }, apply });

    /** Cells of a sheet, addressed by box; each write goes cell by cell into the simulated sheet. */
    function eachCell(sheet: SimSheet, box: Box, fn: (cell: SimCell, i: number, j: number) => void) {
      for (let i = 0; i < box.rows; i++)
        for (let j = 0; j < box.cols; j++) {
          const addr = `${colName(box.left + j)}${box.top + i + 1}`;
          const cell = sheet.cells.get(addr) ?? {};
          fn(cell, i, j);
          if (Object.keys(cell).length) sheet.cells.set(addr, cell);
        }
    }
    function checkGrid(box: Box, grid: unknown, prop: string): Grid {
      if (!Array.isArray(grid) || grid.length !== box.rows || grid.some((r) => !Array.isArray(r) || r.length !== box.cols))
        throw new OfficeError("InvalidArgument", `The number of rows or columns in the ${prop} array does not match the size of the range ${boxAddress(box)}.`);
      return grid as Grid;
    }
    function editable(sheet: SimSheet) {
      if (sheet.protected) throw new OfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      if (!state.sheets.includes(sheet)) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    }

    /**
     * A range proxy. `where` gives its box when a queued operation is applied (a used range is only
     * known then); null means a null object.
     */
    function makeRange(sheetRef: () => SimSheet, where: string | (() => Box | null), label: string): any {
      const fixed = typeof where === "string" ? parseBox(where) : undefined;
      const boxNow = (): Box => {
        const b = fixed ?? (where as () => Box | null)();
        if (!b) throw new OfficeError("InvalidOperation", "The operation isn't valid on a null object.");
        return b;
      };
      const target = fixed ? `${label}!${boxAddress(fixed)}` : `${label}!(used range)`;
      const loaded: Record<string, unknown> = {};
      const setFormat = (prop: keyof SimCell | "columnWidth", value: unknown) =>
        enqueue(target, `format.${prop}`, [value], () => {
          const sheet = sheetRef();
          editable(sheet);
          const box = boxNow();
          if (prop === "columnWidth") {
            for (let j = 0; j < box.cols; j++) sheet.columnWidths.set(box.left + j, value as number);
            return;
          }
          eachCell(sheet, box, (c) => ((c as any)[prop] = value));
        });
      const writeGrid = (prop: "formulas" | "values" | "numberFormat") => (grid: unknown) => {
        enqueue(target, prop, [grid], () => {
          const sheet = sheetRef();
          editable(sheet);
          const box = boxNow();
          const g = checkGrid(box, grid, prop);
          // A table's header row holds text, never a formula: Excel turns a formula typed there
          // into its text ("Overview of Excel tables", Microsoft Support: header values are
          // constants). The stand-in, stricter, refuses it.
          if (prop !== "numberFormat") {
            for (const t of state.tables.filter((x) => x.sheet === sheet.name)) {
              const head = { ...parseBox(t.address), rows: 1 };
              for (let i = 0; i < box.rows; i++)
                for (let j = 0; j < box.cols; j++) {
                  const v = g[i][j];
                  if (typeof v === "string" && v.startsWith("=") && overlaps(head, { top: box.top + i, left: box.left + j, rows: 1, cols: 1 }))
                    throw new OfficeError(
                      "InvalidArgument",
                      `The header row of table ${t.name} cannot hold a formula (${colName(box.left + j)}${box.top + i + 1}: ${v}).`
                    );
                }
            }
          }
          eachCell(sheet, box, (c, i, j) => {
            const v = g[i][j];
            if (v === null) return; // null leaves the cell as it is
            if (prop === "numberFormat") c.numberFormat = String(v);
            else c.formula = v;
          });
        });
      };
      const loadedProp = (p: string) => {
        if (!(p in loaded)) throw notLoaded(p);
        return loaded[p];
      };
      const range: any = {
        get address() {
          return loadedProp("address");
        },
        get formulas() {
          return loadedProp("formulas");
        },
        set formulas(g: unknown) {
          writeGrid("formulas")(g);
        },
        set values(g: unknown) {
          writeGrid("values")(g);
        },
        set numberFormat(g: unknown) {
          writeGrid("numberFormat")(g);
        },
        get isNullObject() {
          if (fixed) return false;
          return loadedProp("isNullObject");
        },
        format: {
          fill: {
            set color(v: string) {
              setFormat("fill", v);
            },
          },
          font: {
            set color(v: string) {
              setFormat("fontColor", v);
            },
            set bold(v: boolean) {
              setFormat("bold", v);
            },
            set italic(v: boolean) {
              setFormat("italic", v);
            },
            set size(v: number) {
              setFormat("size", v);
            },
          },
          set columnWidth(v: number) {
            setFormat("columnWidth", v);
          },
        },
        dataValidation: {
          set rule(rule: unknown) {
            const source = (rule as { list?: { source?: unknown } })?.list?.source;
            if (typeof source === "string" && source.length > MAX_LIST_SOURCE) {
              enqueue(target, "dataValidation.rule", [rule], () => {
                throw new OfficeError(
                  "InvalidArgument",
                  `A list validation's source has at most ${MAX_LIST_SOURCE} characters; this one has ${source.length}.`
                );
              });
              return;
            }
            setFormat("validation", rule);
          },
        },
        getCell(row: number, col: number) {
          return makeRange(
            sheetRef,
            () => {
              const b = boxNow();
              return { top: b.top + row, left: b.left + col, rows: 1, cols: 1 };
            },
            label
          );
        },
        load(props?: string) {
          enqueue(target, "load", [props], () => {
            const sheet = sheetRef();
            const box = fixed ?? (where as () => Box | null)();
            loaded.isNullObject = !box;
            if (!box) return;
            loaded.address = `${quoteSheet(sheet.name)}!${boxAddress(box)}`;
            const g: Grid = [];
            for (let i = 0; i < box.rows; i++) {
              g.push([]);
              for (let j = 0; j < box.cols; j++) g[i].push(sheet.cells.get(`${colName(box.left + j)}${box.top + i + 1}`)?.formula ?? "");
            }
            loaded.formulas = g;
          });
          return range;
        },
        _sheet: sheetRef,
        _box: boxNow,
      };
      return range;
    }

    function makeSheet(ref: () => SimSheet | undefined, label: string): any {
      const sheetRef = () => {
        const s = ref();
        if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist.`);
        return s;
      };
      let isNull: boolean | undefined;
      const sheet: any = {
        get name() {
          return label;
        },
        get isNullObject() {
          if (isNull === undefined) throw notLoaded("isNullObject");
          return isNull;
        },
        load() {
          enqueue(label, "load", [], () => (isNull = !ref()));
          return sheet;
        },
        getRange(address: string) {
          return makeRange(sheetRef, address, label);
        },
        activate() {
          enqueue(label, "activate", [], () => (state.activeSheet = sheetRef().name));
        },
        delete() {
          enqueue(label, "delete", [], () => {
            if (state.protectedWorkbook) throw new OfficeError("AccessDenied", "The workbook is protected.");
            const s = sheetRef();
            state.sheets.splice(state.sheets.indexOf(s), 1);
            state.tables = state.tables.filter((t) => t.sheet !== s.name);
          });
        },
        getUsedRangeOrNullObject(valuesOnly?: boolean) {
          return makeRange(
            sheetRef,
            () => {
              const used = [...sheetRef().cells.entries()]
                .filter(([, c]) => (valuesOnly ? c.formula !== undefined && c.formula !== "" : true))
                .map(([k]) => parseBox(k));
              if (used.length === 0) return null;
              const top = Math.min(...used.map((k) => k.top));
              const left = Math.min(...used.map((k) => k.left));
              return { top, left, rows: Math.max(...used.map((k) => k.top)) - top + 1, cols: Math.max(...used.map((k) => k.left)) - left + 1 };
            },
            label
          );
        },
        tables: {
          add(address: string, hasHeaders: boolean) {
            const box = parseBox(address);
            let name = `Table${state.tables.length + 1}`;
            const table: any = {
              set name(v: string) {
                enqueue(`table ${name}`, "name", [v], () => {
                  const bad = tableNameProblem(v);
                  if (bad) throw new OfficeError("InvalidArgument", `Bad table name: ${bad}.`);
                  if (nameTaken(v)) throw new OfficeError("InvalidArgument", `A table or name called ${v} already exists.`);
                  const t = state.tables.find((x) => x.name === name);
                  if (t) t.name = v;
                  name = v;
                });
              },
              get name() {
                return name;
              },
              getHeaderRowRange() {
                return makeRange(sheetRef, boxAddress({ ...box, rows: 1 }), label);
              },
              getDataBodyRange() {
                return makeRange(sheetRef, boxAddress({ ...box, top: box.top + 1, rows: box.rows - 1 }), label);
              },
            };
            enqueue(label, "tables.add", [address, hasHeaders], () => {
              editable(sheetRef());
              // Excel: "A table cannot overlap a range that contains a PivotTable report, query
              // results, protected cells or another table." (its own message when one is tried).
              const other = state.tables.find((t) => t.sheet === sheetRef().name && overlaps(parseBox(t.address), box));
              if (other)
                throw new OfficeError("InvalidArgument", `A table cannot overlap another table: ${boxAddress(box)} overlaps ${other.name} (${other.address}).`);
              for (let j = 0; j < box.cols; j++) {
                const f = sheetRef().cells.get(`${colName(box.left + j)}${box.top + 1}`)?.formula;
                if (hasHeaders && typeof f === "string" && f.startsWith("="))
                  throw new OfficeError("InvalidArgument", `The header row of a table cannot hold a formula (${colName(box.left + j)}${box.top + 1}: ${f}).`);
              }
              state.tables.push({ name, sheet: sheetRef().name, address: boxAddress(box) });
            });
            return table;
          },
        },
        charts: {
          add(type: string, source: any, seriesBy: string) {
            const chart: SimChart = { type, source: "" };
            enqueue(label, "charts.add", [type, source._box ? boxAddress(source._box()) : "?", seriesBy], () => {
              const s = sheetRef();
              editable(s);
              if (!CHART_TYPES.has(type)) throw new OfficeError("InvalidArgument", `"${type}" is not an Excel.ChartType.`);
              chart.source = boxAddress(source._box());
              s.charts.push(chart);
            });
            return {
              title: {
                set text(v: string) {
                  enqueue(`${label} chart`, "title.text", [v], () => (chart.title = v));
                },
              },
              setPosition(start: string, end?: string) {
                enqueue(`${label} chart`, "setPosition", [start, end], () => (chart.position = [start, end]));
              },
              axes: {
                categoryAxis: {
                  set reversePlotOrder(v: boolean) {
                    enqueue(`${label} chart`, "categoryAxis.reversePlotOrder", [v], () => (chart.reversedCategories = v));
                  },
                },
              },
            };
          },
        },
      };
      return sheet;
    }

    function collection<T>(label: string, items: () => T[]) {
      let loadedItems: T[] | undefined;
      const c: any = {
        load(props?: string) {
          enqueue(label, "load", [props], () => (loadedItems = items()));
          return c;
        },
        get items() {
          if (!loadedItems) throw notLoaded("items");
          return loadedItems;
        },
      };
      return c;
    }

    const worksheets = collection("worksheets", () => state.sheets.map((s) => makeSheet(() => (state.sheets.includes(s) ? s : undefined), s.name)));
    worksheets.add = (name: string) => {
      let created: SimSheet | undefined;
      enqueue("worksheets", "add", [name], () => {
        if (state.protectedWorkbook) throw new OfficeError("AccessDenied", "The workbook is protected and can't be changed.");
        if (findSheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet called ${name} already exists.`);
        const bad = sheetNameProblem(name);
        if (bad) throw new OfficeError("InvalidArgument", `Bad sheet name: ${bad}.`);
        created = { name, cells: new Map(), columnWidths: new Map(), charts: [] };
        state.sheets.push(created);
      });
      return makeSheet(() => created, name);
    };
    worksheets.getItem = (name: string) => makeSheet(() => findSheet(name), name);
    worksheets.getItemOrNullObject = (name: string) => makeSheet(() => findSheet(name), name);

    const names = collection("names", () => [...state.names.keys()].map((n) => ({ name: n })));
    names.add = (name: string, range: any) => {
      enqueue("names", "add", [name, boxAddress(range._box())], () => {
        if (nameTaken(name)) throw new OfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
        const bad = nameProblem(name);
        if (bad) throw new OfficeError("InvalidArgument", `Bad name: ${bad}.`);
        state.names.set(name, `${quoteSheet(range._sheet().name)}!${boxAddress(range._box())}`);
      });
      return {};
    };
    names.getItemOrNullObject = (name: string) => {
      let isNull: boolean | undefined;
      const item: any = {
        load() {
          enqueue("names", "load", [name], () => (isNull = ![...state.names.keys()].some((n) => n.toLowerCase() === name.toLowerCase())));
          return item;
        },
        get isNullObject() {
          if (isNull === undefined) throw notLoaded("isNullObject");
          return isNull;
        },
        delete() {
          enqueue("names", "delete", [name], () => {
            const k = [...state.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
            if (k === undefined) throw new OfficeError("ItemNotFound", `No name ${name}`);
            state.names.delete(k);
          });
        },
      };
      return item;
    };

    const tables = collection("tables", () => state.tables.map((t) => ({ name: t.name })));
    let isProtected: boolean | undefined;
    const protection: any = {
      load() {
        enqueue("protection", "load", [], () => (isProtected = state.protectedWorkbook));
        return protection;
      },
      get protected() {
        if (isProtected === undefined) throw notLoaded("protected");
        return isProtected;
      },
    };

    const selection = options.selection ?? `${state.activeSheet || "Sheet1"}!A1`;
    const selSheet = selection.includes("!") ? selection.slice(0, selection.lastIndexOf("!")).replace(/^'|'$/g, "") : state.activeSheet;
    const workbook = {
      worksheets,
      names,
      tables,
      protection,
      getSelectedRange: () =>
        makeRange(
          () =>
            findSheet(selSheet) ??
            (() => {
              throw new OfficeError("ItemNotFound", "no selection");
            })(),
          selection,
          selSheet
        ),
    };

    /**
     * Application.cultureInfo as Office.js has it: its properties throw until loaded and synced
     * (PropertyNotLoaded), a load names properties of the object (anything else fails the sync with
     * InvalidArgument), and a load of a set the host lacks fails the sync with ApiNotFound
     * (cultureInfo and its number separators are ExcelApi 1.11, currencySymbol 1.17).
     */
    const needs = (minor: number, what: string) => {
      if (apiMinor < minor)
        throw new OfficeError(
          "ApiNotFound",
          `The API you are trying to use could not be found. It may be available in a newer version of Excel (${what}: ExcelApi 1.${minor}).`
        );
    };
    const loadable = (label: string, props: Record<string, { minor: number; value: () => unknown }>) => {
      const loaded: Record<string, unknown> = {};
      const obj: any = {
        load(names?: string | string[]) {
          const list = (Array.isArray(names) ? names : (names ?? Object.keys(props).join(",")).split(",")).map((n) => n.trim()).filter((n) => n);
          enqueue(label, "load", [list.join(",")], () => {
            for (const n of list) {
              const p = props[n];
              if (!p) throw new OfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: ${label} has no property ${n}.`);
              needs(p.minor, `${label}.${n}`);
            }
            for (const n of list) loaded[n] = props[n].value();
          });
          return obj;
        },
      };
      for (const n of Object.keys(props))
        Object.defineProperty(obj, n, {
          get() {
            if (!(n in loaded)) throw notLoaded(n);
            return loaded[n];
          },
        });
      return obj;
    };
    const numberFormat = loadable("numberFormat", {
      numberDecimalSeparator: { minor: 11, value: () => culture.decimalSeparator },
      numberGroupSeparator: { minor: 11, value: () => culture.groupSeparator },
      currencySymbol: { minor: 17, value: () => culture.currencySymbol },
    });
    const cultureInfo = loadable("cultureInfo", { name: { minor: 11, value: () => culture.name } });
    // A navigation property, as in Office.js: reached without a load, loaded on its own.
    Object.defineProperty(cultureInfo, "numberFormat", { value: numberFormat });
    const application = { cultureInfo };

    const context = {
      workbook,
      application,
      async sync() {
        syncs++;
        const batch = queue.splice(0);
        const failing = options.failAtSync === syncs;
        const limit = failing ? Math.min(options.failAfterOps ?? Math.floor(batch.length / 2), batch.length) : batch.length;
        for (let k = 0; k < limit; k++) {
          calls.push({ ...batch[k].call, batch: syncs });
          batch[k].apply(); // an error here stops the batch, like Excel: what ran before stays done
        }
        if (failing) {
          const f = options.failWith ?? { code: "GeneralException", message: "An internal error has occurred." };
          throw new OfficeError(f.code, f.message);
        }
      },
      _pending: () => queue.length,
    };
    return context;
  }

  const excel = {
    isSetSupported,
    async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
      runs++;
      const context = newContext();
      const result = await batch(context);
      // Excel.run sends whatever is still queued when the batch function returns.
      if (context._pending() > 0) await context.sync();
      return result;
    },
  };

  return {
    excel,
    isSetSupported,
    state,
    calls,
    get syncs() {
      return syncs;
    },
    get runs() {
      return runs;
    },
    sheet(name: string) {
      return findSheet(name);
    },
    cell(sheetName: string, address: string): SimCell | undefined {
      return findSheet(sheetName)?.cells.get(address);
    },
    sheetNames: () => state.sheets.map((s) => s.name),
    /**
     * What a cell shows, as far as the stand-in knows: "#SPILL!" for a formula whose result would
     * spill (options.spillSize) onto a cell that is not empty, or that sits in a table (Excel:
     * "How to correct a #SPILL! error", Microsoft Support: "Spill range isn't blank", "Spill into
     * table" — spilled array formulas aren't supported in Excel tables); else its formula or value.
     */
    shows(sheetName: string, address: string): string | number | boolean | undefined {
      const sheet = findSheet(sheetName);
      const f = sheet?.cells.get(address)?.formula;
      if (!sheet || typeof f !== "string" || !f.startsWith("=") || !options.spillSize) return f;
      const size = options.spillSize(f);
      if (!size || (size.rows === 1 && size.cols === 1)) return f;
      const at = parseBox(address);
      const area = { top: at.top, left: at.left, rows: size.rows, cols: size.cols };
      if (state.tables.some((t) => t.sheet === sheet.name && overlaps(parseBox(t.address), area))) return "#SPILL!";
      for (const [k, c] of sheet.cells) {
        if (k === address || c.formula === undefined || c.formula === "") continue;
        if (overlaps(area, parseBox(k))) return "#SPILL!";
      }
      return f;
    },
    /** Calls that wrote cell contents (formulas or values) in a batch. */
    writes: () => calls.filter((c) => c.op === "formulas" || c.op === "values"),
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
