import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { environment } from "@/lib/env";

/** A family's session lasts half an hour: long enough to read, short on a shared phone. */
export const FAMILY_SESSION_SECONDS = 30 * 60;
export const FAMILY_SESSION_COOKIE = "tarhuna-family";

export interface FamilySessionClaims {
  familyId: string;
  /** The server-side session row (family_sessions): signing out deletes it, and the token is refused. */
  sessionId: string;
  /** When the family's current access code was issued: a reissued code ends every older session. */
  codeIssuedAt: number;
  expiresAt: number;
}

let developmentSecret: string | undefined;

/**
 * The staff sessions' AUTH_SECRET, narrowed to this one use so a family token can never pass for
 * anything else. Production refuses to start without AUTH_SECRET; a development server without
 * one signs with a secret of its own that dies with the process.
 */
function signingKey(): Buffer {
  const secret = environment().AUTH_SECRET || (developmentSecret ??= randomBytes(32).toString("base64url"));
  return createHmac("sha256", secret).update("tarhuna family portal session").digest();
}

function signature(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest();
}

export function signFamilySession(claims: FamilySessionClaims): string {
  const payload = Buffer.from(JSON.stringify({ f: claims.familyId, s: claims.sessionId, i: claims.codeIssuedAt, e: claims.expiresAt })).toString("base64url");
  return `${payload}.${signature(payload).toString("base64url")}`;
}

function claimsOf(payload: string): FamilySessionClaims | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { f, s, i, e } = parsed as Record<string, unknown>;
  if (typeof f !== "string" || typeof s !== "string" || typeof i !== "number" || typeof e !== "number") return null;
  return { familyId: f, sessionId: s, codeIssuedAt: i, expiresAt: e };
}

/** The claims of a token this server signed and that has not expired, or null. */
export function verifyFamilySession(token: string | undefined, now = Date.now()): FamilySessionClaims | null {
  const [payload, signed, extra] = (token ?? "").split(".");
  if (!payload || !signed || extra !== undefined) return null;
  const expected = signature(payload);
  const given = Buffer.from(signed, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = claimsOf(payload);
  return claims && claims.expiresAt > now ? claims : null;
}

/**
 * Secure in production, unless NEXTAUTH_URL says the app is deliberately served over plain http
 * (the local demo), the same rule the staff session cookie follows.
 */
function secureCookie(): boolean {
  const { NODE_ENV, NEXTAUTH_URL } = environment();
  return NODE_ENV === "production" && !NEXTAUTH_URL?.startsWith("http://");
}

/** httpOnly, SameSite=Strict, Secure (see above); for the whole site, so switching language keeps it. */
export function familySessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: secureCookie(),
    path: "/",
    maxAge: FAMILY_SESSION_SECONDS,
  };
}
