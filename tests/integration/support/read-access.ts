import type { StaffSession } from "@/lib/auth/current-session";
import type { Permission, Role } from "@/lib/auth/permissions";
import { authoriseRead, type ReadAccess } from "@/lib/auth/read-access";

/** A signed-in session of the role, for reads that take only the session's role and id. */
export function sessionOf(role: Role, userId = "00000000-0000-4000-8000-000000000000"): StaffSession {
  return { userId, username: `${role}-reader`, displayName: `${role} reader`, role, mustChangePassword: false };
}

/** The capability a page of that role would hold; throws (as the page would) when the role may not read it. */
export function readAs<P extends Permission>(role: Role, permission: P): ReadAccess<P> {
  return authoriseRead(sessionOf(role), permission);
}
