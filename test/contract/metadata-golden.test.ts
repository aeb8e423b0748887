import fs from "fs";
import path from "path";
import { distDir } from "../support/excel-runtime";

/**
 * functions.json is generated from the JSDoc; this golden copy makes any change to a signature,
 * a parameter's help or an id a visible diff in review. After an intended change:
 *   UPDATE_GOLDEN=1 npx jest test/contract/metadata-golden.test.ts   (after npm run build)
 */
const golden = path.join(__dirname, "golden/functions.json");

test("functions.json matches the golden copy", () => {
  const built = JSON.parse(fs.readFileSync(path.join(distDir(), "functions.json"), "utf8"));
  if (process.env.UPDATE_GOLDEN === "1") {
    fs.mkdirSync(path.dirname(golden), { recursive: true });
    fs.writeFileSync(golden, JSON.stringify(built, null, 2) + "\n");
  }
  expect(built).toEqual(JSON.parse(fs.readFileSync(golden, "utf8")));
});
