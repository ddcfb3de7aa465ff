import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { users } from "@/db/schema";
import { isUniqueViolation } from "@/db/unique-violation";
import { hashPassword } from "@/lib/auth/argon2";
import type { CreateUserValues } from "./schemas";

export type NewUser = Pick<CreateUserValues, "username" | "displayName" | "role" | "locale" | "newPassword">;

/** "Admin" and "admin" are the same username: sign-in compares them without regard to case. */
export async function isUsernameTaken(executor: Executor, username: string): Promise<boolean> {
  const [existing] = await executor
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()));
  return existing !== undefined;
}

/**
 * Inserts the account and returns it, or null when the username is taken. The check comes first for
 * a clear answer; the unique index still catches two administrators creating the same name at once,
 * inside a savepoint so that the caller's transaction stays usable.
 */
export async function insertUser(tx: Transaction, newUser: NewUser, options: { mustChangePassword: boolean }) {
  if (await isUsernameTaken(tx, newUser.username)) return null;
  const passwordHash = await hashPassword(newUser.newPassword);
  try {
    // A savepoint inside the caller's transaction, which runTransaction already watches.
    // eslint-disable-next-line no-restricted-syntax -- a savepoint, not a transaction
    return await tx.transaction(async (savepoint) => {
      const [user] = await savepoint
        .insert(users)
        .values({
          username: newUser.username,
          displayName: newUser.displayName,
          role: newUser.role,
          locale: newUser.locale,
          passwordHash,
          mustChangePassword: options.mustChangePassword,
        })
        .returning();
      if (!user) throw new Error("the new user row was not returned");
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
