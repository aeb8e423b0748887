// The runner's rules one by one (src/functions/runner.ts, its header comment), on a throwaway function
// declared with it, as Excel calls one: an array of arguments, omitted optionals as null. Written for
// mutation testing (npm run mutate, README "Mutation testing"): each rule has a case on each side.
import { MAX_LIST_CELLS, cancelation, choice, define, flag, list, number, optional, orient, period, shapedList, Param } from "../../src/functions/runner";
import { AMOUNT, MONTHS, RATE } from "../../src/core/domains";
import { DomainError } from "../../src/core/errors";

/** The one argument as the parameter reads it, or the Excel error code and message. */
function read<T>(param: Param<T>, raw: unknown): T | { code: string; message: string } {
  let seen: T | undefined;
  const fn = define("T", [param], (v) => {
    seen = v as T;
    return 0;
  });
  try {
    fn([raw]);
    return seen as T;
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
}

const err = (code: string, message: RegExp | string) => ({ code, message: typeof message === "string" ? message : expect.stringMatching(message) });

describe("number: Excel's coercion of one value", () => {
  test.each([
    [5, 5],
    [-2.5, -2.5],
    [true, 1], // TRUE counts 1 and FALSE 0, as in =TRUE+0
    [false, 0],
    [" 12 ", 12], // numeric text, as =VALUE(" 12 ")
    ["1e3", 1000],
    ["-3", -3],
    [[[7]], 7], // a one-cell range is its value
    [[7], 7],
    [[[" 8"]], 8],
  ])("%j reads as %p", (raw, n) => expect(read(number("x"), raw)).toBe(n));

  test.each([
    [NaN, err("#VALUE!", "x is not a number")],
    ["abc", err("#VALUE!", 'x must be a number; got "abc"')],
    ["1e400", err("#VALUE!", 'x must be a number; got "1e400"')], // Infinity is not a number a cell holds
    [{}, err("#VALUE!", "x must be a number; got {}")],
    [[[1, 2]], err("#VALUE!", "x takes a single number, not a range")],
    [[[1], [2]], err("#VALUE!", "x takes a single number, not a range")],
    [[1, 2], err("#VALUE!", "x takes a single number, not a range")],
    [[], err("#VALUE!", "x takes a single number, not a range")],
    [[[]], err("#VALUE!", "x takes a single number, not a range")],
  ])("%j is an error", (raw, expected) => expect(read(number("x"), raw)).toEqual(expected));

  test("a domain is checked after coercion: #NUM! naming the input; whole counts truncate", () => {
    expect(read(number("close_rate", RATE), 2)).toEqual(err("#NUM!", "close_rate must be a number in (0, 1]; got 2"));
    expect(read(number("close_rate", RATE), "0.5")).toBe(0.5);
    expect(read(number("months", MONTHS), 12.7)).toBe(12);
    expect(read(number("months", MONTHS), true)).toBe(1);
  });

  test("without a domain any finite number passes, and Infinity does not", () => {
    expect(read(number("x"), -1e308)).toBe(-1e308);
    expect(read(number("x"), Infinity)).toEqual(err("#NUM!", /^x must be a number in \(-∞, ∞\); got Infinity$/));
  });
});

describe("blank and omitted arguments", () => {
  test.each([null, undefined, "", "   "])("%j takes the default of an optional argument", (raw) => {
    expect(read(optional(number("x"), 42), raw)).toBe(42);
  });
  test.each([null, undefined, "", "   "])("%j for a required argument is #VALUE! 'is required'", (raw) => {
    expect(read(number("amount"), raw)).toEqual(err("#VALUE!", "amount is required"));
  });
  test("a given value wins over the default", () => expect(read(optional(number("x"), 42), 0)).toBe(0));
  test("the default is used as given, not read through the parameter", () => expect(read(optional(number("x", RATE), 7), null)).toBe(7));
});

describe("period", () => {
  test.each([
    ["month", "month"],
    [" Weekly ", "week"],
    [[["day"]], "day"],
    [["year"], "year"],
  ])("%j reads as %p", (raw, p) => expect(read(period("from_period"), raw)).toBe(p));

  test.each([
    [[["day", "week"]], err("#VALUE!", "from_period takes a single value, not a range")],
    [[["day"], ["week"]], err("#VALUE!", "from_period takes a single value, not a range")],
    ["fortnight", err("#VALUE!", /^from_period must be one of year, /)],
    [3, err("#VALUE!", /^from_period must be one of .*; got "3"$/)],
  ])("%j is an error", (raw, expected) => expect(read(period("from_period"), raw)).toEqual(expected));
});

describe("flag: TRUE/FALSE, their text, and numbers as Excel counts them", () => {
  test.each([
    [true, true],
    [false, false],
    ["TRUE", true],
    [" false ", false],
    ["True", true],
    [" true ", true], // spaces around the word, as " false " above
    [0, false], // =IF(0, ...) takes the FALSE branch; any other number the TRUE one
    [2, true],
    [-1, true],
    [0.5, true],
    ["0", false],
    ["1", true],
    [[[true]], true],
  ])("%j reads as %p", (raw, b) => expect(read(flag("flush"), raw)).toBe(b));

  test.each(["yes", "truely", "xtrue"])("%p is #VALUE!", (raw) => expect(read(flag("flush"), raw)).toEqual(err("#VALUE!", /^flush must be a number/)));
});

describe("list: numbers from a range, a row, a column or one value", () => {
  test.each([
    [
      [
        [1, 2],
        [3, 4],
      ],
      [1, 2, 3, 4],
    ], // row by row
    [
      [[1], [2], [3]],
      [1, 2, 3],
    ],
    [[[1, 2, 3]], [1, 2, 3]],
    [
      [1, 2],
      [1, 2],
    ],
    [5, [5]],
    [
      [
        [1, ""],
        [null, 3],
        ["  ", 4],
      ],
      [1, 3, 4],
    ], // blank cells are ignored
  ])("%j reads as %j", (raw, values) => expect(read(list("v"), raw)).toEqual(values));

  test.each([
    [[[1, "a"]], err("#VALUE!", 'v must hold only numbers; found "a"')],
    [[[1, true]], err("#VALUE!", "v must hold only numbers; found true")],
    [[[1, NaN]], err("#VALUE!", "v must hold only numbers; found null")], // JSON shows NaN as null
    [[[1, Infinity]], err("#VALUE!", /^v must hold only numbers/)],
    [[["", null]], err("#VALUE!", "v has no numbers")],
    [[], err("#VALUE!", "v has no numbers")],
    ["abc", err("#VALUE!", 'v must hold only numbers; found "abc"')],
  ])("%j is an error", (raw, expected) => expect(read(list("v"), raw)).toEqual(expected));

  test("each value is checked against the domain, naming the list", () => {
    expect(read(list("level_members", AMOUNT), [[1, -1]])).toEqual(err("#NUM!", "each value of level_members must be a number of 0 or more; got -1"));
    expect(read(list("level_members", AMOUNT), [[1, 0]])).toEqual([1, 0]);
  });

  test("one whole Excel column (1,048,576 rows, Excel's specifications and limits) is the most a list may hold", () => {
    expect(MAX_LIST_CELLS).toBe(1048576);
    const full = [new Array<number>(MAX_LIST_CELLS).fill(1)];
    expect((read(list("v"), full) as number[]).length).toBe(MAX_LIST_CELLS);
    const overByOne = [new Array<number>(MAX_LIST_CELLS - 1).fill(1), [1, 1]];
    expect(read(list("v"), overByOne)).toEqual(err("#NUM!", "v has more than 1048576 cells"));
  });
});

describe("shapedList remembers a row", () => {
  test.each([
    [[[1, 2, 3]], true],
    [[[1], [2], [3]], false],
    [[[5]], false], // one cell: a column of one
    [
      [
        [1, 2],
        [3, 4],
      ],
      false,
    ],
    [[1, 2], false],
    [5, false],
  ])("%j: row %p", (raw, isRow) => expect(read(shapedList("v"), raw)).toEqual({ values: expect.any(Array), isRow }));

  test("a shaped list with no numbers is #VALUE!, like any list", () => {
    expect(read(shapedList("v"), [["", null]])).toEqual(err("#VALUE!", "v has no numbers"));
  });

  test("orient lays a list out the same way", () => {
    const values = [1, 2, 3];
    const row = orient(values, true);
    expect(row).toEqual([[1, 2, 3]]);
    row[0][0] = 9;
    expect(values).toEqual([1, 2, 3]); // a copy: the caller's list is not the result row
    expect(orient(values, false)).toEqual([[1], [2], [3]]);
  });
});

describe("define checks every result before Excel sees it", () => {
  const returning = (r: unknown) => define("ID", [] as const, () => r as never)([]);
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { code: (e as { code: string }).code, message: (e as Error).message };
    }
  };

  test.each([
    [3.5, 3.5],
    ["text", "text"],
    [false, false],
    [
      [
        [1, "a"],
        [true, 2],
      ],
      [
        [1, "a"],
        [true, 2],
      ],
    ],
  ])("%j is shown as it is", (r, shown) => expect(outcome(() => returning(r))).toEqual({ value: shown }));

  test("-0 is shown as 0, in a cell and in a table", () => {
    expect(Object.is(returning(-0), 0)).toBe(true);
    expect(Object.is((returning([[-0]]) as number[][])[0][0], 0)).toBe(true);
  });

  test.each([
    [NaN, err("#NUM!", "ID: the result is too large to show")],
    [Infinity, err("#NUM!", "ID: the result is too large to show")],
    [[[1, -Infinity]], err("#NUM!", "ID: the result is too large to show")],
    [undefined, err("#VALUE!", "ID produced no value")],
    [null, err("#VALUE!", "ID produced no value")],
    [[[1, undefined]], err("#VALUE!", "ID produced no value")],
    [[], err("#VALUE!", "ID produced an empty table")],
    [[[]], err("#VALUE!", "ID produced an empty table")],
    [[1, 2], err("#VALUE!", "ID produced an empty table")], // not rows of cells
    [[[1, 2], [3]], err("#VALUE!", "ID produced a ragged table")],
    [[[1], 2], err("#VALUE!", "ID produced a ragged table")],
  ])("%j is an error", (r, expected) => expect(outcome(() => returning(r))).toEqual(expected));
});

