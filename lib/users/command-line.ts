import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import { hashPassword } from "@/lib/auth/argon2";
import { serverPasswordProblem } from "@/lib/auth/breached-passwords";
import { activeSignInLocks, liftSignInLocks } from "@/lib/auth/sign-in-throttle";
import english from "@/lib/i18n/messages/en";
import { PASSWORD_PROBLEM_MESSAGES } from "@/lib/auth/schemas/new-password";
import { auditedState } from "./audit-state";

/**
 * What the administrator's users page does, for whoever holds the server when no administrator can
 * sign in (`npm run user:list`, `user:unlock`, `user:reset-password`). Each change is one transaction
 * with its audit entry, by "command line", as `npm run user:create` records.
 */

/** A refusal the command prints as one line. */
export class UserCommandError extends Error {}

const byCommandLine = (entry: Omit<AuditEntryInput, "actorId" | "actorLabel">): AuditEntryInput => ({ actorId: null, actorLabel: "command line", ...entry });

async function lockUserNamed(tx: Transaction, username: string) {
  const [user] = await tx.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).for("update");
  if (!user) throw new UserCommandError(`There is no account named "${username}" (npm run user:list shows them).`);
  return user;
}

export interface ListedUser {
  username: string;
  role: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  twoStep: boolean;
  lockedUntil: Date | null;
}

/** Every account, with what the users page shows of it; no password hash, no second-factor secret. */
export async function listUsers(db: Database): Promise<ListedUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  const locks = await activeSignInLocks(db, rows.map((row) => row.username));
  return rows.map((row) => {
    const own = locks.filter((lock) => lock.username === row.username.toLowerCase()).map((lock) => lock.lockedUntil.getTime());
    return {
      username: row.username,
      role: row.role,
      displayName: row.displayName,
      disabled: row.disabled,
      mustChangePassword: row.mustChangePassword,
      twoStep: row.totpEnabledAt !== null,
      lockedUntil: own.length > 0 ? new Date(Math.max(...own)) : null,
    };
  });
}

/** Lifts every sign-in lock on the account, from every address; the locks lifted go in the audit entry. */
export async function unlockUser(db: Database, username: string): Promise<number> {
  return runTransaction(db, async (tx) => {
    const user = await lockUserNamed(tx, username);
    const locks = await activeSignInLocks(tx, [user.username]);
    const lifted = await liftSignInLocks(tx, user.username);
    await appendAuditEntry(
      tx,
      byCommandLine({
        action: "user.liftSignInLocks",
        entity: "user",
        entityId: user.id,
        before: { locks: locks.map((lock) => ({ address: lock.address, lockedUntil: lock.lockedUntil.toISOString() })) },
      }),
    );
    return lifted;
  });
}

/**
 * A new temporary password, under the same policy as the users page: signed out everywhere, locks
 * lifted, and a password of their own to choose at the next sign-in.
 */
export async function resetUserPassword(db: Database, username: string, password: string): Promise<void> {
  const problem = await serverPasswordProblem(password, username);
  if (problem) throw new UserCommandError(`password: ${english.Validation[PASSWORD_PROBLEM_MESSAGES[problem]]}`);
  const passwordHash = await hashPassword(password);
  await runTransaction(db, async (tx) => {
    const user = await lockUserNamed(tx, username);
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, tokenVersion: sql`${users.tokenVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, user.id))
      .returning();
    if (!updated) throw new UserCommandError(`The account "${username}" could not be changed.`);
    await liftSignInLocks(tx, user.username);
    await appendAuditEntry(tx, byCommandLine({ action: "user.resetPassword", entity: "user", entityId: user.id, before: auditedState(user), after: auditedState(updated) }));
  });
}
