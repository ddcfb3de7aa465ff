import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { isRateLimited, recordRateLimitedFailure, type RateLimit } from "@/lib/security/rate-limit";
import { logger } from "@/lib/server/logger";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { hashPassword, verifyPassword } from "./argon2";
import { clearLoginFailures, recordWrongPassword } from "./login-lockout";
import { isRole, type Role } from "./permissions";

/** Failed sign-ins from one address before it must wait (guards against spraying many usernames). */
export const LOGIN_IP_LIMIT: RateLimit = { limit: 20, windowMinutes: 15 };

export interface SignInAttempt {
  username: string;
  password: string;
  ip: string;
  userAgent: string;
}

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  tokenVersion: number;
}

let timingHash: Promise<string> | undefined;

/**
 * Checked against a throw-away hash when there is no real one to check, so an unknown, disabled or
 * locked username costs as much time as a real one and timing tells an attacker nothing.
 */
async function spendVerificationTime(password: string): Promise<void> {
  timingHash ??= hashPassword("timing-equaliser-not-a-password");
  await verifyPassword(await timingHash, password);
}

/**
 * One answer for every failure (null): wrong password, unknown user, disabled, locked, throttled,
 * or the public demo password outside demo mode. The reason stays on the server.
 */
export async function authenticate(db: Database, attempt: SignInAttempt): Promise<AuthenticatedUser | null> {
  const ipKey = `login-ip:${attempt.ip}`;
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, attempt.username.trim().toLowerCase()));
  const refused = !user || user.disabled || (user.lockedUntil !== null && user.lockedUntil > new Date());
  if (refused || (await isRateLimited(db, ipKey, LOGIN_IP_LIMIT))) {
    await spendVerificationTime(attempt.password);
    await recordRateLimitedFailure(db, ipKey, LOGIN_IP_LIMIT);
    logger.info({ event: "auth.signInRefused", reason: user ? "unavailableOrLimited" : "unknownUser", ip: attempt.ip }, "sign-in refused");
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) {
    await recordRateLimitedFailure(db, ipKey, LOGIN_IP_LIMIT);
    const locked = await recordWrongPassword(db, user.id);
    if (locked) await auditSignInEvent(db, user, attempt, "auth.locked");
    logger.info({ event: "auth.signInRefused", reason: locked ? "wrongPasswordLocked" : "wrongPassword", ip: attempt.ip }, "sign-in refused");
    return null;
  }
  if (attempt.password === DEMO_PASSWORD && !(await isDemoDataLoaded(db))) return null;
  if (!isRole(user.role)) return null;
  await clearLoginFailures(db, user.id);
  await auditSignInEvent(db, user, attempt, "auth.signIn");
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    tokenVersion: user.tokenVersion,
  };
}

async function auditSignInEvent(
  db: Database,
  user: { id: string; username: string },
  attempt: SignInAttempt,
  action: "auth.signIn" | "auth.locked",
): Promise<void> {
  await db.transaction((tx) =>
    appendAuditEntry(tx, {
      actorId: user.id,
      actorLabel: user.username,
      action,
      entity: "user",
      entityId: user.id,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    }),
  );
}
