import "server-only";
import { getCurrentSession, type StaffSession } from "@/lib/auth/current-session";
import { can, type Permission } from "@/lib/auth/permissions";
import { isSameOriginRequest } from "@/lib/security/request-origin";
import { authoriseRead, type ReadAccess } from "@/lib/auth/read-access";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Every staff route handler starts here: 403 for a request another site sent (a link or form there
 * would otherwise carry the staff member's cookies), then it checks the session and permission
 * itself (the proxy only redirects pages): 401 when signed out, 403 without the permission or
 * before a required password change or second-factor set-up. It hands back the capability the
 * handler's reads take.
 */
export async function authoriseRoute<P extends Permission>(
  request: Request,
  permission: P,
): Promise<{ session: StaffSession; read: ReadAccess<P> } | { response: Response }> {
  if (!isSameOriginRequest(request)) return { response: Response.json({ error: "crossSite" }, { status: 403, headers: NO_STORE }) };
  const session = await getCurrentSession();
  if (!session) return { response: Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE }) };
  if (session.mustChangePassword || session.mustEnrolSecondFactor || !can(session.role, permission)) {
    return { response: Response.json({ error: "forbidden" }, { status: 403, headers: NO_STORE }) };
  }
  return { session, read: authoriseRead(session, permission) };
}

/**
 * A staff route's JSON: never stored, and sent as it is. `no-transform` also keeps Next from
 * compressing it (its compression honours the directive): these answers are a few kilobytes, and
 * starting a compressor for each cost a typed search about a tenth of its server time (issue 30).
 */
const PRIVATE_JSON = { "Cache-Control": "no-store, no-transform" };

export function privateJson(body: unknown): Response {
  return Response.json(body, { headers: PRIVATE_JSON });
}
