// Mutation testing (issue 12): `npm run mutate`. StrykerJS plants one small bug at a time in the pure
// math (src/core) and in the custom-function runner, and runs the unit suites that test them; a
// mutant no test notices "survives". It is slow, so it stays out of `npm test`. README, "Mutation
// testing", records the score and explains every survivor.
// Iterate on one file: `npx stryker run --mutate src/core/periods.ts --concurrency 1`.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

// The workers inherit it: the slowest tests of the simulation leave themselves out (test/support/under-mutation.ts).
process.env.HBP_UNDER_MUTATION = "1";
const jestConfig = require("./jest.config.js");

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ["src/core/**/*.ts", "src/functions/runner.ts"],
  testRunner: "jest",
  jest: {
    projectType: "custom",
    config: {
      ...jestConfig,
      // Only the fast unit suites that exercise core and the runner: the browser, LibreOffice,
      // built-bundle and CLI suites need a build and minutes each, and test nothing more of this code.
      // MUTATE_TESTS="test/functions/**/*.test.ts,test/core/domains*.test.ts" narrows them while iterating.
      testMatch: process.env.MUTATE_TESTS
        ? process.env.MUTATE_TESTS.split(",").map((glob) => `<rootDir>/${glob.trim()}`)
        : ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/functions/**/*.test.ts"],
      // Property tests capped at 25 runs, without shrinking: see the file for why this only lowers the score.
      moduleNameMapper: { ...jestConfig.moduleNameMapper, "^fast-check$": "<rootDir>/test/support/fast-check-under-mutation.ts" },
      // Transpile only (no type check) under mutation: mutated code is often ill-typed on purpose,
      // and `npm test` runs tsc on the real code anyway.
      transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: { ...tsCompilerOptions(), isolatedModules: true }, diagnostics: false }] },
    },
    enableFindRelatedTests: true,
  },
  coverageAnalysis: "perTest",
  // Two cores shared by the whole team: never more than two workers.
  concurrency: 2,
  // A mutant that loops forever is killed (a timeout) after 1.5 x the tests' own time plus this.
  timeoutMS: 15000,
  // The first run, with per-test coverage, takes minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, reportTests: false, reportScoreTable: true, reportMutants: true },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};

function tsCompilerOptions() {
  const { compilerOptions } = JSON.parse(require("node:fs").readFileSync(new URL("./tsconfig.json", import.meta.url), "utf8"));
  return compilerOptions;
}
