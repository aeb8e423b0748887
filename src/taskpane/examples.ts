/**
 * A worked example per function, for the function reference's "Insert formula": a formula that
 * computes at once in any empty cell, so the user sees the function work and edits the arguments.
 * The signatures and descriptions come from the built functions.json (never repeated here); a
 * function without an example here is still listed, without the insert button.
 * test/taskpane/examples.test.ts runs every example through the built functions.
 */
export const EXAMPLES: Readonly<Record<string, string>> = {
  GOAL: '=BIZ.GOAL(3000,"month","day")',
  BREAKDOWN: '=BIZ.BREAKDOWN(36000,"year")',
  SALESNEEDED: "=BIZ.SALESNEEDED(3000,50,0.25)",
  FUNNEL: "=BIZ.FUNNEL(10,{0.1,0.5,0.2})",
  LEADSNEEDED: "=BIZ.LEADSNEEDED(10,0.2)",
  BREAKEVEN: "=BIZ.BREAKEVEN(1200,50,20)",
  MONTHSTOGOAL: "=BIZ.MONTHSTOGOAL(500,3000,0.1)",
  GROSSUP: "=BIZ.GROSSUP(3000,0.25,200)",
  LISTGROWTH: "=BIZ.LISTGROWTH(100,12,0.02)",
  DOWNLINE: "=BIZ.DOWNLINE(3,5,0.5)",
  MATRIX: "=BIZ.MATRIX(3,4,50)",
  LEVELPAY: "=BIZ.LEVELPAY({3;9;27},100,{0.1;0.05;0.03})",
  GROWTH: "=BIZ.GROWTH(0.2,12,0.1,10000)",
  PROJECTION: "=BIZ.PROJECTION(0.2,12,100,0.1,50,0.1)",
  BINARY: "=BIZ.BINARY({500,300,800},{400,600,200},0.1)",
  STAIRSTEP: "=BIZ.STAIRSTEP(200,{1500,3000},{0,1000,5000},{0.05,0.1,0.15})",
  DIFFERENTIAL: "=BIZ.DIFFERENTIAL(100,{0.05,0.1,0.2})",
  SIMULATE: "=BIZ.SIMULATE(1000,12,0.2,0.05,100,{0.1,0.05,0.03},50)",
  SIMULATEMATRIX: "=BIZ.SIMULATEMATRIX(1000,12,0.2,0.05,100,3,{0.1,0.05,0.03},50)",
  SIMULATEBINARY: "=BIZ.SIMULATEBINARY(1000,12,0.2,0.05,100,0.1,50,500)",
  SIMULATESTAIRSTEP: '=BIZ.SIMULATESTAIRSTEP(1000,12,0.2,0.05,100,{0,300,1000},{0.02,0.05,0.1},50,1,0,100,"brackets")',
};