describe("define turns every failure into an Excel error", () => {
  const throwing = (e: unknown) =>
    define("ID", [] as const, () => {
      throw e;
    });
  const caught = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    return "no error";
  };

  test.each([
    [new DomainError("range", "goal out of reach"), "#NUM!", "goal out of reach"],
    [new DomainError("kind", "unknown plan"), "#VALUE!", "unknown plan"],
    [new RangeError("Invalid array length"), "#NUM!", "ID: Invalid array length"],
    [new TypeError("x is not a function"), "#VALUE!", "ID could not compute this: x is not a function"],
    ["oops", "#VALUE!", "ID could not compute this: oops"],
  ])("%p becomes %s", (thrown, code, message) => {
    const e = caught(() => throwing(thrown)([])) as { code: string; message: string };
    expect(e).toBeInstanceOf(CustomFunctions.Error);
    expect({ code: e.code, message: e.message }).toEqual({ code, message });
  });

  test("a CustomFunctions.Error leaves unchanged", () => {
    const original = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "none yet");
    expect(caught(() => throwing(original)([]))).toBe(original);
  });

  test("arguments are read in order and passed to the body", () => {
    const fn = define("ADD", [number("a"), optional(number("b"), 10), period("p")] as const, (a, b, p) => `${a}+${b} ${p}`);
    expect(fn([1, null, "month"])).toBe("1+10 month");
    expect(fn([1, 2, "day"])).toBe("1+2 day");
  });

  test("an async body settles the same way", async () => {
    const later = (r: unknown) => define("LATER", [] as const, async () => r as never)([]);
    await expect(later(2)).resolves.toBe(2);
    await expect(later(-0)).resolves.toBe(0);
    await expect(later(NaN)).rejects.toEqual(expect.objectContaining({ code: "#NUM!", message: "LATER: the result is too large to show" }));
    const failing = define("LATER", [] as const, async () => {
      throw new DomainError("range", "too big");
    })([]);
    await expect(failing).rejects.toEqual(expect.objectContaining({ code: "#NUM!", message: "too big" }));
    await expect(failing).rejects.toBeInstanceOf(CustomFunctions.Error);
  });

  test("a bad argument to an async function throws at once, as Excel expects of an argument error", () => {
    const fn = define("LATER", [number("n")] as const, async (n) => n);
    expect(() => fn(["abc"])).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("choice: one of a few words", () => {
  const report = choice("report", ["summary", "percentiles", "brackets"] as const);
  test.each<[unknown, string]>([
    ["summary", "summary"],
    [" Brackets ", "brackets"], // case and surrounding spaces ignored
    [[["percentiles"]], "percentiles"], // a one-cell range
  ])("%j reads as %s", (raw, word) => {
    expect(read(report, raw)).toBe(word);
  });

  test.each<[unknown, string]>([
    ["median", '"median"'],
    [5, "5"], // a number is no word: #VALUE!, not a TypeError from trimming it
    [true, "true"],
  ])("%j is #VALUE! naming every choice", (raw, got) => {
    expect(read(report, raw)).toEqual(err("#VALUE!", `report must be one of "summary", "percentiles", "brackets"; got ${got}`));
  });
});

describe("cancelation: Excel's CancelableInvocation read as a question", () => {
  const param = cancelation();
  test.each([null, undefined, 5, "text"])("%p (no invocation object) is never canceled", (raw) => {
    const canceled = param.read(raw as never, "invocation");
    expect(canceled()).toBe(false);
  });

  test("an invocation gets an onCanceled handler; once Excel calls it, the call is canceled", () => {
    const invocation: { onCanceled?: () => void } = {};
    const canceled = param.read(invocation as never, "invocation");
    expect(typeof invocation.onCanceled).toBe("function");
    expect(canceled()).toBe(false);
    invocation.onCanceled!();
    expect(canceled()).toBe(true);
  });

  test("an omitted invocation falls back to never canceled", () => {
    expect(param.fallback!.value()).toBe(false);
  });
});
