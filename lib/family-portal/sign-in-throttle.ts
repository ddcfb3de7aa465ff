import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { familySignInThrottles } from "@/db/schema";

/** Wrong codes one address may try at one reference before it must wait (typing mistakes). */
export const FAMILY_FREE_TRIES = 5;
/** The waits double from one minute after the fifth wrong code up to this. */
export const FAMILY_LONGEST_WAIT_MINUTES = 60;
/** A reference and address pair with no wrong code for this long starts again with free tries. */
export const FAMILY_THROTTLE_MEMORY_HOURS = 24;

export interface ReferenceTry {
  allowed: boolean;
  /** How long the address must wait before its next try at this reference; null: no wait. */
  waitSeconds: number | null;
}

const secondsUntil = (time: unknown) => sql<number | null>`ceil(extract(epoch from ${time} - now()))::int`;

/**
 * Takes a try at `reference` from `addressKey` before the code is checked, in one statement: while
 * the pair must wait nothing is taken and the try is refused; otherwise the count goes up and the
 * wait this try starts if it turns out wrong is set at once (1, 2, 4 … 60 minutes after the fifth),
 * so guesses sent at the same instant cannot all slip through. A right code clears the pair.
 * Keyed on the address as well as the reference, so no one can hold back the family's own phone.
 */
export async function reserveReferenceTry(db: Executor, reference: string, addressKey: string): Promise<ReferenceTry> {
  const table = familySignInThrottles;
  const forgotten = sql`${table.lastFailureAt} < now() - make_interval(hours => ${FAMILY_THROTTLE_MEMORY_HOURS})`;
  const failures = sql`case when ${forgotten} then 1 else ${table.failures} + 1 end`;
  const doublings = sql`least(${failures} - ${FAMILY_FREE_TRIES}, 6)`;
  const [reserved] = await db
    .insert(table)
    .values({ reference, addressKey, failures: 1, blockedUntil: null, lastFailureAt: sql`now()` })
    .onConflictDoUpdate({
      target: [table.reference, table.addressKey],
      set: {
        failures,
        blockedUntil: sql`case when ${failures} < ${FAMILY_FREE_TRIES} then null
          else now() + make_interval(mins => least(power(2, ${doublings})::int, ${FAMILY_LONGEST_WAIT_MINUTES})) end`,
        lastFailureAt: sql`now()`,
      },
      setWhere: sql`${table.blockedUntil} is null or ${table.blockedUntil} <= now()`,
    })
    .returning({ waitSeconds: secondsUntil(table.blockedUntil) });
  if (reserved) return { allowed: true, waitSeconds: reserved.waitSeconds };
  const [waiting] = await db
    .select({ waitSeconds: secondsUntil(table.blockedUntil) })
    .from(table)
    .where(and(eq(table.reference, reference), eq(table.addressKey, addressKey)));
  return { allowed: false, waitSeconds: Math.max(1, waiting?.waitSeconds ?? 1) };
}

/** The right code from this address: its earlier mistakes at this reference are forgotten. */
export async function clearReferenceThrottle(db: Executor, reference: string, addressKey: string): Promise<void> {
  await db.delete(familySignInThrottles).where(and(eq(familySignInThrottles.reference, reference), eq(familySignInThrottles.addressKey, addressKey)));
}

/** Forgets every address's tries at the reference (a new code, or staff lifting the wait); how many. */
export async function liftReferenceThrottles(db: Executor, reference: string): Promise<number> {
  const lifted = await db.delete(familySignInThrottles).where(eq(familySignInThrottles.reference, reference)).returning({ addressKey: familySignInThrottles.addressKey });
  return lifted.length;
}
