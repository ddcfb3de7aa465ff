import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { users } from "@/db/schema";
import { getDb } from "@/lib/server/database";
import { authOptions } from "./next-auth-options";
import { isRole, type Role } from "./permissions";

export interface StaffSession {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * The signed-in staff member, or null. The signed token alone is not trusted: the user must still
 * exist, be enabled and carry the token's version, so disabling a user, changing a role or resetting
 * a password signs them out everywhere on their next request. Read once per request.
 */
export const getCurrentSession = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || session.tv === undefined) return null;
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, session.uid));
  if (!user || user.disabled || user.tokenVersion !== session.tv || !isRole(user.role)) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
  };
});
