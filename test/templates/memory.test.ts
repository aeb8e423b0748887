import { AMOUNT } from "../../src/core/domains";
import { CellSpec, SheetPlan, TableSpec, Template } from "../../src/templates/model";
import { PlanError, bizDependents, readName, references, writeToMemory } from "../../src/workbook/memory";
import { customFunctionIds } from "./helpers";

/** A one-input template whose plan is the given cells and tables (the input cell B1 is added). */
function tiny(cells: CellSpec[], tables: TableSpec[] = [], extra: Partial<SheetPlan> = {}, outputs: string[] = []): Template {
  return {
    id: "tiny",
    title: "Tiny",
    summary: "",
    inputs: [{ name: "Amount", label: "Amount", kind: "number", domain: AMOUNT, format: "currency", default: 10 }],
    outputs,
    build: (v) => ({
      cells: [{ ref: "B1", value: v.Amount, role: "input", format: "currency", name: "Amount" }, ...cells],
      tables,
      validations: [],
      charts: [],
      ...extra,
    }),
  };
}

const problems = (t: Template): string[] => {
  try {
    writeToMemory(t, {}, { customFunctions: customFunctionIds() });
  } catch (e) {
    if (e instanceof PlanError) return [...e.problems];
    throw e;
  }
  return [];
};

const table = (name: string, ref: string, rows: TableSpec["rows"], headers = ["Item", "Price"]): TableSpec => ({
  name,
  ref,
  columns: headers.map((header) => ({ header })),
  rows,
});

describe("the in-memory writer catches template mistakes", () => {
  test("a sound plan is laid out: names, tables and spills", () => {
    const t = tiny(
      [
        { ref: "B2", formula: "Amount*2", value: 20, name: "Double", role: "output" },
        {
          ref: "D1",
          formula: "BIZ.BREAKDOWN(Amount)",
          value: "Year",
          spill: [
            ["Year", 10],
            ["Month", 10 / 12],
          ],
        },
        { ref: "B3", formula: "E2*12", value: 10 },
        { ref: "B4", formula: "SUM(Prices[Price])", value: 5 },
      ],
      [
        table("Prices", "A6", [
          ["Pen", 2],
          ["Ink", { formula: "[@Price]+0*Amount", value: 3 }],
        ]),
      ]
    );
    const s = writeToMemory(t, {}, { customFunctions: customFunctionIds() });
    expect(readName(s, "Double")).toBe(20);
    expect(s.cells.get("E2")).toMatchObject({ value: 10 / 12, spillOf: "D1" });
    expect(s.cells.get("A6")).toMatchObject({ value: "Item", table: "Prices" });
    expect(s.cells.get("B8")).toMatchObject({ formula: "[@Price]+0*Amount", value: 3 });
    expect([...bizDependents(s)].sort()).toEqual(["B3", "D1", "D2", "E1", "E2"]);
    expect(() => readName(s, "Triple")).toThrow(/Tiny has no cell named Triple; its names are Amount, Double/);
  });

  test.each([
    [[{ ref: "B1", value: 1 }], [], "B1 is written twice: by cell B1 and by cell B1"],
    [[{ ref: "A7", value: 1 }], [table("Prices", "A6", [["Pen", 2]])], "A7 is written twice: by cell A7 and by table Prices"],
    [[], [table("Prices", "A6", [["Pen", 2]]), table("More", "B7", [["x", 1]])], "B7 is written twice: by table Prices and by table More's header"],
    [
      [
        {
          ref: "C1",
          formula: "BIZ.BREAKDOWN(Amount)",
          value: "Year",
          spill: [
            ["Year", 1],
            ["Month", 2],
          ],
        },
        { ref: "D2", value: 0 },
      ],
      [],
      "D2 is written twice: by the spill of C1 and by cell D2",
    ],
    [
      [{ ref: "C1", formula: "BIZ.BREAKDOWN(Amount)", value: "Month", spill: [["Year", 1]] }],
      [],
      "the spill at C1 starts with Year but the cell's value is Month",
    ],
    [[{ ref: "C1", value: 1, name: "amount" }], [], 'name "amount" is already used by name "Amount"'],
    [[{ ref: "C1", value: 1, name: "Prices" }], [table("Prices", "A6", [["Pen", 2]])], 'table "Prices" is already used by name "Prices"'],
    [[{ ref: "C1", value: 1, name: "AB12" }], [], 'name "AB12" is not a valid Excel name'],
    [[{ ref: "C1", formula: "Amont*2", value: 1 }], [], "the formula in C1 (Amont*2) refers to Amont, which no cell of the plan is named"],
    [[{ ref: "C1", formula: "amount*2", value: 1 }], [], "the formula in C1 (amount*2) spells amount in another letter case than its cell's name"],
    [[{ ref: "C1", formula: "C9*2", value: 1 }], [], "the formula in C1 (C9*2) refers to C9, which nothing writes"],
    [[{ ref: "C1", formula: "BIZ.GOALS(Amount)", value: 1 }], [], "the formula in C1 (BIZ.GOALS(Amount)) calls BIZ.GOALS, which is not a BIZ function"],
    [
      [{ ref: "C1", formula: "LET(x,Amount,x)", value: 1 }],
      [],
      "the formula in C1 (LET(x,Amount,x)) calls LET, which is not among the Excel functions a template may use",
    ],
    [
      [{ ref: "C1", formula: "SUM(Price[Price])", value: 1 }],
      [table("Prices", "A6", [["Pen", 2]])],
      "the formula in C1 (SUM(Price[Price])) refers to table Price, which the plan does not have",
    ],
    [
      [{ ref: "C1", formula: "SUM(Prices[Cost])", value: 1 }],
      [table("Prices", "A6", [["Pen", 2]])],
      'the formula in C1 (SUM(Prices[Cost])) refers to column "Cost" of Prices, which has Item, Price',
    ],
    [[{ ref: "C1", formula: "[@Price]", value: 1 }], [], "the formula in C1 ([@Price]) uses [@...] outside a table"],
    [[{ ref: "C1", formula: "Amount*2" }], [], "the formula in C1 has no computed value"],
    [[{ ref: "C1", formula: "=Amount", value: 10 }], [], 'the formula in C1 starts with "="; formulas are written without it'],
    [[{ ref: "C1", value: Number.NaN }], [], "C1 holds NaN, not a finite number"],
    [[], [table("Prices", "A6", [["Pen"]])], "row 1 of table Prices has 1 cells for 2 columns"],
  ] as Array<[CellSpec[], TableSpec[], string]>)("%#: %s", (cells, tables, message) => {
    expect(problems(tiny(cells, tables))).toContain(message);
  });

  test("inputs and outputs must have their named cells", () => {
    const t: Template = {
      ...tiny([]),
      build: () => ({ cells: [{ ref: "B1", value: 10, role: "label", name: "Amount" }], tables: [], validations: [], charts: [] }),
    };
    expect(problems(t)).toContain("input Amount (B1) is not styled as an input");
    expect(problems(tiny([], [], {}, ["Total"]))).toContain("output Total has no named cell");
    expect(problems(tiny([{ ref: "C1", value: 3, name: "Total" }], [], {}, ["Total"]))).toContain("output Total (C1) is not a formula");
  });

  test("charts and validations must cover written cells", () => {
    const extra: Partial<SheetPlan> = { charts: [{ type: "bar", title: "T", dataRef: "A1:B9", anchor: "D1" }], validations: [{ ref: "C5", list: ["a"] }] };
    const found = problems(tiny([{ ref: "A1", value: "x" }], [], extra));
    expect(found).toContain('chart "T" reads A2, which nothing writes');
    expect(found).toContain("validation at C5 covers C5, which nothing writes");
  });

  test("bad inputs are refused before anything is laid out", () => {
    expect(() => writeToMemory(tiny([]), { Amount: -1 })).toThrow("Tiny: invalid inputs:\nAmount: Amount must be a number of 0 or more; you entered -1.");
  });
});

