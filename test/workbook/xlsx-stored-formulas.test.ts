import JSZip from "jszip";
import { Template } from "../../src/templates/model";
import { incomeGoal } from "../../src/templates/income-goal";
import { salesFunnel } from "../../src/templates/sales-funnel";
import { downlineProjection } from "../../src/templates/downline-projection";
import { businessModel } from "../../src/templates/business-model";
import { workVsDeals } from "../../src/templates/work-vs-deals";
import { dayJobTracker } from "../../src/templates/day-job-tracker";
import { validateInputs } from "../../src/templates/inputs";
import { writeWorkbook } from "../../src/workbook/xlsx";

/**
 * Stored formulas pinned as literal text, written out by hand from the file format's rules (BIZ.X
 * is stored _xldudf_BIZ_X, MINIFS _xlfn.MINIFS, [@Col] Table[[#This Row],[Col]]; see
 * ./stored-form.ts for the sources), for at least one cell of every kind in every template: what
 * the .xlsx holds, read from the sheet XML, never from the writer's own toFileFormula.
 */

async function storedFormulas(template: Template): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await writeWorkbook([{ template, values: validateInputs(template, {}).values }]));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&gt;/g, ">")
      .replace(/&lt;/g, "<")
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f[^>]*>([^<]*)<\/f>/g)].map((m) => [m[1], decode(m[2])]));
}

const PINNED: Array<[Template, string, string]> = [
  [incomeGoal, "C12", "GoalAmount*INDEX($B$12:$B$17,MATCH(GoalPeriod,$A$12:$A$17,0))"],
  [incomeGoal, "C14", "GoalYear/B14"],
  [incomeGoal, "B17", "WorkdaysPerWeek*(52-WeeksOff)"],
  [
    incomeGoal,
    "E21",
    "MAX(0,ROUNDUP((GoalMonth/(PricePoints[[#This Row],[Price]]*PricePoints[[#This Row],[Commission rate]]))-MIN(1E-3,1E-9*MAX(1,(GoalMonth/(PricePoints[[#This Row],[Price]]*PricePoints[[#This Row],[Commission rate]])))),0))",
  ],
  [
    incomeGoal,
    "B36",
    'IF(BusinessIncome>=JobIncome,0,IF(OR(BusinessIncome<=0,MonthlyGrowth<=0),"Never",MAX(0,ROUNDUP((LN(JobIncome/BusinessIncome)/LN(1+MonthlyGrowth))-MIN(1E-3,1E-9*MAX(1,(LN(JobIncome/BusinessIncome)/LN(1+MonthlyGrowth)))),0))))',
  ],
  [
    salesFunnel,
    "B14",
    "IF(ISNUMBER(FunnelStages[[#This Row],[Conversion to next]]),MAX(0,ROUNDUP((OFFSET(FunnelStages[[#This Row],[Stage]],1,1)/FunnelStages[[#This Row],[Conversion to next]])-MIN(1E-3,1E-9*MAX(1,(OFFSET(FunnelStages[[#This Row],[Stage]],1,1)/FunnelStages[[#This Row],[Conversion to next]]))),0)),SalesGoal)",
  ],
  [salesFunnel, "B20", "INDEX(FunnelStages[Needed],1)"],
  // The Downline Projection's default layout: inputs in rows 5-12 and 15-22, the level table's
  // header in 25 and its five levels in 26-30, the payout rows to 47, the results in 50-52, your
  // plan's summary (ten labels in A) in 56-65 and its three named figures in 66-68, the brackets'
  // twelve rows in 73-84, the four plans' header in 88, their summaries in 89-98 (the median net
  // in 91), the comparison in 99 and 100, the projection's months from 106 to 141.
  [downlineProjection, "C26", "MIN(IF(DownlineLevels[[#This Row],[Level]]=1,1,C25)*LevelGrowth,LevelLimit-IF(DownlineLevels[[#This Row],[Level]]=1,0,D25))"],
  [downlineProjection, "E26", "DownlineLevels[[#This Row],[Members]]*(VolumePerMember*DownlineLevels[[#This Row],[Level rate]])"],
  [downlineProjection, "B47", "IF(TableVolume>0,MIN(1,PlanCommission/TableVolume),0)"],
  [downlineProjection, "B50", "INDEX($G$106:$G$141,12)"],
  // Your plan's summary: the column of the four plans' table whose header is PlanType.
  [downlineProjection, "B56", "INDEX($B$89:$E$98,0,MATCH(PlanType,$B$88:$E$88,0))"],
  [downlineProjection, "B66", 'VLOOKUP("Share with profit",$A$56:$B$65,2,FALSE)'],
  [downlineProjection, "B68", 'VLOOKUP("Share at goal",$A$56:$B$65,2,FALSE)'],
  // A bracket's share: its members over all the brackets' (Members joined).
  [downlineProjection, "C73", "IF(SUM($B$73:$B$84)>0,B73/SUM($B$73:$B$84),0)"],
  [downlineProjection, "C84", "IF(SUM($B$73:$B$84)>0,B84/SUM($B$73:$B$84),0)"],
  // The four plans, each its summary's figures column (SIMULATE's 2nd), arguments in the functions' order.
  [
    downlineProjection,
    "B89",
    "INDEX(_xldudf_BIZ_SIMULATE(MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember,DownlineLevels[Level rate],MonthlyCost,SimulationSeed,RecruitingSpread,NetGoal),0,2)",
  ],
  [
    downlineProjection,
    "C89",
    "INDEX(_xldudf_BIZ_SIMULATEMATRIX(MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember,MatrixWidth,DownlineLevels[Level rate],MonthlyCost,SimulationSeed,RecruitingSpread,NetGoal),0,2)",
  ],
  // A cap of 0 is no cap: "" stands for the omitted argument; flush FALSE is the default, written so that seed and what follows keep their places.
  [
    downlineProjection,
    "D89",
    'INDEX(_xldudf_BIZ_SIMULATEBINARY(MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember,BinaryRate,MonthlyCost,IF(BinaryCap>0,BinaryCap,""),FALSE,SimulationSeed,RecruitingSpread,NetGoal),0,2)',
  ],
  [
    downlineProjection,
    "E89",
    "INDEX(_xldudf_BIZ_SIMULATESTAIRSTEP(MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember,StairSteps[Group volume],StairSteps[Rate],MonthlyCost,SimulationSeed,RecruitingSpread,NetGoal),0,2)",
  ],
  // Each plan's median less your plan's, and the plan whose median is highest.
  [downlineProjection, "B99", "B91-INDEX($B$91:$E$91,MATCH(PlanType,$B$88:$E$88,0))"],
  [downlineProjection, "E99", "E91-INDEX($B$91:$E$91,MATCH(PlanType,$B$88:$E$88,0))"],
  [downlineProjection, "B100", "INDEX($B$88:$E$88,MATCH(MAX($B$91:$E$91),$B$91:$E$91,0))"],
  [businessModel, "B18", "INDEX(ModelScores[Model],MATCH(MAX(ModelScores[Weighted score]),ModelScores[Weighted score],0))"],
  [
    businessModel,
    "F12",
    "(ModelScores[[#This Row],[Strengths]]*WeightStrengths+ModelScores[[#This Row],[Interest]]*WeightInterest+ModelScores[[#This Row],[Start-up cost]]*WeightStartupCost+ModelScores[[#This Row],[Time to first income]]*WeightTimeToIncome)/(WeightStrengths+WeightInterest+WeightStartupCost+WeightTimeToIncome)",
  ],
  [workVsDeals, "B18", "SUMIF(WeeklyActivities[Category],A18,WeeklyActivities[Planned hours])"],
  [workVsDeals, "B23", 'IF(DealShare>=DealShareTarget,"On target","Below target")'],
  [dayJobTracker, "B9", "IFERROR(LOOKUP(9.99E+307,IncomeByMonth[Months in a row]),0)"],
  [
    dayJobTracker,
    "D14",
    'IF(ISNUMBER(IncomeByMonth[[#This Row],[Actual]]),IF(IncomeByMonth[[#This Row],[Actual]]>=IncomeByMonth[[#This Row],[Target]],N(OFFSET(IncomeByMonth[[#This Row],[Month]],-1,3))+1,0),"")',
  ],
];

