import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { families } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { logger } from "@/lib/server/logger";
import { hashPassword, verifyPassword } from "@/lib/auth/argon2";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { clearRateLimit, isRateLimited, recordRateLimitedFailure, type RateLimit } from "@/lib/security/rate-limit";
import { normaliseFamilyReference, parseAccessCode } from "./access-code";

/** Five wrong codes for one reference within an hour… */
export const FAMILY_CODE_FAILURES: RateLimit = { limit: 5, windowMinutes: 60 };
/** …lock that reference for the hour after the fifth, even against the right code. */
export const FAMILY_LOCK: RateLimit = { limit: 1, windowMinutes: 60 };
/** Failed tries from one address, whatever the reference (guards against trying many families). */
export const FAMILY_IP_LIMIT: RateLimit = { limit: 20, windowMinutes: 60 };

export interface FamilySignInAttempt extends RequestMetadata {
  reference: string;
  code: string;
}

export interface SignedInFamily {
  familyId: string;
  codeIssuedAt: Date;
}

type RefusalReason = "unknownReference" | "noCode" | "wrongCode" | "locked" | "addressLimited";

const failureKey = (reference: string) => `family-code:${reference}`;
const lockKey = (reference: string) => `family-lock:${reference}`;
const addressKey = (ip: string) => `family-ip:${ip}`;

let timingHash: Promise<string> | undefined;

/** An unknown reference costs as much time as a known one, so timing does not tell which exist. */
async function spendVerificationTime(code: string): Promise<void> {
  timingHash ??= hashPassword("family-portal-timing-equaliser");
  await verifyPassword(await timingHash, code);
}

async function findFamily(db: Database, reference: string) {
  const [family] = await db
    .select({ id: families.id, hash: families.accessCodeHash, issuedAt: families.accessCodeIssuedAt })
    .from(families)
    .where(and(eq(families.reference, reference), isNull(families.voidedAt)));
  return family ?? null;
}

async function auditAccess(db: Database, attempt: FamilySignInAttempt, reference: string, familyId: string | null, outcome: { action: string; reason?: RefusalReason }) {
  await db.transaction((tx) =>
    appendAuditEntry(tx, {
      actorId: null,
      actorLabel: `family ${reference}`,
      action: outcome.action,
      entity: "family",
      entityId: familyId,
      after: outcome.reason ? { reference, reason: outcome.reason } : { reference },
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    }),
  );
}

/**
 * Takes one of the reference's five tries before the code is checked, so that guesses sent at the
 * same instant cannot each slip in before the lock: the sixth reservation within the hour is refused
 * whatever code it carries. A right code gives its try back (the count is cleared).
 */
async function reserveTry(db: Database, reference: string): Promise<{ allowed: boolean; last: boolean }> {
  const attempts = await recordRateLimitedFailure(db, failureKey(reference), FAMILY_CODE_FAILURES);
  return { allowed: attempts <= FAMILY_CODE_FAILURES.limit, last: attempts === FAMILY_CODE_FAILURES.limit };
}

/**
 * One answer for every failure (null): unknown reference, no code issued, wrong code, locked
 * reference or throttled address. The reason goes to the audit log only, never the code.
 */
export async function signInFamily(db: Database, attempt: FamilySignInAttempt): Promise<SignedInFamily | null> {
  const reference = normaliseFamilyReference(attempt.reference);
  const code = parseAccessCode(attempt.code) ?? attempt.code.slice(0, 64);
  const [family, addressLimited] = await Promise.all([findFamily(db, reference), isRateLimited(db, addressKey(attempt.ip), FAMILY_IP_LIMIT)]);
  const locked = family !== null && (await isRateLimited(db, lockKey(reference), FAMILY_LOCK));
  let refused: RefusalReason | null = addressLimited ? "addressLimited" : !family ? "unknownReference" : locked ? "locked" : !family.hash || !family.issuedAt ? "noCode" : null;
  let verified = false;
  let lastTry = false;
  if (family?.hash && !refused) {
    const reserved = await reserveTry(db, reference);
    lastTry = reserved.last;
    if (reserved.allowed) verified = await verifyPassword(family.hash, code);
    else refused = "locked";
  }
  if (!verified && (!family?.hash || refused)) await spendVerificationTime(code);
  if (family?.issuedAt && verified) {
    await clearRateLimit(db, failureKey(reference));
    await auditAccess(db, attempt, reference, family.id, { action: "familyPortal.signIn" });
    return { familyId: family.id, codeIssuedAt: family.issuedAt };
  }
  await recordRateLimitedFailure(db, addressKey(attempt.ip), FAMILY_IP_LIMIT);
  const reason = refused ?? "wrongCode";
  // The fifth wrong code starts the hour-long lock, which outlasts the window of the tries.
  const lockedNow = reason === "wrongCode" && lastTry;
  if (lockedNow) await recordRateLimitedFailure(db, lockKey(reference), FAMILY_LOCK);
  await auditAccess(db, attempt, reference, family?.id ?? null, { action: "familyPortal.refused", reason });
  if (lockedNow) await auditAccess(db, attempt, reference, family?.id ?? null, { action: "familyPortal.locked" });
  logger.info({ event: "familyPortal.refused", reason, lockedNow, ip: attempt.ip }, "family sign-in refused");
  return null;
}