describe("references: what a formula names", () => {
  test.each([
    [
      "GoalAmount*INDEX($B$12:$B$17,MATCH(GoalPeriod,$A$12:$A$17,0))",
      ["name GoalAmount", "function INDEX", "range B12:B17", "function MATCH", "name GoalPeriod", "range A12:A17"],
    ],
    ['IF(B5="income","Never",ROUNDUP((x)*(1-1E-9),0))', ["function IF", "cell B5", "function ROUNDUP", "name x"]],
    ["OFFSET([@Stage],1,1)/[@[Conversion to next]]", ["function OFFSET", "structured @Stage", "structured @Conversion to next"]],
    ["SUM(T[Actual hours])+T[[#This Row],[Price]]", ["function SUM", "structured T:Actual hours", "structured T:@Price"]],
    ["BIZ.SIMULATE(MarketSize,36,TRUE,'My sheet'!A1)", ["function BIZ.SIMULATE", "name MarketSize", "cell A1"]],
  ])("%s", (formula, expected) => {
    const shown = references(formula).map((r) =>
      r.kind === "function"
        ? `function ${r.name}`
        : r.kind === "name"
          ? `name ${r.name}`
          : r.kind === "cell"
            ? `cell ${r.ref}`
            : r.kind === "range"
              ? `range ${r.from}:${r.to}`
              : `structured ${r.table ? `${r.table}:` : ""}${r.thisRow ? "@" : ""}${r.columns.join(",")}`
    );
    expect(shown).toEqual(expected);
  });
});
