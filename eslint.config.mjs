// ESLint with Office's add-in rules, as Office's project templates use them: eslint-plugin-office-addins'
// "react" config (ESLint's recommended rules, typescript-eslint, React, Prettier, and the office-addins
// rules such as load-object-before-read, call-sync-before-read and no-context-sync-in-loop).
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import globals from "globals";
import tseslint from "typescript-eslint";

const officeBlock = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]);

export default [
  { ignores: ["node_modules/", "dist/", "lib/", "lib-bench/", "coverage/", "reports/", ".stryker-tmp/", "test-output/"] },
  ...officeAddins.configs.react,
  // Office's config names .js and .ts files only; the task pane is .tsx, so the same parser and rules cover it.
  { ...officeBlock, files: ["**/*.tsx"] },
  // React 17+ compiles JSX without React in scope (tsconfig "jsx": "react-jsx").
  react.configs.flat["jsx-runtime"],
  {
    // The plugin names typescript-eslint's parser through a default import that this version of the
    // parser does not export, so ESLint would fall back to espree, which cannot read TypeScript.
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      globals: {
        ...globals.browser,
        ...globals.node,
        ...globals.jest,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    settings: { react: { version: "19" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // TypeScript itself reports undefined names (and knows type-only namespaces such as NodeJS).
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
  {
    // A custom function declares its parameters for the metadata (names and help come from them); the
    // body hands `arguments` to the runner, which reads them by position.
    files: ["src/functions/**/*.ts"],
    rules: { "@typescript-eslint/no-unused-vars": ["error", { args: "none" }] },
  },
  {
    // These tests read exceljs cells, not Office.js proxies: the load/sync rules' name heuristics misfire.
    files: ["test/workbook/xlsx*.test.ts", "test/roundtrip/**/*.ts", "test/workbook/read-xlsx.ts", "test/cli/**/*.ts"],
    rules: { "office-addins/load-object-before-read": "off", "office-addins/call-sync-before-read": "off" },
  },
];
