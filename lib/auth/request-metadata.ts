import "server-only";
import { timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { environment } from "@/lib/env";

export interface RequestMetadata {
  ip: string;
  userAgent: string;
}

type HeaderRecord = Record<string, string | string[] | undefined>;

declare global {
  /**
   * Set by scripts/serve.mjs, the production server, before Next.js starts; unset under any other
   * server. A global, not an import: serve.mjs and the app's bundles share no module (see serve.mjs).
   */
  var __tarhunaClientAddressProof: string | undefined;
}

/** Written by scripts/serve.mjs on every request, over anything the client sent under these names. */
const CLIENT_ADDRESS_HEADER = "x-tarhuna-client-address";
const CLIENT_ADDRESS_PROOF_HEADER = "x-tarhuna-client-proof";

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** Whether the production server of this very process wrote the request's address headers. */
export function isServedByFrontServer(record: HeaderRecord): boolean {
  const expected = globalThis.__tarhunaClientAddressProof;
  const sent = first(record[CLIENT_ADDRESS_PROOF_HEADER]);
  if (!expected || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/**
 * The client's address. In production scripts/serve.mjs decides it (the connection's peer, or what
 * the first untrusted hop behind TRUSTED_PROXIES saw) and proves it wrote the header; production
 * believes no other header (lib/server/startup.ts refuses to serve without that server). Under
 * `next dev` and the tests nothing stands in front, and X-Forwarded-For is taken as sent (Next.js
 * fills it in from the connection when the client sent none).
 */
function clientAddress(record: HeaderRecord): string {
  if (isServedByFrontServer(record)) return first(record[CLIENT_ADDRESS_HEADER]) || "unknown";
  if (environment().NODE_ENV === "production") return "unknown";
  const forwarded = first(record["x-forwarded-for"]).split(",")[0]?.trim();
  return forwarded || first(record["x-real-ip"]) || "unknown";
}

export function metadataFromHeaders(record: HeaderRecord): RequestMetadata {
  return {
    ip: clientAddress(record),
    userAgent: first(record["user-agent"]).slice(0, 512),
  };
}

/** Metadata of the request being served (server components, server actions, route handlers). */
export async function currentRequestMetadata(): Promise<RequestMetadata> {
  return metadataFromHeaders(Object.fromEntries(await headers()));
}
