import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/server/database";
import { errorWithoutValues, logger } from "@/lib/server/logger";
import { authenticate } from "./authenticate";
import { sameOriginCallback } from "./callback-url";
import { metadataFromHeaders } from "./request-metadata";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { endStaffSession, forgetOldStaffSessions, startStaffSession } from "./staff-sessions";
import { environment } from "@/lib/env";

/**
 * An idle token lapses after a working day; whatever the use, the server-side session behind it
 * ends twelve hours after sign-in (staff-sessions.ts), and sign-out ends it at once.
 */
const SESSION_SECONDS = 8 * 60 * 60;

/** The error a throttled sign-in hands the form, with the minutes to wait: "SignInThrottled:15". */
export const THROTTLED_ERROR = "SignInThrottled";

/**
 * What the form gets when the sign-in could not be checked (the database unreachable, as during a
 * failover): next-auth would otherwise put the thrown message, a failed query's SQL with the typed
 * username and the client's address, into the redirect's URL and so into the proxy's access log.
 */
export const UNAVAILABLE_ERROR = "SignInUnavailable";

export const authOptions: NextAuthOptions = {
  secret: environment().AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_SECONDS },
  // next-auth's own format under a key derived once rather than per token (session-token.ts).
  jwt: { maxAge: SESSION_SECONDS, encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/ar/login", error: "/ar/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, request) {
        try {
          return await authorizeCredentials(credentials, request);
        } catch (error) {
          if (error instanceof Error && error.message.startsWith(`${THROTTLED_ERROR}:`)) throw error;
          logger.error({ event: "auth.signInUnavailable", ...errorWithoutValues(error) }, "sign-in could not be checked");
          throw new Error(UNAVAILABLE_ERROR);
        }
      },
    }),
  ],
  callbacks: {
    // Only the user id, token version and session id travel in the token; role and status are read afresh.
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.tv = user.tokenVersion;
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.uid = typeof token.uid === "string" ? token.uid : undefined;
      session.tv = typeof token.tv === "number" ? token.tv : undefined;
      session.sid = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
    // next-auth's default throws on a malformed address (a server error); anything not ours goes home.
    redirect({ url, baseUrl }) {
      return sameOriginCallback(url, baseUrl) ?? baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      await endStaffSession(await getDb(), token.sid);
    },
  },
};

type Credentials = Record<"username" | "password" | "code", string> | undefined;

/** The credentials checked against the database: a user, null when refused, or a throttle error. */
async function authorizeCredentials(credentials: Credentials, request: { headers?: Record<string, string | string[] | undefined> }) {
  if (!credentials?.username || !credentials.password) return null;
  const db = await getDb();
  const outcome = await authenticate(db, {
    username: credentials.username,
    password: credentials.password,
    code: credentials.code,
    ...metadataFromHeaders(request.headers ?? {}),
  });
  // next-auth hands a thrown message to the form as its error: the wait is shown to the person.
  if (outcome.kind === "throttled") throw new Error(`${THROTTLED_ERROR}:${outcome.retryAfterMinutes}`);
  if (outcome.kind === "refused") return null;
  await forgetOldStaffSessions(db);
  const sessionId = await startStaffSession(db, outcome.user.id);
  return { id: outcome.user.id, name: outcome.user.displayName, tokenVersion: outcome.user.tokenVersion, sessionId };
}
