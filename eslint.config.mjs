import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

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
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "next-env.d.ts"] },
];

export default config;
