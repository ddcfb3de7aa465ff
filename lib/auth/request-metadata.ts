import { headers } from "next/headers";

export interface RequestMetadata {
  ip: string;
  userAgent: string;
}

type HeaderRecord = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/**
 * The client's address. In production scripts/serve.mjs writes it into X-Forwarded-For (the
 * connection's peer, or what the outermost of TRUST_PROXY_HOPS proxies saw), whatever the client
 * sent; under `next dev` Next.js fills it in from the connection when the client sent none.
 */
export function metadataFromHeaders(record: HeaderRecord): RequestMetadata {
  const forwarded = first(record["x-forwarded-for"]).split(",")[0]?.trim();
  return {
    ip: forwarded || first(record["x-real-ip"]) || "unknown",
    userAgent: first(record["user-agent"]).slice(0, 512),
  };
}

/** Metadata of the request being served (server components, server actions, route handlers). */
export async function currentRequestMetadata(): Promise<RequestMetadata> {
  return metadataFromHeaders(Object.fromEntries(await headers()));
}
