import { getCurrentSession, type StaffSession } from "@/lib/auth/current-session";
import { can, type Permission } from "@/lib/auth/permissions";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Route handlers check the session and permission themselves (the proxy only redirects pages):
 * 401 when signed out, 403 without the permission or before a required password change or
 * second-factor set-up.
 */
export async function authoriseRoute(permission: Permission): Promise<{ session: StaffSession } | { response: Response }> {
  const session = await getCurrentSession();
  if (!session) return { response: Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE }) };
  if (session.mustChangePassword || session.mustEnrolSecondFactor || !can(session.role, permission)) {
    return { response: Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE }) };
  }
  return { session };
}

export function privateJson(body: unknown): Response {
  return Response.json(body, { headers: NO_STORE });
}
