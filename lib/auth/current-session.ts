import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { environment } from "@/lib/env";
import { getDb } from "@/lib/server/database";
import { isRole, type Role } from "./permissions";
import { secondFactorRequired } from "./second-factor-policy";
import { decodeSessionToken } from "./session-token";
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
 *
 * The token is read from the session cookie with next-auth's `getToken` (its cookie name, its
 * chunked cookies) and decoded under the once-derived key (session-token.ts). next-auth's
 * getServerSession did the same and more that a server component or route handler cannot use: it
 * ran the whole session endpoint, re-encrypting the token for a cookie it then could not set, about
 * a fifth of a typed search's server time (issue 30). Only cookies count, as before: an
 * Authorization header is never read (the empty headers below), so no other way in is opened.
 */
export const getCurrentSession = cache(async (): Promise<StaffSession | null> => {
  // getToken reads only these two of a request: the cookies (through getAll) and the headers.
  const request = { cookies: await cookies(), headers: new Headers() } as unknown as NextRequest;
  const token = await getToken({ req: request, secret: environment().AUTH_SECRET, decode: decodeSessionToken });
  const uid = typeof token?.uid === "string" ? token.uid : undefined;
  const tv = typeof token?.tv === "number" ? token.tv : undefined;
  if (!uid || tv === undefined) return null;
  const user = await userOfLiveSession(await getDb(), { uid, sid: token?.sid });
  if (!user || user.disabled || user.tokenVersion !== tv || !isRole(user.role)) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    mustChangePassword: user.mustChangePassword,
    mustEnrolSecondFactor: secondFactorRequired(user.role) && user.totpEnabledAt === null,
  };
});
