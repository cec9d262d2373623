// ESLint after saleor/apps' shared config (@saleor/eslint-config-apps): ESLint's and
// typescript-eslint's recommended rules, sorted imports, React and its hooks, Vitest in
// tests, and Prettier (prettier.config.js) for everything about layout. Left out are the
// rules for what this extension does not use (Next.js, Turborepo, GraphQL file names,
// saleor/apps' logger) and the kebab-case file names (components here are PascalCase).
import eslint from "@eslint/js";
import vitestPlugin from "@vitest/eslint-plugin";
import eslintConfigPrettier from "eslint-config-prettier/flat";
import importPlugin from "eslint-plugin-import";
import reactPlugin from "eslint-plugin-react";
import reactHooksPlugin from "eslint-plugin-react-hooks";
import simpleImportSortPlugin from "eslint-plugin-simple-import-sort";
import globals from "globals";
import tseslint from "typescript-eslint";

/** @type {import("eslint").Linter.Config[]} */
export default [
  {
    name: "helpdesk/ignores",
    ignores: ["node_modules/**", "src/generated/**"],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: "helpdesk/code-ts",
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { sourceType: "module" },
    },
    plugins: {
      "@typescript-eslint": tseslint.plugin,
      import: importPlugin,
      "simple-import-sort": simpleImportSortPlugin,
      "react-hooks": reactHooksPlugin,
    },
    rules: {
      ...tseslint.configs.eslintRecommended.rules,
      // Hooks live in .ts files too (src/api, src/ui, the router).
      ...reactHooksPlugin.configs.recommended.rules,
      "max-params": "off",
      "@typescript-eslint/max-params": ["error", { max: 3 }],
      "import/first": "error",
      "import/newline-after-import": "error",
      "import/no-duplicates": "error",
      "import/no-default-export": "error",
      "simple-import-sort/imports": "error",
      "simple-import-sort/exports": "error",
      "padding-line-between-statements": [
        "error",
        { blankLine: "always", prev: ["const", "let", "var"], next: "*" },
        { blankLine: "any", prev: ["const", "let", "var"], next: ["const", "let", "var"] },
        { blankLine: "always", prev: "*", next: "return" },
        { blankLine: "always", prev: "directive", next: "*" },
        { blankLine: "any", prev: "directive", next: "directive" },
      ],
      "multiline-comment-style": ["error", "starred-block"],
      "no-console": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "all",
          argsIgnorePattern: "^_",
          caughtErrors: "all",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "warn",
        { prefer: "type-imports", fixStyle: "inline-type-imports", disallowTypeAnnotations: true },
      ],
    },
  },
  {
    name: "helpdesk/code-tsx",
    files: ["**/*.tsx"],
    ...reactPlugin.configs.flat.recommended,
    languageOptions: {
      ...reactPlugin.configs.flat.recommended.languageOptions,
      globals: { ...globals.browser },
    },
    settings: { react: { version: "18.3" } },
    plugins: {
      react: reactPlugin,
    },
    rules: {
      ...reactPlugin.configs.recommended.rules,
      "react/react-in-jsx-scope": "off",
      "react/jsx-key": "off",
    },
  },
  {
    name: "helpdesk/node",
    files: ["e2e/**/*.ts", "*.config.{js,ts}", "codegen.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The end-to-end runs report their step timings on the terminal.
    name: "helpdesk/e2e-report",
    files: ["e2e/**/*.ts"],
    rules: { "no-console": "off" },
  },
  {
    name: "helpdesk/tests",
    files: ["**/*.test.{ts,tsx}", "e2e/**/*.{e2e,real}.ts"],
    plugins: { vitest: vitestPlugin },
    rules: {
      ...vitestPlugin.configs.recommended.rules,
      // Vitest's expect takes a message as its second argument.
      "vitest/valid-expect": ["error", { maxArgs: 2 }],
      "vitest/prefer-strict-equal": "error",
      "vitest/prefer-vi-mocked": "error",
    },
  },
  {
    name: "helpdesk/config-files",
    files: ["*.config.{js,ts}", "codegen.ts"],
    rules: { "import/no-default-export": "off" },
  },
  // Last: it turns off what would fight Prettier.
  eslintConfigPrettier,
];
