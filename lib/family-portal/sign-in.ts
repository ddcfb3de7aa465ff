import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { families } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/argon2";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { addressKey } from "@/lib/security/address-key";
import { releaseAttempt, reserveAttempt, type RateLimit } from "@/lib/security/rate-limit";
import { countRefusedAttempt } from "@/lib/security/refused-attempts";
import { logger } from "@/lib/server/logger";
import { normaliseFamilyReference, parseAccessCode } from "./access-code";
import { openFamilySession } from "./session";
import { clearReferenceThrottle, reserveReferenceTry } from "./sign-in-throttle";

/**
 * Tries from one address (IPv4 address or IPv6 /64), whatever the reference, before it must wait
 * for the hour to pass: one address cannot try many families, and past this it costs no hash.
 */
export const FAMILY_ADDRESS_LIMIT: RateLimit = { limit: 20, windowMinutes: 60 };

export interface FamilySignInAttempt extends RequestMetadata {
  reference: string;
  code: string;
}

export interface SignedInFamily {
  familyId: string;
  codeIssuedAt: Date;
  /** The server-side session row the cookie names; deleting it ends the session. */
  sessionId: string;
}

export type FamilySignInOutcome =
  | { ok: true; family: SignedInFamily }
  /** waitSeconds: how long this address must wait before trying again; null when it need not. */
  | { ok: false; waitSeconds: number | null };

type RefusalReason = "addressLimited" | "waiting" | "unknownReference" | "noCode" | "wrongCode";

let timingHash: Promise<string> | undefined;

/** An unknown reference costs as much time as a known one, so timing does not tell which exist. */
async function spendVerificationTime(code: string): Promise<false> {
  timingHash ??= hashPassword("family-portal-timing-equaliser");
  await verifyPassword(await timingHash, code);
  return false;
}

async function findFamily(db: Database, reference: string) {
  const [family] = await db
    .select({ id: families.id, hash: families.accessCodeHash, issuedAt: families.accessCodeIssuedAt })
    .from(families)
    .where(and(eq(families.reference, reference), isNull(families.voidedAt)));
  return family ?? null;
}

/** Counted per address and hour, logged, never audited: the audit log is for meaningful events. */
async function refuse(db: Database, address: string, reason: RefusalReason, waitSeconds: number | null): Promise<FamilySignInOutcome> {
  await countRefusedAttempt(db, address, `familyPortal.${reason}`);
  logger.info({ event: "familyPortal.refused", reason, waitSeconds, ip: address }, "family sign-in refused");
  return { ok: false, waitSeconds };
}

/**
 * One answer for every failure: unknown reference, no code issued or wrong code look the same, and
 * the waits are keyed on the reference as typed, so they too are the same whether a family holds
 * it or not. Both limits are reserved before anything is checked, so a burst sent at one instant
 * gets no more than they allow: first the address's hourly tries (past them: no lookup, no hash),
 * then the tries of this address at this reference (past five: growing waits, for this address only).
 */
export async function signInFamily(db: Database, attempt: FamilySignInAttempt): Promise<FamilySignInOutcome> {
  const reference = normaliseFamilyReference(attempt.reference);
  const address = addressKey(attempt.ip);
  const addressLimitKey = `family-ip:${address}`;
  const addressTry = await reserveAttempt(db, addressLimitKey, FAMILY_ADDRESS_LIMIT);
  if (!addressTry.allowed) return refuse(db, address, "addressLimited", addressTry.retryAfterSeconds);
  const referenceTry = await reserveReferenceTry(db, reference, address);
  if (!referenceTry.allowed) return refuse(db, address, "waiting", referenceTry.waitSeconds);
  const code = parseAccessCode(attempt.code) ?? attempt.code.slice(0, 64);
  const family = await findFamily(db, reference);
  const verified = family?.hash && family.issuedAt ? await verifyPassword(family.hash, code) : await spendVerificationTime(code);
  if (!family?.issuedAt || !verified) {
    const reason = !family ? "unknownReference" : !family.hash ? "noCode" : "wrongCode";
    return refuse(db, address, reason, referenceTry.waitSeconds);
  }
  // A right code gives back the address's try and forgets its mistakes at this reference.
  await releaseAttempt(db, addressLimitKey);
  await clearReferenceThrottle(db, reference, address);
  const sessionId = await openFamilySession(db, { familyId: family.id, reference, metadata: attempt });
  return { ok: true, family: { familyId: family.id, codeIssuedAt: family.issuedAt, sessionId } };
}
