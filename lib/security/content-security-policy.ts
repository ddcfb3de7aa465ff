/**
 * The Content-Security-Policy of a page: scripts run only with this response's nonce (Next.js
 * stamps it on its own scripts), nothing may frame the registry, and no plugin or foreign base URL
 * is allowed. A public page rendered for the production server's page cache has no nonce (`null`):
 * one copy serves every visitor, and the server puts the hash of each of its inline scripts into
 * script-src before sending it (scripts/support/script-hashes.mjs); until then no inline script may run. Styles stay inline-capable: Tailwind and Leaflet set style attributes. Images come from
 * the registry itself, plus the map's tile server when one is configured (`imageSources`).
 */
export function pageContentSecurityPolicy(
  nonce: string | null,
  development: boolean,
  imageSources: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self'${nonce === null ? "" : ` 'nonce-${nonce}' 'strict-dynamic'`}${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageSources].join(" "),
    "font-src 'self'",
    "connect-src 'self'",
    // The field-capture service worker (/serwist/sw.js): with 'strict-dynamic' script-src would refuse it.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export { API_CONTENT_SECURITY_POLICY } from "./api-content-security-policy.mjs";

/**
 * The field-capture service worker's own policy (lib/field/service-worker.ts): it runs no other
 * script and renders nothing; it may only fetch from the registry (precaching, the network-first
 * field page).
 */
export const SERVICE_WORKER_CONTENT_SECURITY_POLICY = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}
