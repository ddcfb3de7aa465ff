// How large a request body the production server (scripts/serve.mjs) lets through to Next.js, by
// path. Next's own limits are per kind (server actions, the proxy's buffer), not per route, and a
// route handler that reads the body has none: the limit is decided here, before anything is read.
const MEGABYTE = 1024 * 1024;

/** Every route not listed below: forms, sign-ins, server actions. */
export const DEFAULT_BODY_LIMIT = MEGABYTE;

const LARGER_BODIES = [
  // The spreadsheet import: lib/import/limits.ts allows a 64 MB file, plus the form's envelope.
  [/^\/api\/staff\/import$/, 64 * MEGABYTE + 64 * 1024],
  // A photograph of an effect: lib/belongings/photo-limits.ts allows 25 MB, plus the form's envelope.
  [/^\/api\/staff\/effect-photos$/, 25 * MEGABYTE + 64 * 1024],
  // The STR profile and allele frequency imports send the laboratory's file, up to 5,000,000
  // characters (lib/dna-profiles/schemas.ts), as a server action argument on these two pages; the
  // JSON escapes of its line ends add some 5 %. next.config.js raises Next's action limit to match.
  [/^\/[a-z]{2}\/staff\/kinship(\/frequencies)?\/?$/, 6 * MEGABYTE],
];

export function bodyLimit(pathname) {
  return LARGER_BODIES.find(([pattern]) => pattern.test(pathname))?.[1] ?? DEFAULT_BODY_LIMIT;
}

/**
 * Why the request's body may not be read, or null when it may: larger than its route allows (413),
 * or sent in chunks without saying its length, which no form of the app does (411).
 */
export function bodyRefusal(url, headers) {
  const declared = headers["content-length"];
  if (declared === undefined) return headers["transfer-encoding"] === undefined ? null : { status: 411, error: "lengthRequired" };
  const limit = bodyLimit(new URL(url ?? "/", "http://server").pathname);
  return Number(declared) > limit ? { status: 413, error: "tooLarge", limit } : null;
}
