// Lint: TypeScript's recommended rules, no `any`, no non-null assertions, and no delete path
// under the retention hold (records are amended or sealed, never deleted).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

/** No delete path exists under the retention hold: records are amended or sealed. */
const NO_DELETE_PATH = [
  {
    selector: "CallExpression[callee.property.name='delete'][callee.object.name=/^(db|tx|handle)$/]",
    message: "No delete path exists under the retention hold: amend or seal the record instead.",
  },
  {
    selector: "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(DELETE\\s+FROM|TRUNCATE)\\b/i]",
    message: "No delete path exists under the retention hold.",
  },
];

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
      "no-restricted-syntax": ["error", ...NO_DELETE_PATH],
    },
  },
  // Layers that cannot be crossed: app (routes) over components (React) over lib (the domain)
  // over db (schema and client). Nothing imports upwards; pages never touch the database directly.
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "**/db/**"],
              message: "Pages read through lib/ (queries and authorizedView), never the database.",
            },
            {
              group: ["drizzle-orm", "drizzle-orm/**"],
              message: "Pages never build queries: put them in lib/<domain>/queries.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/**", "**/app/**"],
              message: "Components never import routes: server actions live in lib/<domain>/actions.ts.",
            },
            {
              group: ["@/db", "@/db/**", "**/db/**", "drizzle-orm", "drizzle-orm/**"],
              message: "Components get data from lib/, never the database.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/**", "**/app/**", "@/components/**", "**/components/**"],
              message: "lib/ is the domain: it never imports routes or React components.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/**",
                "**/lib/**",
                "@/app/**",
                "**/app/**",
                "@/components/**",
                "**/components/**",
                "@/scripts/**",
                "**/scripts/**",
              ],
              message:
                "db/ is the bottom layer: shared code sets live in db/schema/codes.ts; the demo seed (which calls domain commands) lives in scripts/seed.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only lib/access makes a ChildAccess: holding one means the policy was asked.
    files: ["app/**", "components/**", "lib/**", "scripts/**", "db/**"],
    ignores: ["lib/access/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        ...NO_DELETE_PATH,
        {
          selector: "TSAsExpression > TSTypeReference.typeAnnotation[typeName.name='ChildAccess']",
          message: "Only lib/access creates a ChildAccess: ask childAccess(), decide() or authorizedView().",
        },
      ],
    },
  },
  {
    files: ["tests/**", "**/*.test.ts", "e2e/**"],
    rules: { "no-restricted-syntax": "off" },
  },
);
