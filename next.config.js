import createNextIntlPlugin from "next-intl/plugin";
import { API_CONTENT_SECURITY_POLICY } from "./lib/security/api-content-security-policy.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const production = process.env.NODE_ENV === "production";

/**
 * Headers on every response, static files included; the page CSP with its nonce is set in proxy.ts.
 * Geolocation is allowed to the registry's own pages only: the grave-site form's "use my position".
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // `npm run build` builds each release into a folder of its own and `npm start` serves the one it
  // was pointed at (scripts/support/build-folders.mjs), so a rebuild never touches a running build.
  distDir: process.env.TARHUNA_DIST_DIR || ".next",
  // `next build` type-checks the whole project again (about 15 s on two cores). .ci/run sets
  // TYPES_ALREADY_CHECKED=1 only after its own `npm run typecheck` passed; every other build checks.
  // The build's own copy of tsconfig.json (scripts/build.ts): Next adds its distDir's type folders to
  // the tsconfig it reads, and a distDir new with each build would otherwise rewrite tsconfig.json.
  typescript: {
    ignoreBuildErrors: process.env.TYPES_ALREADY_CHECKED === "1",
    tsconfigPath: process.env.TARHUNA_BUILD_TSCONFIG || "tsconfig.json",
  },
  poweredByHeader: false,
  // Loaded by Node at run time rather than bundled: PGlite reads its WebAssembly and data files
  // from its own package folder, and argon2 is a native addon.
  // PDFKit and ExcelJS read their font metrics and templates from their package folders too.
  // esbuild runs its own native binary: it bundles the import's reading process and the sampling simulation (lib/processes/child-bundle.ts).
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pdfkit", "exceljs", "esbuild"],
  experimental: {
    // The proxy buffers request bodies; spreadsheet imports (lib/import/limits.ts) may be this large.
    // Next's limits hold for every route alike: scripts/serve.mjs (support/body-limits.mjs) refuses a
    // larger body per route before Next reads it — 64 MB for the import, 1 MB for everything else
    // but the two DNA file imports.
    proxyClientMaxBodySize: 64 * 1024 * 1024,
    // The STR profile and allele frequency imports send a laboratory file of up to 5,000,000
    // characters as a server action argument; serve.mjs keeps every other action at 1 MB.
    serverActions: { bodySizeLimit: "6mb" },
    // Next loads every page's code right after it starts, competing with the database's start-up
    // for two cores: the first health check came about a second later (bench/RESULTS.md, cold
    // start). Each page's code now loads on its first visit instead.
    preloadEntriesOnStart: false,
    // The stylesheet goes into each page's HTML instead of a request of its own that held the first
    // paint: on the public page a visitor's phone waited for it, and the async scripts that arrived
    // meanwhile ran before the first paint, which Lighthouse's mobile model then counted against
    // the page (/ar: 89–94 with the request, 97–99 without it; bench/RESULTS.md, 2026-12-07 20:21).
    // Styles are inline-capable under the CSP already (style-src 'unsafe-inline').
    inlineCss: true,
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API routes get their policy here, not in proxy.ts, which does not run for them: a proxy run
      // cost a typed search (issue 30) about a tenth of its server time to set this one header.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // Field capture takes the site's position from the device's GPS (issue 25); the last match wins.
      { source: "/:locale(ar|en)/staff/field", headers: [{ key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
