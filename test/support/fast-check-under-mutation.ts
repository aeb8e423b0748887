/**
 * fast-check as the tests see it under `npm run mutate` only (stryker.config.mjs maps "fast-check"
 * here; `npm test` never loads this file). Each mutant reruns every test that covers it to the end
 * (jest cannot bail when run programmatically), so the property tests' hundreds of runs would make
 * one mutation run take hours on this machine (2 cores shared by a team). Under mutation a property
 * gets at most 25 runs and stops at its first counterexample without shrinking it (shrinking only
 * makes the report shorter). Both only weaken the suite, so the score measured this way is a lower
 * bound of what `npm test` kills; the worked cases, not the properties, are meant to kill mutants.
 */
import { dirname, join } from "path";
import type * as FastCheck from "fast-check";

const MUTATION_RUNS = 25;
// The real package by its path, found from its package.json (which the "^fast-check$" mapping does
// not catch), so that it loads through jest's require into the test's own realm.
const manifest = require.resolve("fast-check/package.json");

const real: typeof FastCheck = require(join(dirname(manifest), require(manifest).exports["."].require.default));

function assert(property: unknown, params?: FastCheck.Parameters<unknown>): unknown {
  const runs = Math.min(params?.numRuns ?? MUTATION_RUNS, MUTATION_RUNS);
  return (real.assert as (p: unknown, q: unknown) => unknown)(property, { ...params, numRuns: runs, endOnFailure: true });
}

const underMutation = { ...real, assert };
export = { ...underMutation, default: underMutation, __esModule: true };