describe("stored formulas, literally", () => {
  const cache = new Map<Template, Promise<Map<string, string>>>();
  const of = (t: Template) => cache.get(t) ?? (cache.set(t, storedFormulas(t)), cache.get(t)!);

  test.each(PINNED.map(([t, ref, stored]) => [t.title, ref, stored, t] as const))("%s!%s is stored as %s", async (_title, ref, stored, t) => {
    expect((await of(t)).get(ref)).toBe(stored);
  });

  // The income disclosure: one formula whose IF picks the plan type's call (only that branch runs),
  // each call the plan's own arguments, then "brackets"; INDEX takes the members column (the 3rd).
  test("the brackets call the plan type's SIMULATE function, chosen by IF, stored under _xldudf_", async () => {
    const network = "MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember";
    const options = 'SimulationSeed,RecruitingSpread,NetGoal,"brackets"';
    expect((await of(downlineProjection)).get("B73")).toBe(
      `INDEX(IF(PlanType="matrix",_xldudf_BIZ_SIMULATEMATRIX(${network},MatrixWidth,DownlineLevels[Level rate],MonthlyCost,${options}),` +
        `IF(PlanType="binary",_xldudf_BIZ_SIMULATEBINARY(${network},BinaryRate,MonthlyCost,IF(BinaryCap>0,BinaryCap,""),FALSE,${options}),` +
        `IF(PlanType="stair-step",_xldudf_BIZ_SIMULATESTAIRSTEP(${network},StairSteps[Group volume],StairSteps[Rate],MonthlyCost,${options}),` +
        `_xldudf_BIZ_SIMULATE(${network},DownlineLevels[Level rate],MonthlyCost,${options})))),0,3)`
    );
  });

  // Excel 2019 has no dynamic arrays: each table is one array formula over exactly the cells it fills.
  test("the Downline Projection's tables are array formulas over exactly their rows", async () => {
    const zip = await JSZip.loadAsync(await writeWorkbook([{ template: downlineProjection, values: validateInputs(downlineProjection, {}).values }]));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const arrays = [...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f t="array" ref="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(arrays).toEqual([
      ["B56", "B56:B65"],
      ["B73", "B73:B84"],
      ["B89", "B89:B98"],
      ["C89", "C89:C98"],
      ["D89", "D89:D98"],
      ["E89", "E89:E98"],
    ]);
  });

  test("MINIFS carries _xlfn. in the results block", async () => {
    expect((await of(downlineProjection)).get("B51")).toMatch(
      /^IF\(COUNTIF\(\$F\$\d+:\$F\$\d+,">=0"\)=0,"Not in 36 months",_xlfn\.MINIFS\(\$A\$\d+:\$A\$\d+,\$F\$\d+:\$F\$\d+,">=0"\)\)$/
    );
  });
});
