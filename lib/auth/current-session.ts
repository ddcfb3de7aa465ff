import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/lib/server/database";
import { authOptions } from "./next-auth-options";
import { isRole, type Role } from "./permissions";
import { secondFactorRequired } from "./second-factor-policy";
import { userOfLiveSession } from "./staff-sessions";

export interface StaffSession {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  /** REQUIRE_MFA=1 and an admin or forensic account without an authenticator: enrol before anything else. */
  mustEnrolSecondFactor?: boolean;
}

/**
 * The signed-in staff member, or null. The signed token alone is not trusted: its server-side session
 * must still be live (not signed out, under twelve hours old), and the user must exist, be enabled and
 * carry the token's version, so disabling a user, changing a role or resetting a password signs them
 * out everywhere on their next request. Read once per request.
 */
export const getCurrentSession = cache(async (): Promise<StaffSession | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || session.tv === undefined) return null;
  const user = await userOfLiveSession(await getDb(), { uid: session.uid, sid: session.sid });
  if (!user || user.disabled || user.tokenVersion !== session.tv || !isRole(user.role)) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: secondFactorRequired(user.role) && user.totpEnabledAt === null,
  };
});
