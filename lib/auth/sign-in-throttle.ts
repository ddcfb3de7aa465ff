import "server-only";
import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { staffSignInThrottles } from "@/db/schema";
import { addressKey } from "@/lib/security/address-key";

export interface ThrottleRule {
  /** Tries allowed within one window; the next one is refused and starts a lock. */
  limit: number;
  windowMinutes: number;
}

/** Five tries for one username from one address (an IPv6 /64) a day, unless one succeeds. */
export const USERNAME_ADDRESS_RULE: ThrottleRule = { limit: 5, windowMinutes: 24 * 60 };
/** Twenty tries from one address across usernames (guards against spraying many usernames). */
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMinutes: 15 };
/**
 * Fifty checked tries at one username from everywhere an hour: only a guesser spread over ten or
 * more addresses reaches it, so one attacker cannot lock the real user out, yet a botnet cannot
 * guess without end either.
 */
export const USERNAME_RULE: ThrottleRule = { limit: 50, windowMinutes: 60 };

/** Locks last 15 minutes, then 30, then an hour at most; a day without a lock forgets the rounds. */
export const FIRST_LOCK_MINUTES = 15;
export const LONGEST_LOCK_MINUTES = 60;

/** Allowed, with the tries still left after this one (0: the next is refused), or refused with the wait. */
export type Reservation = { allowed: true; triesLeft: number } | { allowed: false; retryAfterMinutes: number; lockedNow: ThrottleScope[] };
export type ThrottleScope = "usernameAddress" | "address" | "username";

interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
  username: string | null;
  address: string | null;
  rule: ThrottleRule;
}

/** The username as sign-in compares it, bounded: an unknown one is counted just like a real one. */
export function throttledUsername(username: string): string {
  return username.trim().toLowerCase().slice(0, 64);
}

function keysFor(username: string, ip: string): Record<ThrottleScope, ThrottleKey> {
  const name = throttledUsername(username);
  const address = addressKey(ip);
  return {
    usernameAddress: { key: JSON.stringify(["usernameAddress", name, address]), scope: "usernameAddress", username: name, address, rule: USERNAME_ADDRESS_RULE },
    address: { key: JSON.stringify(["address", address]), scope: "address", username: null, address, rule: ADDRESS_RULE },
    username: { key: JSON.stringify(["username", name]), scope: "username", username: name, address: null, rule: USERNAME_RULE },
  };
}

/**
 * Takes one try from each key in ONE statement, before any password is checked, so guesses sent at
 * the same instant each get a distinct count and none slips past the limit. Rows are written in key
 * order so that two statements never wait on each other's rows in opposite orders.
 */
async function reserve(db: Executor, keys: ThrottleKey[]): Promise<Reservation> {
  const table = staffSignInThrottles;
  const locked = sql`${table.lockedUntil} is not null and ${table.lockedUntil} > now()`;
  const expired = sql`${table.windowStartedAt} <= now() - make_interval(mins => excluded.window_minutes)`;
  const nextAttempts = sql`(case when ${expired} then 1 else ${table.attempts} + 1 end)`;
  const over = sql`(not (${locked}) and ${nextAttempts} > excluded.attempt_limit)`;
  const rounds = sql`(case when ${table.lockedUntil} < now() - interval '1 day' then 0 else ${table.lockCount} end)`;
  const rows = await db
    .insert(table)
    .values(
      [...keys]
        .sort((left, right) => (left.key < right.key ? -1 : 1))
        .map(({ key, username, address, rule }) => ({
          key,
          username,
          address,
          attempts: 1,
          attemptLimit: rule.limit,
          windowMinutes: rule.windowMinutes,
          windowStartedAt: sql`now()`,
        })),
    )
    .onConflictDoUpdate({
      target: table.key,
      set: {
        attemptLimit: sql`excluded.attempt_limit`,
        windowMinutes: sql`excluded.window_minutes`,
        attempts: sql`case when ${locked} then ${table.attempts} when ${over} then 0 else ${nextAttempts} end`,
        windowStartedAt: sql`case when ${locked} then ${table.windowStartedAt} when ${over} or ${expired} then now() else ${table.windowStartedAt} end`,
        lockCount: sql`case when ${over} then ${rounds} + 1 else ${table.lockCount} end`,
        lockedUntil: sql`case when ${over}
          then now() + make_interval(mins => least(${FIRST_LOCK_MINUTES} * power(2, ${rounds})::int, ${LONGEST_LOCK_MINUTES}))
          else ${table.lockedUntil} end`,
      },
    })
    .returning({
      key: table.key,
      triesLeft: sql<number>`${table.attemptLimit} - ${table.attempts}`,
      retryAfterMinutes: sql<number>`case when ${locked} then ceil(extract(epoch from ${table.lockedUntil} - now()) / 60)::int else 0 end`,
      lockedNow: sql<boolean>`${locked} and ${table.attempts} = 0 and ${table.windowStartedAt} = now()`,
    });
  const refused = rows.filter((row) => row.retryAfterMinutes > 0);
  if (refused.length === 0) return { allowed: true, triesLeft: Math.min(...rows.map((row) => row.triesLeft)) };
  const scopeOf = new Map(keys.map((key) => [key.key, key.scope]));
  return {
    allowed: false,
    retryAfterMinutes: Math.max(...refused.map((row) => row.retryAfterMinutes)),
    lockedNow: refused.filter((row) => row.lockedNow).flatMap((row) => scopeOf.get(row.key) ?? []),
  };
}

