import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { staffSessions, users } from "@/db/schema";
import { getCurrentSession } from "@/lib/auth/current-session";
import { authOptions } from "@/lib/auth/next-auth-options";
import { startStaffSession } from "@/lib/auth/staff-sessions";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";
import { forgetEnvironment } from "@/lib/env";

/** What a signed-in browser's session cookie carries: the token's user id and version. */
interface BrowserSession {
  uid: string;
  tv: number;
  /** The server-side session this token belongs to. */
  sid?: string;
  /** Not something the app puts in a token: here to show a role carried by the token is ignored. */
  role?: string;
}

const browser = vi.hoisted(() => ({
  session: null as BrowserSession | null,
  /** The secret the browser's token was sealed with: the server's, unless a test says otherwise. */
  secret: "",
  db: undefined as Database | undefined,
}));

const SECRET = "a-test-secret-of-more-than-thirty-two-characters";

/** The request's cookies as the browser sends them: the session token sealed as the sign-in seals it. */
vi.mock("next/headers", () => ({
  cookies: async () => {
    const { encodeSessionToken } = await import("@/lib/auth/session-token");
    const session = browser.session;
    const value = session ? await encodeSessionToken({ token: { ...session }, secret: browser.secret, maxAge: 3_600 }) : undefined;
    return { getAll: () => (value ? [{ name: "next-auth.session-token", value }] : []) };
  },
}));
vi.mock("@/lib/server/database", () => ({
  getDb: async () => {
    if (!browser.db) throw new Error("no test database is open");
    return browser.db;
  },
}));

const backends = await testBackends();

/** Signs the user in as a browser would: a server-side session, and a token naming it. */
async function signedInBrowser(user: { id: string; tokenVersion: number }, extra: Partial<BrowserSession> = {}): Promise<BrowserSession> {
  const sid = "sid" in extra || !browser.db ? extra.sid : await startStaffSession(browser.db, user.id);
  browser.session = { uid: user.id, tv: user.tokenVersion, sid, ...extra };
  return browser.session;
}

/** What the sign-out route does with the token it decodes from the browser's cookie. */
async function signOut(token: BrowserSession): Promise<void> {
  await authOptions.events?.signOut?.({ token: { uid: token.uid, tv: token.tv, sid: token.sid }, session: null as never });
}

function bumpTokenVersion(db: Database, userId: string) {
  return db.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId));
}

describeOnEachBackend(backends, "a signed-in session after the user changes", (database) => {
  const previousSecret = process.env.AUTH_SECRET;
  beforeAll(() => {
    process.env.AUTH_SECRET = SECRET;
    forgetEnvironment();
  });
  afterAll(() => {
    if (previousSecret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = previousSecret;
    forgetEnvironment();
  });
  beforeEach(() => {
    browser.db = database().db;
    browser.session = null;
    browser.secret = SECRET;
  });

  it("a browser's token gives the staff session of its user", async () => {
    const user = await createUser(database().db, "registrar");
    await signedInBrowser(user);
    expect(await getCurrentSession()).toEqual({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "registrar",
      mustChangePassword: false,
      mustEnrolSecondFactor: false,
    });
  });

  it("no token, no session", async () => {
    expect(await getCurrentSession()).toBeNull();
  });

  it("a token sealed with another secret gives no session", async () => {
    const user = await createUser(database().db, "registrar");
    await signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    browser.secret = "another-secret-of-more-than-thirty-two-characters";
    expect(await getCurrentSession()).toBeNull();
  });

  it("a token naming no user gives no session", async () => {
    await signedInBrowser({ id: randomUUID(), tokenVersion: 0 }, { sid: randomUUID() });
    expect(await getCurrentSession()).toBeNull();
  });

  it("disabling the user ends the session at the very next request", async () => {
    const db = database().db;
    const user = await createUser(db, "forensic");
    await signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toBeNull();
  });

  it("a new token version (role change, password reset) ends the session; a token of the new version works", async () => {
    const db = database().db;
    const user = await createUser(db, "viewer");
    await signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    await bumpTokenVersion(db, user.id);
    expect(await getCurrentSession()).toBeNull();

    await signedInBrowser({ id: user.id, tokenVersion: user.tokenVersion + 1 });
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
  });

  it("the role comes from the database, not from the token", async () => {
    const db = database().db;
    const user = await createUser(db, "viewer");
    await signedInBrowser(user, { role: "admin" });
    expect(await getCurrentSession()).toMatchObject({ role: "viewer" });
    await db.update(users).set({ role: "registrar" }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toMatchObject({ role: "registrar" });
  });

  it("a password that must be changed is read from the database too", async () => {
    const db = database().db;
    const user = await createUser(db, "registrar");
    await signedInBrowser(user);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toMatchObject({ userId: user.id, mustChangePassword: true });
  });

  it("a token replayed after its sign-out gives no session, while the same user's other device stays signed in", async () => {
    const user = await createUser(database().db, "registrar");
    const otherDevice = await signedInBrowser(user);
    const signedOutDevice = await signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    await signOut(signedOutDevice);
    browser.session = signedOutDevice;
    expect(await getCurrentSession()).toBeNull();
    browser.session = otherDevice;
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
  });

  it("a token without a server-side session gives no session", async () => {
    const user = await createUser(database().db, "registrar");
    await signedInBrowser(user, { sid: undefined });
    expect(await getCurrentSession()).toBeNull();
    await signedInBrowser(user, { sid: randomUUID() });
    expect(await getCurrentSession()).toBeNull();
  });

  it("a session ends twelve hours after sign-in, however recently it was used", async () => {
    const db = database().db;
    const user = await createUser(db, "viewer");
    const token = await signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    const startedLongAgo = sql`now() - interval '12 hours 1 minute'`;
    await db.update(staffSessions).set({ startedAt: startedLongAgo }).where(eq(staffSessions.id, token.sid ?? ""));
    expect(await getCurrentSession()).toBeNull();
  });

  it("a session of another user cannot be borrowed by a token naming it", async () => {
    const db = database().db;
    const owner = await createUser(db, "viewer");
    const { sid } = await signedInBrowser(owner);
    const other = await createUser(db, "admin");
    await signedInBrowser(other, { sid });
    expect(await getCurrentSession()).toBeNull();
  });

  it("with REQUIRE_MFA=1 an admin or forensic account without an authenticator must set one up first; other roles need not", async () => {
    const db = database().db;
    const previous = process.env.REQUIRE_MFA;
    process.env.REQUIRE_MFA = "1";
    forgetEnvironment();
    try {
      for (const [role, required] of [["admin", true], ["forensic", true], ["registrar", false], ["viewer", false]] as const) {
        await signedInBrowser(await createUser(db, role));
        expect(await getCurrentSession()).toMatchObject({ role, mustEnrolSecondFactor: required });
      }
      const enrolled = await createUser(db, "admin");
      await db.update(users).set({ totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() }).where(eq(users.id, enrolled.id));
      await signedInBrowser(enrolled);
      expect(await getCurrentSession()).toMatchObject({ mustEnrolSecondFactor: false });
    } finally {
      if (previous === undefined) delete process.env.REQUIRE_MFA;
      else process.env.REQUIRE_MFA = previous;
      forgetEnvironment();
    }
  });
});
