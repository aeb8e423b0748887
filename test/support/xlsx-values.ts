import * as fs from "fs";
import JSZip from "jszip";

/**
 * The figures a spreadsheet program saved in an .xlsx file, read straight from the sheet XML
 * (ECMA-376 Part 1, 18.3.1.4 c, 18.18.11 ST_CellType) rather than through exceljs, which reads a
 * cached 0 or FALSE of a formula cell as "no result" and so cannot tell a blank cell from 0.
 * A cell without a <v> (or inline string) is blank: absent from the map, read as null.
 */

export type Figure = number | string | boolean | { readonly error: string } | null;

const decode = (s: string): string =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e === "amp"
      ? "&"
      : e === "lt"
        ? "<"
        : e === "gt"
          ? ">"
          : e === "quot"
            ? '"'
            : e === "apos"
              ? "'"
              : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
  );

/** The text of every <t> in a fragment (a shared string may be rich text: several runs). */
const texts = (xml: string): string => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decode(m[1] ?? "")).join("");

/** Sheet name -> ("B12" -> figure) for every sheet of the file. */
export async function readFigures(source: string | Buffer): Promise<Map<string, Map<string, Figure>>> {
  const zip = await JSZip.loadAsync(typeof source === "string" ? fs.readFileSync(source) : source);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`the package has no ${p}`);
    return f.async("string");
  };
  const shared = zip.file("xl/sharedStrings.xml") ? [...(await read("xl/sharedStrings.xml")).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1])) : [];
  const rels = new Map(
    [...(await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[1])![1],
      /\bTarget="([^"]+)"/.exec(m[1])![1],
    ])
  );
  const out = new Map<string, Map<string, Figure>>();
  for (const m of (await read("xl/workbook.xml")).matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[1])![1]);
    const target = rels.get(/\br:id="([^"]+)"/.exec(m[1])![1])!;
    const xml = await read(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    const cells = new Map<string, Figure>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1])![1];
      const type = /\bt="([^"]+)"/.exec(c[1])?.[1] ?? "n";
      const body = c[2] ?? "";
      const v = /<v>([^<]*)<\/v>/.exec(body)?.[1];
      let figure: Figure;
      if (type === "inlineStr") figure = texts(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
      else if (v === undefined)
        continue; // blank (a formula without a cached result is blank too)
      else if (type === "s") figure = shared[Number(v)];
      else if (type === "str") figure = decode(v);
      else if (type === "b") figure = v === "1";
      else if (type === "e") figure = { error: decode(v) };
      else figure = Number(v);
      cells.set(ref, figure);
    }
    out.set(name, cells);
  }
  return out;
}
