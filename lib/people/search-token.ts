import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { environment } from "@/lib/env";

/**
 * A staff search travels in a POST body, never in an address: the names of the missing would
 * otherwise land in the browser's history, the proxy's access log and any shared link. The results
 * page is then reached at /staff/search?s=TOKEN, where TOKEN is the query sealed with AES-256-GCM
 * under a key derived from AUTH_SECRET: opaque to whoever reads the address, readable only by the
 * registry's servers (every instance shares AUTH_SECRET), only for the staff member who searched,
 * and only for a working day.
 */
export const SEARCH_TOKEN_SECONDS = 12 * 60 * 60;

let developmentSecret: string | undefined;

/** AUTH_SECRET narrowed to this one use (as lib/family-portal/session-token.ts does for its tokens). */
function sealingKey(): Buffer {
  const secret = environment().AUTH_SECRET || (developmentSecret ??= randomBytes(32).toString("base64url"));
  return createHmac("sha256", secret).update("tarhuna staff search token").digest();
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The search `query` by `userId`, sealed into an address-safe token. */
export function sealSearch(query: string, userId: string, now = Date.now()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  cipher.setAAD(Buffer.from(userId));
  const plain = Buffer.from(JSON.stringify({ q: query, e: Math.floor(now / 1000) + SEARCH_TOKEN_SECONDS }));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The query a token holds, when this server sealed it for this staff member and it has not expired; else null. */
export function openSearch(token: string, userId: string, now = Date.now()): string | null {
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const { q, e } = JSON.parse(plain.toString("utf8")) as { q?: unknown; e?: unknown };
    if (typeof q !== "string" || typeof e !== "number" || e * 1000 <= now) return null;
    return q;
  } catch {
    // Altered, cut short, sealed under another AUTH_SECRET or for another staff member.
    return null;
  }
}
