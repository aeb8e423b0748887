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
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return new Map([...xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f[^>]*>([^<]*)<\/f>/g)].map((m) => [m[1], decode(m[2])]));
}

const PINNED: Array<[Template, string, string]> = [
  [incomeGoal, "C12", "GoalAmount*INDEX($B$12:$B$17,MATCH(GoalPeriod,$A$12:$A$17,0))"],
  [incomeGoal, "C14", "GoalYear/B14"],
  [incomeGoal, "B17", "WorkdaysPerWeek*(52-WeeksOff)"],
  [incomeGoal, "E21", "MAX(0,ROUNDUP((GoalMonth/(PricePoints[[#This Row],[Price]]*PricePoints[[#This Row],[Commission rate]]))-MIN(1E-3,1E-9*MAX(1,(GoalMonth/(PricePoints[[#This Row],[Price]]*PricePoints[[#This Row],[Commission rate]])))),0))"],
  [incomeGoal, "B36", 'IF(BusinessIncome>=JobIncome,0,IF(OR(BusinessIncome<=0,MonthlyGrowth<=0),"Never",MAX(0,ROUNDUP((LN(JobIncome/BusinessIncome)/LN(1+MonthlyGrowth))-MIN(1E-3,1E-9*MAX(1,(LN(JobIncome/BusinessIncome)/LN(1+MonthlyGrowth)))),0))))'],
  [salesFunnel, "B14", "IF(ISNUMBER(FunnelStages[[#This Row],[Conversion to next]]),MAX(0,ROUNDUP((OFFSET(FunnelStages[[#This Row],[Stage]],1,1)/FunnelStages[[#This Row],[Conversion to next]])-MIN(1E-3,1E-9*MAX(1,(OFFSET(FunnelStages[[#This Row],[Stage]],1,1)/FunnelStages[[#This Row],[Conversion to next]]))),0)),SalesGoal)"],
  [salesFunnel, "B20", "INDEX(FunnelStages[Needed],1)"],
  [downlineProjection, "C24", "MIN(IF(DownlineLevels[[#This Row],[Level]]=1,1,C23)*LevelGrowth,LevelLimit-IF(DownlineLevels[[#This Row],[Level]]=1,0,D23))"],
  [downlineProjection, "E24", "DownlineLevels[[#This Row],[Members]]*(VolumePerMember*DownlineLevels[[#This Row],[Level rate]])"],
  [downlineProjection, "B45", "IF(TableVolume>0,MIN(1,PlanCommission/TableVolume),0)"],
  [downlineProjection, "B62", 'VLOOKUP("Share with profit",$A$54:$B$61,2,FALSE)'],
  [businessModel, "B18", "INDEX(ModelScores[Model],MATCH(MAX(ModelScores[Weighted score]),ModelScores[Weighted score],0))"],
  [businessModel, "F12", "(ModelScores[[#This Row],[Strengths]]*WeightStrengths+ModelScores[[#This Row],[Interest]]*WeightInterest+ModelScores[[#This Row],[Start-up cost]]*WeightStartupCost+ModelScores[[#This Row],[Time to first income]]*WeightTimeToIncome)/(WeightStrengths+WeightInterest+WeightStartupCost+WeightTimeToIncome)"],
  [workVsDeals, "B18", "SUMIF(WeeklyActivities[Category],A18,WeeklyActivities[Planned hours])"],
  [workVsDeals, "B23", 'IF(DealShare>=DealShareTarget,"On target","Below target")'],
  [dayJobTracker, "B9", "IFERROR(LOOKUP(9.99E+307,IncomeByMonth[Months in a row]),0)"],
  [dayJobTracker, "D14", 'IF(ISNUMBER(IncomeByMonth[[#This Row],[Actual]]),IF(IncomeByMonth[[#This Row],[Actual]]>=IncomeByMonth[[#This Row],[Target]],N(OFFSET(IncomeByMonth[[#This Row],[Month]],-1,3))+1,0),"")'],
];

describe("stored formulas, literally", () => {
  const cache = new Map<Template, Promise<Map<string, string>>>();
  const of = (t: Template) => cache.get(t) ?? (cache.set(t, storedFormulas(t)), cache.get(t)!);

  test.each(PINNED.map(([t, ref, stored]) => [t.title, ref, stored, t] as const))("%s!%s is stored as %s", async (_title, ref, stored, t) => {
    expect((await of(t)).get(ref)).toBe(stored);
  });

  // The month-by-month projection may become native formulas (its layout is generic here), but
  // the reality check stays a BIZ call: stored under _xldudf_ with the arguments in SIMULATE's order.
  test("the reality check calls _xldudf_BIZ_SIMULATE with SIMULATE's arguments in order", async () => {
    const f = (await of(downlineProjection)).get("A54");
    expect(f).toContain("_xldudf_BIZ_SIMULATE(MarketSize,36,RecruitsPerMonth,MonthlyAttrition,VolumePerMember,DownlineLevels[Level rate],MonthlyCost,SimulationSeed)");
    expect(f).not.toMatch(/(^|[^_])BIZ\./);
  });

  test("MINIFS carries _xlfn. in the results block", async () => {
    expect((await of(downlineProjection)).get("B49")).toMatch(/^IF\(COUNTIF\(\$F\$\d+:\$F\$\d+,">=0"\)=0,"Not in 36 months",_xlfn\.MINIFS\(\$A\$\d+:\$A\$\d+,\$F\$\d+:\$F\$\d+,">=0"\)\)$/);
  });
});
