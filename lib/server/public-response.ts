import { createHash } from "node:crypto";

/**
 * Public aggregates are cacheable but must never go stale: clients and proxies revalidate every
 * time, and an ETag of the body lets them keep their copy until a case really changes.
 */
export function cacheableJson(request: Request, body: unknown, contentType = "application/json"): Response {
  const text = JSON.stringify(body);
  const etag = `"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Cache-Control": "public, no-cache",
    "Content-Type": `${contentType}; charset=utf-8`,
    ETag: etag,
  };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}
