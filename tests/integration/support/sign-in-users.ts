import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/argon2";
import { uniqueSuffix } from "./factories";

export type UserRow = typeof users.$inferSelect;

/** A staff user whose password hash is real, so authenticate() can check it. */
export async function createUserWithPassword(
  db: Executor,
  password: string,
  values: Partial<typeof users.$inferInsert> = {},
): Promise<UserRow> {
  const username = `signin-${uniqueSuffix()}`;
  const [user] = await db
    .insert(users)
    .values({ username, displayName: username, role: "registrar", passwordHash: await hashPassword(password), ...values })
    .returning();
  if (!user) throw new Error("insert returned no row");
  return user;
}

export async function readUser(db: Executor, userId: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new Error(`user ${userId} not found`);
  return user;
}

let addressesHandedOut = 0;

/** A fresh documentation-range address per call, so one test's failures never count against another's. */
export function uniqueIpAddress(): string {
  addressesHandedOut += 1;
  return `198.51.${Math.floor(addressesHandedOut / 250)}.${(addressesHandedOut % 250) + 1}`;
}
