import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { activeSignInLocks } from "@/lib/auth/sign-in-throttle";
import { assertReadAccess, defineRead, type ReadAccess } from "@/lib/auth/read-access";

/** What an administrator sees of an account: never the password hash or the authenticator secret. */
const userSummaryColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  locale: users.locale,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  secondFactorSince: users.totpEnabledAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export type UserSummary = Awaited<ReturnType<typeof listUsersQuery>>[number];

function listUsersQuery(db: Executor) {
  return db
    .select(userSummaryColumns)
    .from(users)
    .orderBy(asc(sql`lower(${users.username})`));
}

/** Null for an unknown id, and for text that is not a uuid at all (a mistyped address). */
async function getUserQuery(db: Executor, id: string): Promise<UserSummary | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [user] = await db.select(userSummaryColumns).from(users).where(eq(users.id, id));
  return user ?? null;
}

/** For the users list: when the longest sign-in lock in force on each username ends (lowercased keys). */
async function signInLockEndsQuery(db: Executor, usernames: string[]): Promise<Map<string, Date>> {
  const ends = new Map<string, Date>();
  for (const lock of await activeSignInLocks(db, usernames)) {
    const known = ends.get(lock.username);
    if (!known || known < lock.lockedUntil) ends.set(lock.username, lock.lockedUntil);
  }
  return ends;
}

export const getUser = defineRead("users.manage", getUserQuery);
export const listUsers = defineRead("users.manage", listUsersQuery);
export const signInLockEnds = defineRead("users.manage", signInLockEndsQuery);
/** The users page's view of the sign-in locks on one account. */
export const userSignInLocks = defineRead("users.manage", activeSignInLocks);

/** The signed-in staff member's own account, for the account pages: the id comes from the session, never from the caller. */
export async function getOwnAccount(access: ReadAccess<"account.manageOwn">, db: Executor): Promise<UserSummary | null> {
  assertReadAccess(access, "account.manageOwn");
  return getUserQuery(db, access.session.userId);
}
