import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import boundary from "./eslint/no-server-only-module.mjs";

/** The files TypeScript checks (tsconfig.json); the typed rules need their types. */
const TYPED_FILES = ["**/*.ts", "**/*.tsx"];

/**
 * Client code: components/ (DESIGN.md: no data access there) and the App Router's client-only
 * files. A "use client" file anywhere else is caught by boundary/no-server-only-module.
 */
const CLIENT_FILES = ["components/**", "app/**/error.tsx", "app/**/global-error.tsx"];

/** What a path can name as server-only: the database layer and the packages that read secrets or the session. */
const SERVER_IMPORT_PATTERNS = [
  { group: ["@/db", "@/db/**", "**/db/**", "../db", "../../db"], message: "db/ is server-only: import shared values from lib/enum-values.ts or another db-free module (docs/BOUNDARY.md)." },
  { group: ["@/lib/server/**"], message: "lib/server/ is server-only (docs/BOUNDARY.md)." },
  { group: ["server-only"], message: "A client file cannot be server-only; move the server part into its own module." },
  {
    group: ["drizzle-orm", "drizzle-orm/**", "postgres", "@electric-sql/pglite", "@electric-sql/pglite/**", "@node-rs/argon2"],
    message: "Database and password hashing packages stay on the server (docs/BOUNDARY.md).",
  },
  { regex: "^(next-auth(/(jwt|next|providers(/.*)?))?|next/headers)$", message: "The session is read on the server; a client uses next-auth/react (docs/BOUNDARY.md)." },
];

/** The names the code gives a drizzle database or transaction handle (see db/client.ts). */
const DRIZZLE_HANDLES = ["db", "tx", "executor"];

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    // Transactions open through lib/audit/run-transaction.ts, which tells the public figures when a
    // change has settled (drizzle has no hook for it; the database client is not patched).
    files: ["app/**/*.{ts,tsx}", "lib/**/*.ts", "db/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: "Open transactions with runTransaction (lib/audit/run-transaction.ts), so that settled changes reach the public figures.",
        },
      ],
    },
  },
  {
    files: TYPED_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits fails silently: an unawaited audit entry or transaction step would
      // be lost without a trace. A deliberate fire-and-forget says so with `void` and a comment.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: TYPED_FILES,
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: DRIZZLE_HANDLES }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: DRIZZLE_HANDLES }],
    },
  },
  {
    files: CLIENT_FILES,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: SERVER_IMPORT_PATTERNS.map((pattern) => ({ ...pattern, allowTypeImports: true })) }],
    },
  },
  {
    files: TYPED_FILES,
    plugins: { boundary },
    rules: { "boundary/no-server-only-module": "error" },
  },
  { ignores: [".next/**", ".next-builds/**", ".next-cache/**", "node_modules/**", "data/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
