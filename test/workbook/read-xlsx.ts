import * as fs from "fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Reads an .xlsx with exceljs for the tests. exceljs cannot parse a table column that has a
 * <calculatedColumnFormula> child (which Excel writes, and so does our writer, for columns with one
 * formula in every row): its table reader then loses count of the columns and throws. The tests
 * check that element in the XML itself; here it is removed before exceljs reads the package.
 */
export async function readXlsx(source: Buffer | string): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(typeof source === "string" ? fs.readFileSync(source) : source);
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/tables\/table\d+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async("string");
    zip.file(path, xml.replace(/<tableColumn\b([^>]*)><calculatedColumnFormula>[^<]*<\/calculatedColumnFormula><\/tableColumn>/g, "<tableColumn$1/>"));
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ArrayBuffer);
  return wb;
}
