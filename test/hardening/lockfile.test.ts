import fs from "fs";
import path from "path";

/**
 * package-lock.json must install with a plain `npm ci` on a fresh machine (issue 8). A lockfile once
 * held 17 placeholder entries (optional native binaries with no version and no integrity, written
 * by an older npm); npm 11.19's `npm ci` stops on the first with "Invalid Version:". Every entry
 * npm installs from the registry must say which version and which bytes: `version` and `integrity`.
 * The root entry ("") is the project itself and a `link` entry points at a folder, so neither has them.
 */

interface LockEntry {
  version?: string;
  integrity?: string;
  resolved?: string;
  link?: boolean;
}

const root = path.resolve(__dirname, "../..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The entries npm would fetch but could not: no version, or no integrity to check the bytes by. */
function incomplete(packages: Record<string, LockEntry>): string[] {
  return Object.entries(packages)
    .filter(([key, e]) => key !== "" && !e.link)
    .filter(([, e]) => !e.version || !e.integrity)
    .map(([key]) => key);
}

describe("package-lock.json installs with the machine's own npm", () => {
  test("lockfile version 3, with a packages map", () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(Object.keys(lock.packages).length).toBeGreaterThan(100);
  });

  test("every package entry but the root and links has a version and an integrity", () => {
    expect(incomplete(lock.packages)).toEqual([]);
  });

  test("the check finds the placeholder entries that broke npm ci (a negative case)", () => {
    // The shape `npm run lock` wrote for an optional binary the registry did not serve.
    const placeholders: Record<string, LockEntry> = {
      "": {},
      "node_modules/unrs-resolver": { version: "1.11.1", integrity: "sha512-x" },
      "node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-android-arm-eabi": { resolved: "" },
      "node_modules/no-integrity": { version: "1.0.0" },
      "packages/local": { link: true },
    };
    expect(incomplete(placeholders)).toEqual(["node_modules/unrs-resolver/node_modules/@unrs/resolver-binding-android-arm-eabi", "node_modules/no-integrity"]);
  });

  test("the root entry lists exactly package.json's dependencies", () => {
    const rootEntry = lock.packages[""] as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(rootEntry.dependencies).toEqual(pkg.dependencies);
    expect(rootEntry.devDependencies).toEqual(pkg.devDependencies);
  });

  test("every direct dependency is in the lockfile", () => {
    const missing = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((name) => !lock.packages[`node_modules/${name}`]);
    expect(missing).toEqual([]);
  });

  test("no script needs another npm release to install (no `npx npm@...`)", () => {
    expect(Object.entries(pkg.scripts).filter(([, cmd]) => /\bnpm@/.test(cmd))).toEqual([]);
  });
});
