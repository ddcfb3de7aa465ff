import { and, eq, isNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { families } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { FAMILY_SESSION_SECONDS, signFamilySession, verifyFamilySession } from "./session-token";
import type { SignedInFamily } from "./sign-in";

export interface FamilySession {
  familyId: string;
  reference: string;
}

/** The signed token a family receives on signing in: its family, its code's issue time, 30 minutes. */
export function familySessionToken(family: SignedInFamily, now = Date.now()): string {
  return signFamilySession({
    familyId: family.familyId,
    codeIssuedAt: family.codeIssuedAt.getTime(),
    expiresAt: now + FAMILY_SESSION_SECONDS * 1000,
  });
}

/**
 * The family a request's cookie speaks for, or null. The signature alone is not trusted: the
 * family must still exist, and its code must be the one the session was opened with, so a reissued
 * code ends every session opened with the old one at once.
 */
export async function readFamilySession(db: Executor, token: string | undefined): Promise<FamilySession | null> {
  const claims = verifyFamilySession(token);
  if (!claims) return null;
  const [family] = await db
    .select({ id: families.id, reference: families.reference, issuedAt: families.accessCodeIssuedAt, hash: families.accessCodeHash })
    .from(families)
    .where(and(eq(families.id, claims.familyId), isNull(families.voidedAt)));
  if (!family?.hash || family.issuedAt?.getTime() !== claims.codeIssuedAt) return null;
  return { familyId: family.id, reference: family.reference };
}

/** Records that the family signed out; the caller clears the cookie (the token itself dies with it). */
export async function signOutFamily(db: Database, token: string | undefined, metadata: RequestMetadata): Promise<void> {
  const session = await readFamilySession(db, token);
  if (!session) return;
  await db.transaction((tx) =>
    appendAuditEntry(tx, {
      actorId: null,
      actorLabel: `family ${session.reference}`,
      action: "familyPortal.signOut",
      entity: "family",
      entityId: session.familyId,
      after: { reference: session.reference },
      ...metadata,
    }),
  );
}
