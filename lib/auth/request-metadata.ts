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
 * The client's address as the nearest proxy saw it. Deploy behind a proxy that overwrites
 * X-Forwarded-For; without one, Next.js fills it in from the connection.
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
