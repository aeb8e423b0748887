/**
 * The function reference reads the functions.json that the build generates from the JSDoc and
 * serves beside this page (the same file Excel reads), fetched from the pane's own origin at run
 * time: it can never drift from the functions, and the bundle does not carry a second copy.
 */
export interface FunctionParam {
  readonly name: string;
  readonly description?: string;
  readonly optional?: boolean;
  readonly dimensionality?: string;
}

export interface FunctionInfo {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly FunctionParam[];
  readonly spills: boolean;
}

export function signature(f: FunctionInfo): string {
  return `BIZ.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

/** Reads functions.json, keeping only plain strings and booleans from it (it is shown as text). */
export function parseFunctions(json: unknown): FunctionInfo[] {
  const list = (json as { functions?: unknown })?.functions;
  if (!Array.isArray(list)) throw new Error("functions.json has no function list");
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  return list
    .map((f: any) => ({
      name: text(f?.name),
      description: text(f?.description),
      parameters: Array.isArray(f?.parameters)
        ? f.parameters.map((p: any) => ({
            name: text(p?.name),
            description: text(p?.description),
            optional: p?.optional === true,
            dimensionality: text(p?.dimensionality),
          }))
        : [],
      spills: f?.result?.dimensionality === "matrix",
    }))
    .filter((f) => f.name !== "");
}

/**
 * The functions whose name or description holds every word of the query, in any letter case and
 * order ("team goal" finds TEAMNEEDED). "BIZ." and a leading "=" are ignored, so a formula's
 * beginning pasted in ("=BIZ.GOAL") finds its function. An empty query keeps them all.
 */
export function searchFunctions(functions: readonly FunctionInfo[], query: string): FunctionInfo[] {
  const words = query
    .trim()
    .toLowerCase()
    .replace(/^=/, "")
    .replace(/\bbiz\./g, "")
    .split(/[\s(),]+/)
    .filter((w) => w !== "");
  if (words.length === 0) return functions.slice();
  return functions.filter((f) => {
    const text = `${f.name} ${f.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export async function loadFunctions(url = "functions.json"): Promise<FunctionInfo[]> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`the function list could not be read (${response.status})`);
  return parseFunctions(await response.json());
}
