import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";

export interface RateLimit {
  /** Failures allowed within one window before the key is refused. */
  limit: number;
  windowMinutes: number;
}

/** True while the key has used up its failures for the current window. */
export async function isRateLimited(db: Executor, key: string, rule: RateLimit): Promise<boolean> {
  const [row] = await db
    .select({ attempts: rateLimits.attempts })
    .from(rateLimits)
    .where(
      sql`${eq(rateLimits.key, key)} and ${rateLimits.windowStartedAt} > now() - make_interval(mins => ${rule.windowMinutes})`,
    );
  return (row?.attempts ?? 0) >= rule.limit;
}

async function countAttempt(db: Executor, key: string, rule: RateLimit): Promise<{ attempts: number; secondsLeft: number }> {
  const expired = sql`${rateLimits.windowStartedAt} <= now() - make_interval(mins => ${rule.windowMinutes})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStartedAt: sql`now()`, attempts: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        attempts: sql`case when ${expired} then 1 else ${rateLimits.attempts} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning({
      attempts: rateLimits.attempts,
      secondsLeft: sql<number>`ceil(extract(epoch from ${rateLimits.windowStartedAt} + make_interval(mins => ${rule.windowMinutes}) - now()))::int`,
    });
  return { attempts: row?.attempts ?? 1, secondsLeft: row?.secondsLeft ?? rule.windowMinutes * 60 };
}

/**
 * Counts one failure against the key, starting a new window when the old one has passed, and
 * returns the key's count in its window. The increment is one atomic statement, so requests racing
 * each other each get a distinct count: reserving a try before checking it cannot be outrun.
 */
export async function recordRateLimitedFailure(db: Executor, key: string, rule: RateLimit): Promise<number> {
  return (await countAttempt(db, key, rule)).attempts;
}

export interface ReservedAttempt {
  allowed: boolean;
  /** Seconds until the key's window ends and its tries are whole again. */
  retryAfterSeconds: number;
}

/**
 * Takes one try from the key before the attempt is checked (`recordRateLimitedFailure`'s atomic
 * count), so no more than `rule.limit` attempts per window are allowed however many arrive at the
 * same instant. Past the limit the key is refused whatever the attempt carries; a success gives its
 * try back with `releaseAttempt`.
 */
export async function reserveAttempt(db: Executor, key: string, rule: RateLimit): Promise<ReservedAttempt> {
  const { attempts, secondsLeft } = await countAttempt(db, key, rule);
  return { allowed: attempts <= rule.limit, retryAfterSeconds: Math.max(1, secondsLeft) };
}

/** Gives back one try taken by `reserveAttempt`, as after a success. */
export async function releaseAttempt(db: Executor, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ attempts: sql`greatest(${rateLimits.attempts} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Forgets the key's failures, as after a success that should not count earlier mistakes. */
export async function clearRateLimit(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
