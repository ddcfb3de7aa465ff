import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { staffSessions, users } from "@/db/schema";

/** However often it is used, a staff session ends this long after sign-in. */
export const SESSION_LIFETIME_HOURS = 12;

const sessionId = z.uuid();

/** A new server-side session for a sign-in; its id travels in the signed token. */
export async function startStaffSession(db: Executor, userId: string): Promise<string> {
  const [session] = await db.insert(staffSessions).values({ userId }).returning({ id: staffSessions.id });
  if (!session) throw new Error("the new session row was not returned");
  return session.id;
}

/** Sign-out: the token that names this session is worth nothing from now on, wherever it is replayed. */
export async function endStaffSession(db: Executor, id: unknown): Promise<void> {
  const parsed = sessionId.safeParse(id);
  if (!parsed.success) return;
  await db.update(staffSessions).set({ endedAt: sql`now()` }).where(and(eq(staffSessions.id, parsed.data), isNull(staffSessions.endedAt)));
}

/**
 * What a request needs of its staff member: never the password hash or the authenticator's secret,
 * which every request read and parsed with the whole row before (and which no request needs).
 */
const SESSION_USER_COLUMNS = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  disabled: users.disabled,
  tokenVersion: users.tokenVersion,
  mustChangePassword: users.mustChangePassword,
  totpEnabledAt: users.totpEnabledAt,
};

/**
 * The user a token names, only while the token's session is live: not signed out, younger than
 * twelve hours, and belonging to that very user.
 */
export async function userOfLiveSession(db: Executor, token: { uid: string; sid: unknown }) {
  const parsed = sessionId.safeParse(token.sid);
  if (!parsed.success || !sessionId.safeParse(token.uid).success) return null;
  const [row] = await db
    .select({ user: SESSION_USER_COLUMNS })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.userId))
    .where(
      and(
        eq(staffSessions.id, parsed.data),
        eq(staffSessions.userId, token.uid),
        isNull(staffSessions.endedAt),
        gt(staffSessions.startedAt, sql`now() - make_interval(hours => ${SESSION_LIFETIME_HOURS})`),
      ),
    );
  return row?.user ?? null;
}

/** Sessions past their lifetime are of no further use; kept for a day after, for nothing else. */
export async function forgetOldStaffSessions(db: Executor): Promise<void> {
  await db.delete(staffSessions).where(sql`${staffSessions.startedAt} < now() - make_interval(hours => ${SESSION_LIFETIME_HOURS + 24})`);
}