/**
 * One sign-in try for this username from this address. First the username-from-this-address and the
 * address keys, together; only a try they allow also counts against the username from everywhere,
 * so an address that is already refused cannot run the account-wide count up for its owner.
 */
export async function reserveSignInTry(db: Executor, username: string, ip: string): Promise<Reservation> {
  const keys = keysFor(username, ip);
  const local = await reserve(db, [keys.usernameAddress, keys.address]);
  if (!local.allowed) return local;
  const everywhere = await reserve(db, [keys.username]);
  return everywhere.allowed ? { allowed: true, triesLeft: Math.min(local.triesLeft, everywhere.triesLeft) } : everywhere;
}

/**
 * After a success: the username's tries from this address are forgotten (its owner has proved
 * themselves there), while the address and account-wide counts only get this one try back, so
 * signing in to one's own account cannot reset a count an attacker is running up.
 */
export async function returnSignInTry(db: Executor, username: string, ip: string): Promise<void> {
  const keys = keysFor(username, ip);
  await db.delete(staffSignInThrottles).where(eq(staffSignInThrottles.key, keys.usernameAddress.key));
  await db
    .update(staffSignInThrottles)
    .set({ attempts: sql`greatest(${staffSignInThrottles.attempts} - 1, 0)` })
    .where(inArray(staffSignInThrottles.key, [keys.address.key, keys.username.key]));
}

export interface SignInLock {
  username: string;
  /** Null for the lock on the username from every address. */
  address: string | null;
  lockedUntil: Date;
}

/** The locks in force on these usernames, for the users pages. */
export async function activeSignInLocks(db: Executor, usernames: string[]): Promise<SignInLock[]> {
  const names = usernames.map(throttledUsername);
  if (names.length === 0) return [];
  const rows = await db
    .select({ username: staffSignInThrottles.username, address: staffSignInThrottles.address, lockedUntil: staffSignInThrottles.lockedUntil })
    .from(staffSignInThrottles)
    .where(and(inArray(staffSignInThrottles.username, names), gt(staffSignInThrottles.lockedUntil, sql`now()`)));
  return rows.flatMap((row) => (row.username && row.lockedUntil ? [{ username: row.username, address: row.address, lockedUntil: row.lockedUntil }] : []));
}

/** Lifts every lock and forgets every try counted against the username; returns how many keys it held. */
export async function liftSignInLocks(db: Executor, username: string): Promise<number> {
  const removed = await db
    .delete(staffSignInThrottles)
    .where(eq(staffSignInThrottles.username, throttledUsername(username)))
    .returning({ key: staffSignInThrottles.key });
  return removed.length;
}

/** Keys quiet for a day hold nothing worth keeping (sprayed usernames, old addresses). */
export async function forgetStaleSignInTries(db: Executor): Promise<void> {
  const dayAgo = sql`now() - interval '1 day'`;
  await db
    .delete(staffSignInThrottles)
    .where(
      and(
        lt(staffSignInThrottles.windowStartedAt, dayAgo),
        or(sql`${staffSignInThrottles.lockedUntil} is null`, lt(staffSignInThrottles.lockedUntil, dayAgo)),
      ),
    );
}
