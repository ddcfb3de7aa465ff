import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { getCurrentSession } from "@/lib/auth/current-session";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser } from "./support/factories";

/** What getServerSession hands over for a signed-in browser: the token's user id and version. */
interface BrowserSession {
  expires: string;
  uid: string;
  tv: number;
  /** Not something the app puts in a token: here to show a role carried by the token is ignored. */
  role?: string;
}

const browser = vi.hoisted(() => ({
  session: null as BrowserSession | null,
  db: undefined as Database | undefined,
}));

vi.mock("next-auth", () => ({ getServerSession: async () => browser.session }));
vi.mock("@/lib/server/database", () => ({
  getDb: async () => {
    if (!browser.db) throw new Error("no test database is open");
    return browser.db;
  },
}));

const backends = await testBackends();

function signedInBrowser(user: { id: string; tokenVersion: number }, extra: Partial<BrowserSession> = {}): void {
  browser.session = { expires: new Date(Date.now() + 3_600_000).toISOString(), uid: user.id, tv: user.tokenVersion, ...extra };
}

function bumpTokenVersion(db: Database, userId: string) {
  return db.update(users).set({ tokenVersion: sql`${users.tokenVersion} + 1` }).where(eq(users.id, userId));
}

describeOnEachBackend(backends, "a signed-in session after the user changes", (database) => {
  beforeEach(() => {
    browser.db = database().db;
    browser.session = null;
  });

  it("a browser's token gives the staff session of its user", async () => {
    const user = await createUser(database().db, "registrar");
    signedInBrowser(user);
    expect(await getCurrentSession()).toEqual({
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "registrar",
      mustChangePassword: false,
    });
  });

  it("no token, no session", async () => {
    expect(await getCurrentSession()).toBeNull();
  });

  it("a token naming no user gives no session", async () => {
    signedInBrowser({ id: randomUUID(), tokenVersion: 0 });
    expect(await getCurrentSession()).toBeNull();
  });

  it("disabling the user ends the session at the very next request", async () => {
    const db = database().db;
    const user = await createUser(db, "forensic");
    signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    await db.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toBeNull();
  });

  it("a new token version (role change, password reset) ends the session; a token of the new version works", async () => {
    const db = database().db;
    const user = await createUser(db, "viewer");
    signedInBrowser(user);
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
    await bumpTokenVersion(db, user.id);
    expect(await getCurrentSession()).toBeNull();

    signedInBrowser({ id: user.id, tokenVersion: user.tokenVersion + 1 });
    expect(await getCurrentSession()).toMatchObject({ userId: user.id });
  });

  it("the role comes from the database, not from the token", async () => {
    const db = database().db;
    const user = await createUser(db, "viewer");
    signedInBrowser(user, { role: "admin" });
    expect(await getCurrentSession()).toMatchObject({ role: "viewer" });
    await db.update(users).set({ role: "registrar" }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toMatchObject({ role: "registrar" });
  });

  it("a password that must be changed is read from the database too", async () => {
    const db = database().db;
    const user = await createUser(db, "registrar");
    signedInBrowser(user);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id));
    expect(await getCurrentSession()).toMatchObject({ userId: user.id, mustChangePassword: true });
  });
});
