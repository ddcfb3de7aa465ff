import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";

/** Five wrong passwords lock the account for 15 minutes, then 30, 60, … on each new lock. */
export const FAILURES_BEFORE_LOCK = 5;
export const FIRST_LOCK_MINUTES = 15;

/** Counts a wrong password; returns true when this failure locked the account. */
export async function recordWrongPassword(db: Executor, userId: string): Promise<boolean> {
  const reachesLimit = sql`${users.failedLoginCount} + 1 >= ${FAILURES_BEFORE_LOCK}`;
  const [row] = await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${reachesLimit} then 0 else ${users.failedLoginCount} + 1 end`,
      lockCount: sql`case when ${reachesLimit} then ${users.lockCount} + 1 else ${users.lockCount} end`,
      lockedUntil: sql`case when ${reachesLimit}
        then now() + make_interval(mins => ${FIRST_LOCK_MINUTES} * power(2, ${users.lockCount})::int)
        else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return row?.lockedUntil != null && row.lockedUntil > new Date();
}

export async function clearLoginFailures(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ failedLoginCount: 0, lockCount: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}
