import type { CodegenConfig } from "@graphql-codegen/cli";

/*
 * Typed operations from the committed contract: the plugin's schema and the
 * Dashboard's documents. `npm run build` and `npm test` regenerate src/generated/
 * from them first, so a document that does not validate against the schema fails both.
 */
const config: CodegenConfig = {
  schema: "../graphql/schema.graphql",
  documents: ["../graphql/dashboard/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript", "typescript-operations", "typed-document-node"],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          DateTime: "string",
          Date: "string",
          JSONString: "string",
          UUID: "string",
          Decimal: { input: "string", output: "string" },
          Upload: "File",
          _Any: "unknown",
        },
        useTypeImports: true,
        onlyOperationTypes: true,
        dedupeFragments: true,
      },
    },
  },
  hooks: {},
};

export default config;
