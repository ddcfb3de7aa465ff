import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { users } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { logger } from "@/lib/server/logger";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { hashPassword, verifyPassword } from "./argon2";
import { isRole, type Role } from "./permissions";
import { forgetStaleSignInTries, reserveSignInTry, returnSignInTry, throttledUsername, type ThrottleScope } from "./sign-in-throttle";
import { acceptedTotpStep } from "./totp";
import { runTransaction } from "@/lib/audit/run-transaction";

export interface SignInAttempt {
  username: string;
  password: string;
  /** The authenticator code, needed only by accounts that have switched the second factor on. */
  code?: string;
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

/**
 * Signed in; refused (one answer for every reason: wrong password or code, unknown or disabled
 * user, the demo password outside demo mode); or throttled, with the wait, which is shown to the
 * person. The throttle is keyed on the username as typed, so it says nothing about who exists.
 */
export type SignInOutcome =
  | { kind: "signedIn"; user: AuthenticatedUser }
  | { kind: "refused" }
  | { kind: "throttled"; retryAfterMinutes: number };

type UserRow = typeof users.$inferSelect;

function refused(reason: string, attempt: SignInAttempt): SignInOutcome {
  logger.info({ event: "auth.signInRefused", reason, ip: attempt.ip }, "sign-in refused");
  return { kind: "refused" };
}

let timingHash: Promise<string> | undefined;

/**
 * Checked against a throw-away hash when there is no real one to check, so an unknown or disabled
 * username costs as much time as a real one and timing tells an attacker nothing. A throttled try
 * needs none: its answer names the wait whether or not the username exists.
 */
async function spendVerificationTime(password: string): Promise<void> {
  timingHash ??= hashPassword("timing-equaliser-not-a-password");
  await verifyPassword(await timingHash, password);
}

async function findUser(db: Executor, username: string): Promise<UserRow | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.trim().toLowerCase()));
  return user;
}

/** A right code of a time step after the last one accepted; taking the step is atomic, so a code works once. */
async function acceptSecondFactor(db: Executor, user: UserRow, code: string | undefined): Promise<boolean> {
  if (!user.totpSecret) return true;
  const step = acceptedTotpStep(user.totpSecret, user.username, code ?? "");
  if (step === null) return false;
  const [taken] = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return taken !== undefined;
}

/**
 * The try is reserved before anything is checked (see sign-in-throttle.ts), so guesses sent at once
 * cannot outrun the limit; a success gives it back. The reason for a refusal stays on the server.
 */
export async function authenticate(db: Database, attempt: SignInAttempt): Promise<SignInOutcome> {
  const reservation = await reserveSignInTry(db, attempt.username, attempt.ip);
  if (!reservation.allowed) {
    if (reservation.lockedNow.length > 0) await recordLock(db, attempt, reservation.lockedNow);
    logger.info({ event: "auth.signInRefused", reason: "throttled", ip: attempt.ip }, "sign-in refused");
    return { kind: "throttled", retryAfterMinutes: reservation.retryAfterMinutes };
  }
  const user = await findUser(db, attempt.username);
  if (!user || user.disabled) {
    await spendVerificationTime(attempt.password);
    return refused(user ? "disabled" : "unknownUser", attempt);
  }
  if (!(await verifyPassword(user.passwordHash, attempt.password))) return refused("wrongPassword", attempt);
  if (attempt.password === DEMO_PASSWORD && !(await isDemoDataLoaded(db))) return refused("demoPasswordOutsideDemo", attempt);
  if (!isRole(user.role)) return refused("unknownRole", attempt);
  if (!(await acceptSecondFactor(db, user, attempt.code))) return refused("wrongSecondFactor", attempt);
  await returnSignInTry(db, attempt.username, attempt.ip);
  await auditSignInEvent(db, user, attempt, "auth.signIn");
  return {
    kind: "signedIn",
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, tokenVersion: user.tokenVersion },
  };
}

/**
 * A lock has just started on a username: audited for unknown usernames too (with no account named),
 * so that nothing a lock leaves behind differs between a real username and an invented one.
 */
async function recordLock(db: Database, attempt: SignInAttempt, scopes: ThrottleScope[]): Promise<void> {
  await forgetStaleSignInTries(db);
  logger.warn({ event: "auth.locked", scopes, ip: attempt.ip }, "sign-in locked");
  if (!scopes.some((scope) => scope !== "address")) return;
  const user = await findUser(db, attempt.username);
  const typed = { id: null, username: throttledUsername(attempt.username) };
  await auditSignInEvent(db, user ?? typed, attempt, "auth.locked", { scopes });
}

async function auditSignInEvent(
  db: Database,
  user: { id: string | null; username: string },
  attempt: SignInAttempt,
  action: "auth.signIn" | "auth.locked",
  after?: unknown,
): Promise<void> {
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: user.id,
      actorLabel: user.username,
      action,
      entity: "user",
      entityId: user.id,
      after,
      ip: attempt.ip,
      userAgent: attempt.userAgent,
    }),
  );
}
