import * as fs from "fs";
import * as path from "path";
import { MemorySheet, writeToMemory } from "../../src/workbook/memory";
import { Template } from "../../src/templates/model";

/** The BIZ function ids, read from the @customfunction tags of src/functions/*.ts (what Excel registers). */
export function customFunctionIds(): string[] {
  const dir = path.join(__dirname, "../../src/functions");
  const ids: string[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    for (const m of fs.readFileSync(path.join(dir, file), "utf8").matchAll(/@customfunction\s+([A-Za-z0-9_.]+)/g)) ids.push(m[1]);
  }
  return ids;
}

/** A template through the in-memory writer, with every BIZ name checked against the real functions. */
export function write(template: Template, raw: Record<string, unknown> = {}): MemorySheet {
  return writeToMemory(template, raw, { customFunctions: customFunctionIds() });
}
