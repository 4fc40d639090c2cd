// Lint: TypeScript's recommended rules, no `any`, no non-null assertions, and no delete path
// under the retention hold (records are amended or sealed, never deleted).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { files: ["next.config.js"], languageOptions: { sourceType: "commonjs", globals: { module: "writable" } } },
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-e2e/",
      ".next-dev/",
      ".next-bench/",
      "bench/results/",
      ".data/",
      "test-results/",
      "playwright-report/",
      "db/migrations/",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        Buffer: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='delete'][callee.object.name=/^(db|tx|handle)$/]",
          message: "No delete path exists under the retention hold: amend or seal the record instead.",
        },
        {
          selector:
            "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(DELETE\\s+FROM|TRUNCATE)\\b/i]",
          message: "No delete path exists under the retention hold.",
        },
      ],
    },
  },
  {
    files: ["tests/**", "**/*.test.ts", "e2e/**"],
    rules: { "no-restricted-syntax": "off" },
  },
);
