import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";

/** Any fixed number distinct from the audit chain's: it names the lock taken below. */
const ADMIN_MEMBERSHIP_LOCK_KEY = 7_310_002;

/**
 * Serialises role and disabled changes, so two administrators demoting each other at the same moment
 * cannot both see "another administrator remains" and leave the registry with none.
 */
export async function lockAdminMembership(tx: Transaction): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_MEMBERSHIP_LOCK_KEY})`);
}

/**
 * Called before a change that takes `target` out of the enabled administrators. The registry must
 * never be left without one who can sign in and manage users, so nobody may disable or demote
 * themselves, and the last enabled administrator stays.
 */
export async function refuseAdminLockout(
  tx: Transaction,
  actorId: string,
  target: { id: string; role: string; disabled: boolean },
): Promise<void> {
  if (target.role !== "admin" || target.disabled) return;
  if (target.id === actorId) throw new ActionRefusal("refused", "Users.cannotLockOutSelf");
  const [otherAdmin] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.disabled, false), ne(users.id, target.id)))
    .limit(1);
  if (!otherAdmin) throw new ActionRefusal("refused", "Users.cannotLockOutLastAdmin");
}
