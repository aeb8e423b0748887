import fc from "fast-check";

/**
 * Hostile arguments as Excel could hand them to a custom function: huge, tiny, negative and
 * fractional numbers, NaN and infinities (a buggy caller), empty strings, text, booleans, null,
 * and ranges that are empty, ragged or full of junk. Plausible values are mixed in so the
 * success paths are exercised too.
 */
const plausibleNumber = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0.1, 0.25, 0.5, 1, 3, 12, 100, 3000, 36000)
);

const hostileNumber = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0, subnormals
  fc.constantFrom(1e308, -1e308, 5e-324, -1, -0.5, 1200, 1201, 1e6, 1e6 + 1, 2 ** 53),
  fc.integer()
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: plausibleNumber },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "month", "Year", "WORKDAY", "abc", "12", "1e400", "NaN", "-3") },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) }
);

const cell = fc.oneof({ weight: 5, arbitrary: plausibleNumber }, { weight: 1, arbitrary: scalar }, { weight: 1, arbitrary: fc.constant("") });

const range = fc.oneof(
  fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), // may be ragged
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((row) => [row]),
  fc.array(cell, { minLength: 1, maxLength: 6 }).map((col) => col.map((c) => [c])),
  fc.constant([]),
  fc.constant([[]])
);

export const hostileArg = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: range });

export const hostileArgs = (arity: number) => fc.array(hostileArg, { minLength: arity, maxLength: arity });

/** An error as the CustomFunctions runtime sees it: a code Excel shows and (ideally) a message. */
export function isExcelError(e: unknown): boolean {
  return e instanceof CustomFunctions.Error && ["#NUM!", "#VALUE!"].includes((e as { code: string }).code);
}

/** What a function may hand back to Excel: a finite number, text, a boolean, or a rectangular table of those. */
export function isExcelValue(v: unknown): boolean {
  const cellOk = (c: unknown) => (typeof c === "number" ? Number.isFinite(c) : typeof c === "string" || typeof c === "boolean");
  if (!Array.isArray(v)) return cellOk(v);
  if (v.length === 0 || !Array.isArray(v[0]) || v[0].length === 0) return false;
  const width = v[0].length;
  return v.every((row) => Array.isArray(row) && row.length === width && row.every(cellOk));
}

/** Calls fn and reports whether the outcome is one Excel can show; never lets anything escape. */
export async function excelOutcome(fn: (...a: unknown[]) => unknown, args: unknown[]): Promise<{ ok: boolean; what: string }> {
  try {
    const v = await fn(...args);
    return { ok: isExcelValue(v), what: `returned ${JSON.stringify(v)?.slice(0, 200)}` };
  } catch (e) {
    return { ok: isExcelError(e), what: `threw ${String((e as Error)?.message ?? e)}` };
  }
}
