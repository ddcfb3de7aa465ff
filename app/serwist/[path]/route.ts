import { createSerwistRoute } from "@serwist/turbopack";
import { randomUUID } from "node:crypto";
import { FIELD_SHELL_LOCALES, fieldShellPath } from "@/lib/field/offline-shell";

/**
 * The field-capture service worker (lib/field/service-worker.ts), bundled by esbuild when the app is
 * built and served at /serwist/sw.js. Precached: the build's hashed scripts, styles and fonts (not
 * public/: the offline map's tiles are large and public) and the field shell of each language.
 * The shells' revision is new with each build, so a new build's worker fetches shells naming its
 * own scripts. The bundler is the native esbuild (a devDependency, pinned): the default,
 * esbuild-wasm, is not installed.
 */
const buildRevision = randomUUID();

/** The build being made (next.config.js's distDir, set by scripts/support/production-build.ts). */
const buildFolder = process.env.TARHUNA_DIST_DIR || ".next";

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "lib/field/service-worker.ts",
  useNativeEsbuild: true,
  globPatterns: [`${buildFolder}/static/**/*.{js,css,woff,woff2}`],
  // A chunk left out (the default limit is 2 MB) would be missing offline and break the page.
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  additionalPrecacheEntries: FIELD_SHELL_LOCALES.map((locale) => ({ url: fieldShellPath(locale), revision: buildRevision })),
});
