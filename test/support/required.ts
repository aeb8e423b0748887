/**
 * A suite that needs a tool beside the project (Chromium, LibreOffice, xmllint, ../shared, a built
 * dist/) skips on a developer's machine without it, and says so. In CI it must not: .ci/run
 * installs every tool and sets CI=true, and there a missing tool means the suite did not run,
 * which is a failure (issue 8), not a pass with a warning. `required` returns whether the tool is
 * there, and in CI throws instead of returning false, so the suite fails to load with the reason.
 */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? "").trim().toLowerCase();
  return v !== "" && v !== "0" && v !== "false";
}

export function required(available: boolean, what: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (available) return true;
  if (inCi(env)) throw new Error(`CI=${env.CI}: ${what}, so this suite cannot run; in CI that is a failure, not a skip (.ci/run installs it)`);
  console.warn(`SKIPPED: ${what}`);
  return false;
}
