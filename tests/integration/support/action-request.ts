import { and, eq } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { StaffSession } from "@/lib/auth/current-session";

/**
 * What a request would bring to a server action — the signed-in user, the client's address, the
 * database — supplied by the test through the vi.mock factories that read this object.
 */
export const actionRequest: { db: Database | undefined; session: StaffSession | null } = { db: undefined, session: null };

export const TEST_REQUEST_METADATA = { ip: "10.0.0.9", userAgent: "users integration test" };

export function requestDatabase(): Database {
  if (!actionRequest.db) throw new Error("the test has not chosen a database for its actions");
  return actionRequest.db;
}

export function signInAs(user: typeof users.$inferSelect): StaffSession {
  actionRequest.session = {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
  return actionRequest.session;
}

export async function readUser(db: Executor, id: string) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  if (!user) throw new Error(`user ${id} does not exist`);
  return user;
}

export function auditEntriesFor(db: Executor, entity: string, entityId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
}
