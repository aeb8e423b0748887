import { findTemplate } from "../../src/templates";
import { Template } from "../../src/templates/model";
import { SAVE_DELAY_MS, documentStore, localStore, remembered } from "../../src/taskpane/form-memory";

const incomeGoal = findTemplate("income-goal") as Template;

/** Web Storage as the spec has it: strings only, null for a missing key. */
function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => (data.has(k) ? (data.get(k) as string) : null),
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

/**
 * Office.Settings as office.js documents it: set/get/remove change an in-memory copy, and only
 * saveAsync writes it to the document; `saved` is what the document holds.
 */
function fakeSettings() {
  const live = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  let saves = 0;
  const settings = {
    get: (k: string) => (live.has(k) ? live.get(k) : null),
    set: (k: string, v: unknown) => void live.set(k, v),
    remove: (k: string) => void live.delete(k),
    saveAsync: (cb?: (r: unknown) => void) => {
      saves++;
      saved.clear();
      for (const [k, v] of live) saved.set(k, v);
      cb?.({ status: "succeeded" });
    },
  };
  return { settings: settings as unknown as Office.Settings, saved, saves: () => saves };
}

describe("the forms' values are remembered", () => {
  test("outside Office: in local storage, as typed, one entry per template, until cleared", () => {
    const storage = memoryStorage();
    const store = localStore(storage)!;
    expect(store.load("income-goal")).toBeNull();
    store.save("income-goal", { GoalAmount: "60000", MonthlyGrowth: "10%" });
    expect(storage.getItem("bizplan.form.income-goal")).toBe('{"GoalAmount":"60000","MonthlyGrowth":"10%"}');
    expect(store.load("income-goal")).toEqual({ GoalAmount: "60000", MonthlyGrowth: "10%" });
    expect(store.load("sales-funnel")).toBeNull();
    store.clear("income-goal");
    expect(store.load("income-goal")).toBeNull();
  });

  test("a storage that refuses (private browsing, a full quota) only means nothing is remembered", () => {
    const refusing = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      getItem: () => {
        throw new Error("SecurityError");
      },
    } as Storage;
    const store = localStore(refusing)!;
    expect(() => store.save("income-goal", { GoalAmount: "1" })).not.toThrow();
    expect(store.load("income-goal")).toBeNull();
    expect(localStore(undefined)).toBeNull();
  });

  test("in Excel: in the document's settings, written to the document with saveAsync once typing pauses", () => {
    jest.useFakeTimers();
    try {
      const fake = fakeSettings();
      const store = documentStore(fake.settings);
      store.save("income-goal", { GoalAmount: "6" });
      store.save("income-goal", { GoalAmount: "60" });
      store.save("income-goal", { GoalAmount: "60000" });
      expect(fake.saves()).toBe(0); // not on every keystroke
      jest.advanceTimersByTime(SAVE_DELAY_MS);
      expect(fake.saves()).toBe(1);
      expect(fake.saved.get("bizplan.form.income-goal")).toBe('{"GoalAmount":"60000"}');
      expect(store.load("income-goal")).toEqual({ GoalAmount: "60000" });
      store.clear("income-goal");
      jest.advanceTimersByTime(SAVE_DELAY_MS);
      expect(fake.saved.has("bizplan.form.income-goal")).toBe(false);
      expect(fake.saves()).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  test("a stored entry is read field by field: unknown names, non-strings and junk are dropped", () => {
    expect(remembered(incomeGoal, { GoalAmount: "60000", Nope: "1", WeeksOff: 2, JobIncome: null })).toEqual({ GoalAmount: "60000" });
    for (const junk of [null, undefined, "text", 42, ["GoalAmount"]]) expect(remembered(incomeGoal, junk)).toEqual({});
    // The day count's list shows words: a stored number or odd letter case comes back as the words.
    expect(remembered(incomeGoal, { Basis: "1" })).toEqual({ Basis: "365-day year" });
    expect(remembered(incomeGoal, { Basis: "365-DAY YEAR" })).toEqual({ Basis: "365-day year" });
    expect(remembered(incomeGoal, { Basis: "2", GoalAmount: "5" })).toEqual({ GoalAmount: "5" }); // none of the words: the default shows
    const storage = memoryStorage();
    storage.setItem("bizplan.form.income-goal", "{not json");
    expect(localStore(storage)!.load("income-goal")).toBeNull();
  });
});
