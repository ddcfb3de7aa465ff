import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { users } from "@/db/schema";
import type { StaffSession } from "@/lib/auth/current-session";
import type { Role } from "@/lib/auth/permissions";
import { createUser } from "./factories";

/** A real user row of the role and the session a signed-in browser of that user would carry. */
export async function createStaffSession(
  db: Executor,
  role: Role,
  options: { mustChangePassword: boolean } = { mustChangePassword: false },
): Promise<StaffSession> {
  const created = await createUser(db, role);
  const [user] = await db
    .update(users)
    .set({ mustChangePassword: options.mustChangePassword })
    .where(eq(users.id, created.id))
    .returning();
  if (!user) throw new Error("the user row vanished");
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    mustChangePassword: user.mustChangePassword,
  };
}
