// The API routes' Content-Security-Policy, in a plain module: next.config.js sets it on every
// /api/ response (its headers() option), and the TypeScript side reads it from
// content-security-policy.ts, which re-exports it.

/** API responses are data, never documents to render: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
