import { CompPlan, NetworkParams, simulatePlan, simulatePlanMembersAsync } from "../../src/core/simulate";

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
