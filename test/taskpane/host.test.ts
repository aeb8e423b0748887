import { detectHost } from "../../src/taskpane/host";

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

test("Excel without ExcelApi 1.8: says what is missing and why", async () => {
  office("Excel", (v) => Number(v.split(".")[1]) < 8);
  await expect(detectHost()).resolves.toEqual({ kind: "unsupported", missing: ["ExcelApi 1.8 (data validation lists)"] });
});

test("office.js that never answers: treated as outside Office after the timeout", async () => {
  g.Office = { onReady: () => new Promise(() => undefined) };
  await expect(detectHost(50)).resolves.toMatchObject({ kind: "outside" });
});
