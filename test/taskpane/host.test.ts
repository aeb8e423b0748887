import { detectHost, hasDynamicArrays } from "../../src/taskpane/host";

/** detectHost against stand-ins of the Office global: where the pane decides whether it may write. */
const g = globalThis as { Office?: unknown };

afterEach(() => {
  delete g.Office;
});

function office(host: string | null, supported: (version: string) => boolean = () => true) {
  g.Office = {
    onReady: () => Promise.resolve({ host, platform: host ? "PC" : null }),
    context: { requirements: { isSetSupported: (_set: string, version: string) => supported(version) } },
  };
}

test("office.js did not load: outside Office", async () => {
  await expect(detectHost()).resolves.toMatchObject({ kind: "outside", detail: expect.stringMatching(/office\.js/) });
});

test("a plain browser (office.js reports no host): outside Office", async () => {
  office(null);
  await expect(detectHost()).resolves.toEqual({ kind: "outside", detail: "This page is open in a browser, not in Excel." });
});

test("another Office host: outside Excel", async () => {
  office("Word");
  await expect(detectHost()).resolves.toMatchObject({ kind: "outside", detail: expect.stringMatching(/not in Word/) });
});

test("Excel with every requirement set: may write", async () => {
  office("Excel");
  await expect(detectHost()).resolves.toEqual({ kind: "excel" });
});

// ExcelApi versions as Microsoft's requirement-set tables give them: Excel 2019 stops at 1.8,
// Office 2021 reaches 1.14, Microsoft 365 and the web are past 1.12.
const upTo = (max: number) => (v: string) => Number(v.split(".")[1]) <= max;

test("Excel 2019 (ExcelApi up to 1.8): may write, and is told it has no dynamic arrays", async () => {
  office("Excel", upTo(8));
  await expect(detectHost()).resolves.toEqual({ kind: "excel", noDynamicArrays: true });
});

test("Office 2021 (ExcelApi up to 1.14): dynamic arrays, nothing to say", async () => {
  office("Excel", upTo(14));
  await expect(detectHost()).resolves.toEqual({ kind: "excel" });
});

test("the dynamic-array check asks exactly for ExcelApi 1.12, and answers both ways", () => {
  const asked: string[] = [];
  const requirements = (answer: boolean) => ({ isSetSupported: (name: string, v?: string) => (asked.push(`${name} ${v}`), answer) });
  expect(hasDynamicArrays(requirements(true))).toBe(true);
  expect(hasDynamicArrays(requirements(false))).toBe(false);
  expect(asked).toEqual(["ExcelApi 1.12", "ExcelApi 1.12"]);
  expect(hasDynamicArrays({ isSetSupported: (_n, v) => upTo(11)(v ?? "") })).toBe(false);
  expect(hasDynamicArrays({ isSetSupported: (_n, v) => upTo(12)(v ?? "") })).toBe(true);
});

test("Excel without ExcelApi 1.8: says what is missing and why", async () => {
  office("Excel", (v) => Number(v.split(".")[1]) < 8);
  await expect(detectHost()).resolves.toEqual({ kind: "unsupported", missing: ["ExcelApi 1.8 (data validation lists)"] });
});

test("office.js that never answers: treated as outside Office after the timeout", async () => {
  g.Office = { onReady: () => new Promise(() => undefined) };
  await expect(detectHost(50)).resolves.toMatchObject({ kind: "outside" });
});
