import "server-only";
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/**
 * The staff session token, in next-auth's own format (a JWE, `dir` + A256GCM, under a key derived
 * from AUTH_SECRET by HKDF-SHA256 with next-auth's label), so a token issued before this module
 * still reads and a token issued by it still reads by next-auth's `decode`.
 *
 * Why not next-auth's own `encode`/`decode`: they derive the key again for every token, and every
 * staff request read its token that way (issue 30: about a tenth of a typed search's server time
 * was the derivation and the token re-encoded for a cookie nobody sets). The key depends only on
 * the secret and the salt, so it is derived once per pair here; next-auth takes these two through
 * its documented `jwt.encode` / `jwt.decode` options (lib/auth/next-auth-options.ts).
 */
const derivedKeys = new Map<string, Uint8Array>();

/** At most a couple of secrets live in one process (a test may change it): more is a misuse. */
const MAX_DERIVED_KEYS = 8;

function encryptionKey(secret: string | Buffer, salt: string): Uint8Array {
  const secretText = typeof secret === "string" ? secret : secret.toString("latin1");
  const cacheKey = `${salt}\n${secretText}`;
  let key = derivedKeys.get(cacheKey);
  if (!key) {
    if (derivedKeys.size >= MAX_DERIVED_KEYS) derivedKeys.clear();
    const label = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, label, 32));
    derivedKeys.set(cacheKey, key);
  }
  return key;
}

/** next-auth's default session lifetime, used only when a caller names none (the options always do). */
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE_SECONDS, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret, salt));
}

/** Seconds of clock skew forgiven at expiry, as next-auth's decoding forgives. */
const CLOCK_TOLERANCE_SECONDS = 15;

/**
 * Tokens already decrypted, by token, secret and salt: a staff member's browser sends the same token
 * with every request of a working day, and decrypting it again cost a typed search about a twentieth
 * of its server time. Only a token that decrypted is kept (a made-up one is never), its expiry is
 * checked again at each use, and whether its session is still live is the database's to say at
 * each request (current-session.ts), so a sign-out or a disabled account still ends it at once.
 */
const decodedTokens = new Map<string, { claims: JWT; expires: number; key: Uint8Array }>();
const MAX_DECODED_TOKENS = 1_000;

/** The token's claims, or null for no token. Throws on a token that does not decrypt or has expired, as next-auth's does. */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const key = encryptionKey(secret, salt);
  const known = decodedTokens.get(token);
  // The same key object means the same secret and salt (encryptionKey keeps one per pair).
  if (known?.key === key && Date.now() / 1000 < known.expires + CLOCK_TOLERANCE_SECONDS) return { ...known.claims };
  const { payload } = await jwtDecrypt(token, key, { clockTolerance: CLOCK_TOLERANCE_SECONDS });
  if (typeof payload.exp === "number") {
    if (decodedTokens.size >= MAX_DECODED_TOKENS) decodedTokens.clear();
    decodedTokens.set(token, { claims: { ...payload }, expires: payload.exp, key });
  }
  return payload;
}
