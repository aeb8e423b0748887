/**
 * Tests too slow to rerun for every mutant: a million members, or hundreds of seeds against the
 * reference engine. `npm run mutate` (stryker.config.mjs) sets HBP_UNDER_MUTATION=1, and there
 * they are left out: each mutant of the simulation reruns every test that covers it, and these
 * alone would take the run from about an hour to most of a day on two shared cores. Leaving tests
 * out can only let more mutants survive, so the score is a lower bound of what `npm test` kills.
 * Everywhere else (`npm test`, CI) they run: CI fails on any skipped test.
 */
const underMutation = process.env.HBP_UNDER_MUTATION === "1";

export const slowTest: jest.It = underMutation ? test.skip : test;
export const slowDescribe: jest.Describe = underMutation ? describe.skip : describe;
