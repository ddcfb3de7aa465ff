import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { environment } from "@/lib/env";

/**
 * The public form's anti-automation step, with no third party and no JavaScript: the page carries a
 * signed note of when it was drawn, and a report sent sooner than a person could fill the form in,
 * or from a page older than a day, is not taken. (With the hidden "website" field that only robots
 * fill, lib/online-reports/submit.ts.) The page is drawn for each visitor, never from a cache.
 */
export const FASTEST_FILL_SECONDS = 3;
export const OLDEST_FORM_HOURS = 24;

let developmentSecret: string | undefined;

function signingKey(): Buffer {
  const secret = environment().AUTH_SECRET || (developmentSecret ??= randomBytes(32).toString("base64url"));
  return createHmac("sha256", secret).update("tarhuna online report form").digest();
}

function signature(issuedAt: string): string {
  return createHmac("sha256", signingKey()).update(issuedAt).digest("base64url");
}

export function issueFormToken(now: Date = new Date()): string {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${signature(issuedAt)}`;
}

export type FormTokenCheck = "ok" | "forged" | "tooFast" | "expired";

export function checkFormToken(token: string, now: Date = new Date()): FormTokenCheck {
  const [issuedAt = "", sent = ""] = token.split(".");
  if (!/^\d{1,15}$/.test(issuedAt)) return "forged";
  const expected = Buffer.from(signature(issuedAt));
  const given = Buffer.from(sent);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  const ageSeconds = (now.getTime() - Number(issuedAt)) / 1000;
  if (ageSeconds < FASTEST_FILL_SECONDS) return "tooFast";
  return ageSeconds > OLDEST_FORM_HOURS * 3600 ? "expired" : "ok";
}
