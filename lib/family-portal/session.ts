import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { families, familySessions } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { FAMILY_SESSION_SECONDS, signFamilySession, verifyFamilySession } from "./session-token";
import type { SignedInFamily } from "./sign-in";
import { runTransaction } from "@/lib/audit/run-transaction";

export interface FamilySession {
  familyId: string;
  reference: string;
}

/**
 * Opens a family's session on one device: its server-side row (which the cookie names, and which
 * signing out deletes) and the sign-in's audit entry, in one transaction. Rows of the family's
 * sessions that have run out are removed on the way, so the table holds only live sessions.
 */
export async function openFamilySession(db: Database, opening: { familyId: string; reference: string; metadata: RequestMetadata }): Promise<string> {
  return runTransaction(db, async (tx) => {
    await tx.delete(familySessions).where(and(eq(familySessions.familyId, opening.familyId), lt(familySessions.expiresAt, sql`now()`)));
    const [session] = await tx
      .insert(familySessions)
      .values({ familyId: opening.familyId, expiresAt: sql`now() + make_interval(secs => ${FAMILY_SESSION_SECONDS})` })
      .returning({ id: familySessions.id });
    if (!session) throw new Error("the family session row was not created");
    await appendAuditEntry(tx, {
      actorId: null,
      actorLabel: `family ${opening.reference}`,
      action: "familyPortal.signIn",
      entity: "family",
      entityId: opening.familyId,
      after: { reference: opening.reference },
      ip: opening.metadata.ip,
      userAgent: opening.metadata.userAgent,
    });
    return session.id;
  });
}

/** The signed token a family receives on signing in: its family, its session row, its code's issue time, 30 minutes. */
export function familySessionToken(family: SignedInFamily, now = Date.now()): string {
  return signFamilySession({
    familyId: family.familyId,
    sessionId: family.sessionId,
    codeIssuedAt: family.codeIssuedAt.getTime(),
    expiresAt: now + FAMILY_SESSION_SECONDS * 1000,
  });
}

/**
 * The family a request's cookie speaks for, or null. The signature alone is not trusted: the
 * session's row must still exist (signing out deletes it), the family must still exist, and its code
 * must be the one the session was opened with, so a reissued code ends every older session at once.
 */
export async function readFamilySession(db: Executor, token: string | undefined): Promise<FamilySession | null> {
  const claims = verifyFamilySession(token);
  if (!claims) return null;
  const [family] = await db
    .select({ id: families.id, reference: families.reference, issuedAt: families.accessCodeIssuedAt, hash: families.accessCodeHash })
    .from(familySessions)
    .innerJoin(families, eq(families.id, familySessions.familyId))
    .where(and(eq(familySessions.id, claims.sessionId), eq(familySessions.familyId, claims.familyId), gt(familySessions.expiresAt, sql`now()`), isNull(families.voidedAt)));
  if (!family?.hash || family.issuedAt?.getTime() !== claims.codeIssuedAt) return null;
  return { familyId: family.id, reference: family.reference };
}

/** Ends every session of the family, on every device (a new code was issued). */
export async function endFamilySessions(db: Executor, familyId: string): Promise<void> {
  await db.delete(familySessions).where(eq(familySessions.familyId, familyId));
}

/**
 * Ends the session on the server: its row is deleted, so the cookie (which the caller clears) is
 * refused even if it was copied or is sent again. Recorded in the audit log.
 */
export async function signOutFamily(db: Database, token: string | undefined, metadata: RequestMetadata): Promise<void> {
  const session = await readFamilySession(db, token);
  const claims = verifyFamilySession(token);
  if (!session || !claims) return;
  await runTransaction(db, async (tx) => {
    await tx.delete(familySessions).where(eq(familySessions.id, claims.sessionId));
    await appendAuditEntry(tx, {
      actorId: null,
      actorLabel: `family ${session.reference}`,
      action: "familyPortal.signOut",
      entity: "family",
      entityId: session.familyId,
      after: { reference: session.reference },
      ...metadata,
    });
  });
}
