import { CompPlan, NetworkParams, checkParams, simulatePlan, simulatePlanMembersAsync } from "../../src/core/simulate";

/**
 * Cases that kill mutants of src/core/simulate.ts which the other suites let live (README, "Mutation
 * testing"): each out-of-range input is named in its #NUM! message (Excel shows it with #VALUE! only,
 * but the runner and the task pane pass it on), an omitted cap or goal is none, and the async run
 * pauses when its time slice is used up.
 */

const NET: NetworkParams = { members: 30, months: 3, recruitsPerMemberPerMonth: 1, monthlyAttrition: 0.1, volumePerMember: 100, monthlyCost: 50 };
const UNILEVEL: CompPlan = { kind: "unilevel", levelRates: [0.1] };

describe("an input out of range is named in the message", () => {
  test.each<[string, Partial<NetworkParams>, CompPlan]>([
    ["members", { members: 0 }, UNILEVEL],
    ["months", { months: 0 }, UNILEVEL],
    ["recruits_per_member_per_month", { recruitsPerMemberPerMonth: -1 }, UNILEVEL],
    ["monthly_attrition", { monthlyAttrition: 2 }, UNILEVEL],
    ["volume_per_member", { volumePerMember: -1 }, UNILEVEL],
    ["monthly_cost", { monthlyCost: -1 }, UNILEVEL],
    ["seed", { seed: -1 }, UNILEVEL],
    ["recruiting_spread", { recruitingSpread: -1 }, UNILEVEL],
    ["goal", { goal: NaN }, UNILEVEL],
    ["each level rate", {}, { kind: "unilevel", levelRates: [2] }],
    ["the number of level rates", {}, { kind: "unilevel", levelRates: [] }],
    ["width", {}, { kind: "matrix", width: 0, levelRates: [0.1] }],
    ["binary_rate", {}, { kind: "binary", rate: 2 }],
    ["cap", {}, { kind: "binary", rate: 0.1, cap: -1 }],
    ["each threshold", {}, { kind: "stairstep", thresholds: [-1], rates: [0.1] }],
    ["each rate", {}, { kind: "stairstep", thresholds: [0], rates: [2] }],
  ])("%s", (name, change, plan) => {
    expect(() => simulatePlan({ ...NET, ...change }, plan)).toThrow(new RegExp(`^${name} must be`));
  });

  test("thresholds with no numbers are the wrong kind (#VALUE!), and say so", () => {
    expect(() => simulatePlan(NET, { kind: "stairstep", thresholds: [], rates: [] })).toThrow(
      expect.objectContaining({ kind: "kind", message: "thresholds has no numbers" })
    );
  });
});

describe("an omitted cap or goal is none", () => {
  test("a binary with cap null pays as with no cap: 30 members filled in month 1 pay the founder its weaker leg", () => {
    // With no cap, the founder's month is 10% of its weaker leg; a cap of 0 would pay nothing. Null must not read as 0.
    const uncapped = simulatePlan({ ...NET, recruitsPerMemberPerMonth: 1e9, monthlyAttrition: 0 }, { kind: "binary", rate: 0.1, cap: null });
    expect(uncapped.commissionsPaid).toBeGreaterThan(0);
  });

  test("a goal of null adds no Share at goal", () => {
    expect(simulatePlan({ ...NET, goal: null }, UNILEVEL).shareAtGoal).toBeUndefined();
  });
});

describe("the async run pauses when its slice of time is used up", () => {
  test("with yieldEveryMs 0 it lets a timer run before it ends; with the default it still answers", async () => {
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    await simulatePlanMembersAsync({ ...NET, members: 2000, months: 12 }, UNILEVEL, { yieldEveryMs: 0 });
    expect(timerRan).toBe(true);
  });

  test("isCanceled is asked, and a run canceled from the start rejects", async () => {
    let asked = 0;
    await expect(
      simulatePlanMembersAsync(NET, UNILEVEL, {
        isCanceled: () => {
          asked++;
          return true;
        },
      })
    ).rejects.toThrow("the simulation was canceled");
    expect(asked).toBe(1);
  });
});

describe("SIMULATE's own parameters are checked with their defaults applied", () => {
  test("checkParams gives back every input, the seed 1, no spread, no goal, and the level rates", () => {
    const p = { ...NET, levelRates: [0.1, 0.05] };
    expect(checkParams(p)).toEqual({ ...NET, seed: 1, recruitingSpread: 0, goal: undefined, levelRates: [0.1, 0.05] });
    expect(() => checkParams({ ...p, levelRates: [2] })).toThrow(/^each level rate must be/);
  });
});

// The founder alone for one month: the history yields once, at the end of the month, and with a
// level rate of 0 the pay has nothing to walk. So the run is one step, then one pause, then the last step.
const ALONE: NetworkParams = { ...NET, members: 1, months: 1 };
const NOTHING: CompPlan = { kind: "unilevel", levelRates: [0] };

/** Whether a zero timeout set before the run fires before the run answers: whether the run paused. */
async function pausedDuring(run: () => Promise<unknown>): Promise<boolean> {
  let timerRan = false;
  setTimeout(() => (timerRan = true), 0);
  await run();
  return timerRan;
}

describe("the async run pauses exactly when its slice of time is used up", () => {
  afterEach(() => jest.restoreAllMocks());

  test("a slice of 0 ms is used up at once, even on a clock that does not move", async () => {
    // 0 ms passed, 0 ms allowed: used up (at least the slice, not more than it).
    jest.spyOn(Date, "now").mockReturnValue(1_000_000);
    expect(await pausedDuring(() => simulatePlanMembersAsync(ALONE, NOTHING, { yieldEveryMs: 0 }))).toBe(true);
  });

  test("the default slice is 50 ms: on a clock that moves 100 ms a reading, the run pauses", async () => {
    let now = 0;
    jest.spyOn(Date, "now").mockImplementation(() => (now += 100));
    expect(await pausedDuring(() => simulatePlanMembersAsync(ALONE, NOTHING))).toBe(true);
  });

  test("a run far shorter than its slice never pauses", async () => {
    // A slice of a million seconds, on the real clock: the time passed is now minus the start, a few ms.
    expect(await pausedDuring(() => simulatePlanMembersAsync(ALONE, NOTHING, { yieldEveryMs: 1e9 }))).toBe(false);
  });

  test("where there are no timers, the pause is a microtask and the run still answers", async () => {
    const timer = globalThis.setTimeout;
    try {
      (globalThis as { setTimeout?: unknown }).setTimeout = undefined;
      const run = await simulatePlanMembersAsync(ALONE, NOTHING, { yieldEveryMs: 0 });
      expect(run.joined).toBe(1);
    } finally {
      globalThis.setTimeout = timer;
    }
  });

  test("a cancel that comes during the pause before the last step rejects: no answer after a cancel", async () => {
    // The cancel arrives in a timer set before the run's own pause timer, so it is there when the pause ends.
    let canceled = false;
    setTimeout(() => (canceled = true), 0);
    await expect(simulatePlanMembersAsync(ALONE, NOTHING, { yieldEveryMs: 0, isCanceled: () => canceled })).rejects.toThrow("the simulation was canceled");
  });
});
