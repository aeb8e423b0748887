/**
 * How a typed formula is stored in an .xlsx file, written out for the tests independently of the
 * writer's toFileFormula (src/workbook/xlsx-formulas.ts), from the file format's own rules:
 * - a JavaScript custom function BIZ.X( is stored as _xldudf_BIZ_X( (what Excel itself saves;
 *   docs/xlsx-formulas.md);
 * - functions newer than Excel 2007 carry the _xlfn. prefix ([MS-XLSX] 2.2.2 Formulas, "future
 *   functions"); of the functions a template may use (NATIVE_FUNCTIONS) only MAXIFS and MINIFS are;
 * - [@Col], [@[Col x]] and Table[@Col] are typed shorthand for Table[[#This Row],[Col]] (ECMA-376
 *   Part 1, 18.17.6 structure references: "this row" is an item specifier).
 * Text in double quotes is left alone. test/workbook/xlsx-stored-formulas.test.ts pins whole stored
 * formulas of every template as literal strings, so these rules are checked against Excel's form too.
 */
export function storedForm(typed: string, table?: string): string {
  return typed
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      let code = part.replace(
        /(^|[^A-Za-z0-9_.])BIZ\.([A-Za-z][A-Za-z0-9]*)\s*\(/gi,
        (_m, before: string, name: string) => `${before}_xldudf_BIZ_${name.toUpperCase()}(`
      );
      code = code.replace(/(^|[^A-Za-z0-9_.])(MAXIFS|MINIFS)\s*\(/gi, (_m, before: string, name: string) => `${before}_xlfn.${name.toUpperCase()}(`);
      code = code.replace(/([A-Za-z_][A-Za-z0-9_.]*)?\[@(?:\[([^\]]+)\]|([^\][]+))\]/g, (_m, owner: string | undefined, bracketed?: string, plain?: string) => {
        const name = owner ?? table;
        if (!name) throw new Error(`[@...] outside a table in ${typed}`);
        return `${name}[[#This Row],[${bracketed ?? plain}]]`;
      });
      return code;
    })
    .join("");
}
