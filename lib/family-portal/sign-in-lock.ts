import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, familySignInThrottles } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import type { LiftSignInLockValues } from "./schemas";
import { FAMILY_THROTTLE_MEMORY_HOURS, liftReferenceThrottles } from "./sign-in-throttle";
import { defineRead } from "@/lib/auth/read-access";

export interface FamilySignInLock {
  /** Connections (addresses or IPv6 /64s) that must wait before their next try at the reference. */
  waitingAddresses: number;
  /** When the last of those waits ends; null when no one waits. */
  waitUntil: Date | null;
  /** Wrong codes at the reference, from any address, that are still remembered (24 hours). */
  recentFailures: number;
}

/** Who is kept waiting at the family's reference, for its staff page; which addresses is not shown. */
export async function familySignInLock(db: Executor, familyId: string): Promise<FamilySignInLock> {
  const [lock] = await db
    .select({
      waitingAddresses: sql<number>`count(*) filter (where ${familySignInThrottles.blockedUntil} > now())::int`,
      waitUntil: sql<string | null>`max(${familySignInThrottles.blockedUntil}) filter (where ${familySignInThrottles.blockedUntil} > now())`,
      recentFailures: sql<number>`coalesce(sum(${familySignInThrottles.failures}), 0)::int`,
    })
    .from(familySignInThrottles)
    .innerJoin(families, eq(families.reference, familySignInThrottles.reference))
    .where(and(eq(families.id, familyId), gt(familySignInThrottles.lastFailureAt, sql`now() - make_interval(hours => ${FAMILY_THROTTLE_MEMORY_HOURS})`)));
  return {
    waitingAddresses: lock?.waitingAddresses ?? 0,
    waitUntil: lock?.waitUntil ? new Date(lock.waitUntil) : null,
    recentFailures: lock?.recentFailures ?? 0,
  };
}

/**
 * Staff lift every wait on the family's reference, say when the family calls the office because it
 * is kept waiting. Audited with how many connections were waiting; which ones is not recorded.
 */
export async function liftSignInLock({ input, tx, audit }: ActionContext<LiftSignInLockValues>): Promise<{ lifted: number }> {
  const [family] = await tx
    .select({ id: families.id, reference: families.reference })
    .from(families)
    .where(and(eq(families.id, input.familyId), isNull(families.voidedAt)))
    .for("update");
  if (!family) throw new ActionRefusal("notFound", "Actions.notFound");
  const before = await familySignInLock(tx, family.id);
  const lifted = await liftReferenceThrottles(tx, family.reference);
  await audit({
    action: "family.signInLockLift",
    entity: "family",
    entityId: family.id,
    before: { reference: family.reference, waitingAddresses: before.waitingAddresses, waitUntil: before.waitUntil, recentFailures: before.recentFailures },
    after: { reference: family.reference, waitingAddresses: 0, waitUntil: null, recentFailures: 0 },
  });
  return { lifted };
}

/** familySignInLock for the family page, which only the roles that may lift a wait see. */
export const readFamilySignInLock = defineRead("familyAccessCode.issue", familySignInLock);
