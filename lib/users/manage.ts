import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { hashPassword } from "@/lib/auth/argon2";
import { serverPasswordProblem } from "@/lib/auth/breached-passwords";
import { PASSWORD_PROBLEM_MESSAGES } from "@/lib/auth/schemas/new-password";
import { activeSignInLocks, liftSignInLocks } from "@/lib/auth/sign-in-throttle";
import { lockAdminMembership, refuseAdminLockout } from "./admin-guard";
import { auditedNewUser, auditedState } from "./audit-state";
import { insertUser } from "./insert-user";
import type {
  ChangeRoleValues,
  CreateUserValues,
  LiftSignInLocksValues,
  ResetPasswordValues,
  ResetSecondFactorValues,
  SetDisabledValues,
} from "./schemas";

/** The user's new row version, which the form needs for its next change. */
export interface UserChange {
  version: number;
}

async function lockUser(tx: Transaction, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new ActionRefusal("notFound", "Users.notFound");
  return user;
}

/**
 * Applies `changes` only if the row still has the version the form read, and moves the token version
 * on, so every session of that user ends at its next request and the change takes effect at once.
 */
async function updateAndSignOut(
  tx: Transaction,
  target: { userId: string; version: number },
  changes: Partial<typeof users.$inferInsert>,
) {
  const [updated] = await tx
    .update(users)
    .set({
      ...changes,
      tokenVersion: sql`${users.tokenVersion} + 1`,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, target.userId), eq(users.version, target.version)))
    .returning();
  if (!updated) throw new ActionRefusal("conflict", "Users.changedBySomeoneElse");
  return updated;
}

/** The whole password policy, breached-password list included, which the browser's form cannot check. */
async function refuseWeakPassword(password: string, username: string): Promise<void> {
  const problem = await serverPasswordProblem(password, username);
  if (problem) throw new ActionRefusal("invalid", "Actions.invalid", { newPassword: PASSWORD_PROBLEM_MESSAGES[problem] });
}

/** An account created by an administrator: its temporary password must be changed at first sign-in. */
export async function createUserAccount({ input, tx, audit }: ActionContext<CreateUserValues>): Promise<{ userId: string }> {
  await refuseWeakPassword(input.newPassword, input.username);
  const user = await insertUser(tx, input, { mustChangePassword: true });
  if (!user) throw new ActionRefusal("invalid", "Actions.invalid", { username: "usernameTaken" });
  // The temporary password and its hash stay out of the audit log.
  await audit({ action: "user.create", entity: "user", entityId: user.id, after: auditedNewUser(user) });
  return { userId: user.id };
}

export async function changeUserAccountRole({ input, session, tx, audit }: ActionContext<ChangeRoleValues>): Promise<UserChange> {
  await lockAdminMembership(tx);
  const user = await lockUser(tx, input.userId);
  if (user.role === input.role) throw new ActionRefusal("invalid", "Actions.invalid", { role: "Users.roleUnchanged" });
  if (input.role !== "admin") await refuseAdminLockout(tx, session.userId, user);
  const updated = await updateAndSignOut(tx, input, { role: input.role });
  await audit({ action: "user.changeRole", entity: "user", entityId: user.id, before: auditedState(user), after: auditedState(updated) });
  return { version: updated.version };
}

export async function setUserAccountDisabled({ input, session, tx, audit }: ActionContext<SetDisabledValues>): Promise<UserChange> {
  await lockAdminMembership(tx);
  const user = await lockUser(tx, input.userId);
  if (input.disabled) await refuseAdminLockout(tx, session.userId, user);
  const updated = await updateAndSignOut(tx, input, { disabled: input.disabled });
  await audit({
    action: input.disabled ? "user.disable" : "user.enable",
    entity: "user",
    entityId: user.id,
    before: auditedState(user),
    after: auditedState(updated),
  });
  return { version: updated.version };
}

/**
 * A new temporary password: the user is signed out everywhere, any sign-in lock is lifted (the admin
 * has just vouched for them), and they must choose their own password at next sign-in.
 */
export async function resetUserAccountPassword({ input, tx, audit }: ActionContext<ResetPasswordValues>): Promise<UserChange> {
  const user = await lockUser(tx, input.userId);
  await refuseWeakPassword(input.newPassword, user.username);
  const passwordHash = await hashPassword(input.newPassword);
  const updated = await updateAndSignOut(tx, input, { passwordHash, mustChangePassword: true });
  await liftSignInLocks(tx, user.username);
  await audit({ action: "user.resetPassword", entity: "user", entityId: user.id, before: auditedState(user), after: auditedState(updated) });
  return { version: updated.version };
}

/**
 * Lets the user sign in again at once, from every address: for the person at the desk who is locked
 * out while someone else guesses. The locks lifted are named in the audit entry.
 */
export async function liftUserSignInLocks({ input, tx, audit }: ActionContext<LiftSignInLocksValues>): Promise<{ lifted: number }> {
  const user = await lockUser(tx, input.userId);
  const locks = await activeSignInLocks(tx, [user.username]);
  const lifted = await liftSignInLocks(tx, user.username);
  await audit({
    action: "user.liftSignInLocks",
    entity: "user",
    entityId: user.id,
    before: { locks: locks.map((lock) => ({ address: lock.address, lockedUntil: lock.lockedUntil.toISOString() })) },
  });
  return { lifted };
}

/**
 * For a lost or replaced phone: the authenticator is switched off and the user signed out everywhere;
 * where a second factor is required they must enrol a new one before anything else.
 */
export async function resetUserSecondFactor({ input, tx, audit }: ActionContext<ResetSecondFactorValues>): Promise<UserChange> {
  const user = await lockUser(tx, input.userId);
  if (!user.totpEnabledAt && !user.totpPendingSecret) throw new ActionRefusal("refused", "Users.secondFactorNotSet");
  const updated = await updateAndSignOut(tx, input, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
  await audit({
    action: "user.resetSecondFactor",
    entity: "user",
    entityId: user.id,
    before: { secondFactor: user.totpEnabledAt !== null },
    after: { secondFactor: false },
  });
  return { version: updated.version };
}
