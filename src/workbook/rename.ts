/**
 * A second copy of a template in the same workbook cannot reuse its workbook-scoped names (GoalMonth)
 * or table names (PricePoints): Excel keeps one namespace for both. The copy gets one suffix for all
 * its names (GoalMonth_2, PricePoints_2) and its formulas are rewritten to match, so the copy reads
 * its own inputs and never the first copy's. Pure: no Office.
 */

/** Picks the suffix: none when every name is free, else the smallest _n (n >= 2) free for all. */
export function namesForCopy(wanted: readonly string[], taken: readonly string[]): Record<string, string> {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const clash = (suffix: string) => wanted.some((n) => used.has((n + suffix).toLowerCase()));
  let suffix = "";
  for (let n = 2; clash(suffix); n++) suffix = `_${n}`;
  return Object.fromEntries(wanted.map((n) => [n, n + suffix]));
}

/** The first free sheet name: "Income Goal", else "Income Goal (2)", "(3)"... within Excel's 31 characters. */
export function freeSheetName(title: string, taken: readonly string[]): string {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const fit = (base: string, tail: string) => base.slice(0, 31 - tail.length) + tail;
  if (!used.has(fit(title, "").toLowerCase())) return fit(title, "");
  for (let n = 2; ; n++) {
    const name = fit(title, ` (${n})`);
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Quotes a sheet name for a formula when it needs it: 'Income Goal (2)'!A1. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Rewrites the names in a formula (without "="): identifiers that are workbook names or table names
 * (before "[" of a structured reference). Never touched: text in "quotes", column names inside
 * [brackets], function names (followed by "(" or part of BIZ.NAME) and cell addresses. A reference
 * to the template's own sheet by title is pointed at the sheet actually written.
 */
export function renameInFormula(formula: string, names: Readonly<Record<string, string>>, sheet?: { from: string; to: string }): string {
  const lookup = new Map(Object.entries(names).map(([from, to]) => [from.toLowerCase(), to]));
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A text literal; "" is an escaped quote inside it.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "'") {
      // A quoted sheet name: 'Income Goal'!A1.
      let j = i + 1;
      while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
      const quoted = formula.slice(i + 1, j).replace(/''/g, "'");
      out += sheet && quoted.toLowerCase() === sheet.from.toLowerCase() ? sheetRef(sheet.to) : formula.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      // Structured-reference columns, possibly nested: Table[[#Headers],[Price]].
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
    } else if (/[A-Za-z_\\]/.test(ch) && !/[A-Za-z0-9_.$]/.test(formula[i - 1] ?? "")) {
      let j = i;
      while (j < formula.length && /[A-Za-z0-9_.\\]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      const next = formula[j];
      if (next === "(")
        out += word; // a function
      else if (next === "!") out += sheet && word.toLowerCase() === sheet.from.toLowerCase() ? sheetRef(sheet.to) : word;
      else out += lookup.get(word.toLowerCase()) ?? word;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
