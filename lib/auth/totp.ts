import { Secret, TOTP } from "otpauth";

const ISSUER = "Tarhuna registry";
const PERIOD_SECONDS = 30;

function totpFor(secret: string, username: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: username, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

/** A fresh random secret (160 bits, base32), as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads (as a QR code or typed in). */
export function totpUri(secret: string, username: string): string {
  return totpFor(secret, username).toString();
}

/**
 * The time step of the code when it is right (one step of clock drift either way is allowed), or
 * null. The caller refuses a step at or before the last one accepted, so a code works only once.
 */
export function acceptedTotpStep(secret: string, username: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret, username).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}
