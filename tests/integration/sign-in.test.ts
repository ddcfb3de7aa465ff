import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { systemSettings, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import { authenticate, type SignInAttempt } from "@/lib/auth/authenticate";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { markDemoDataLoaded } from "@/lib/system/demo-mode";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { uniqueSuffix } from "./support/factories";
import { createUserWithPassword, readUser, uniqueIpAddress, type UserRow } from "./support/sign-in-users";

vi.mock("@/lib/auth/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/argon2")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const PASSWORD = "correct horse battery staple";
const WRONG_PASSWORD = "not the password at all";
const FAILURES_BEFORE_LOCK = 5;
const IP_FAILURE_LIMIT = 20;
const MINUTE = 60_000;

const backends = await testBackends();

function attempt(user: Pick<UserRow, "username">, password: string, ip: string): SignInAttempt {
  return { username: user.username, password, ip, userAgent: "sign-in-test" };
}

async function failRepeatedly(db: Database, times: number, signIn: SignInAttempt): Promise<void> {
  for (let failure = 0; failure < times; failure += 1) expect(await authenticate(db, signIn)).toBeNull();
}

/** How long the user stays locked from now, in minutes (NaN when not locked). */
async function minutesLocked(db: Database, userId: string): Promise<number> {
  const { lockedUntil } = await readUser(db, userId);
  return lockedUntil ? (lockedUntil.getTime() - Date.now()) / MINUTE : Number.NaN;
}

async function moveLockIntoThePast(db: Database, userId: string): Promise<void> {
  await db.update(users).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.id, userId));
}

describeOnEachBackend(backends, "signing in with a username and password", (database) => {
  beforeEach(() => {
    vi.mocked(verifyPassword).mockClear();
  });

  it("the right password signs in, clears the failure count and writes an auth.signIn audit entry", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD, { role: "forensic" });
    const ip = uniqueIpAddress();
    await failRepeatedly(db, 2, attempt(user, WRONG_PASSWORD, ip));
    expect((await readUser(db, user.id)).failedLoginCount).toBe(2);

    const lastEntryBefore = await lastAuditEntryId(db);
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: "forensic",
      tokenVersion: user.tokenVersion,
    });
    expect((await readUser(db, user.id)).failedLoginCount).toBe(0);
    expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([
      { action: "auth.signIn", actorId: user.id, entity: "user", entityId: user.id, ip, userAgent: "sign-in-test" },
    ]);
  });

  it("the username is matched without regard to case or surrounding spaces", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const shouted = { username: `  ${user.username.toUpperCase()} ` };
    expect(await authenticate(db, attempt(shouted, PASSWORD, uniqueIpAddress()))).toMatchObject({ id: user.id });
  });

  it("a wrong password, an unknown username, a disabled user and a locked user all get the same null", async () => {
    const db = database().db;
    const ip = uniqueIpAddress();
    const active = await createUserWithPassword(db, PASSWORD);
    const disabled = await createUserWithPassword(db, PASSWORD, { disabled: true });
    const locked = await createUserWithPassword(db, PASSWORD, { lockedUntil: new Date(Date.now() + 10 * MINUTE) });
    const answers = [
      await authenticate(db, attempt(active, WRONG_PASSWORD, ip)),
      await authenticate(db, attempt({ username: `nobody-${uniqueSuffix()}` }, PASSWORD, ip)),
      await authenticate(db, attempt(disabled, PASSWORD, ip)),
      await authenticate(db, attempt(locked, PASSWORD, ip)),
    ];
    expect(answers).toEqual([null, null, null, null]);
  });

  it("four wrong passwords do not lock the account: the right one still signs in", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    await failRepeatedly(db, FAILURES_BEFORE_LOCK - 1, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toMatchObject({ id: user.id });
  });

  it("after five wrong passwords even the right password is refused, and the lock is audited", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    const lastEntryBefore = await lastAuditEntryId(db);
    await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toBeNull();
    expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([{ action: "auth.locked", entityId: user.id }]);
  });

  it("once the lock has run out the right password signs in again", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toBeNull();
    await moveLockIntoThePast(db, user.id);
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toMatchObject({ id: user.id });
  });

  it("the first lock lasts about 15 minutes and the next one about twice as long", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
    const firstLock = await minutesLocked(db, user.id);
    expect(firstLock).toBeGreaterThan(14);
    expect(firstLock).toBeLessThanOrEqual(15.5);

    await moveLockIntoThePast(db, user.id);
    await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
    const secondLock = await minutesLocked(db, user.id);
    expect(secondLock).toBeGreaterThan(29);
    expect(secondLock).toBeLessThanOrEqual(30.5);
  });

  it("twenty failures from one address refuse its next attempt, right credentials or not, while another address signs in", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const sprayingAddress = uniqueIpAddress();
    for (let failure = 0; failure < IP_FAILURE_LIMIT - 1; failure += 1) {
      const unknown = { username: `sprayed-${failure}-${uniqueSuffix()}` };
      expect(await authenticate(db, attempt(unknown, PASSWORD, sprayingAddress))).toBeNull();
    }
    // Nineteen are still allowed: the right credentials get through.
    expect(await authenticate(db, attempt(user, PASSWORD, sprayingAddress))).toMatchObject({ id: user.id });

    expect(await authenticate(db, attempt({ username: `sprayed-last-${uniqueSuffix()}` }, PASSWORD, sprayingAddress))).toBeNull();
    expect(await authenticate(db, attempt(user, PASSWORD, sprayingAddress))).toBeNull();
    expect(await authenticate(db, attempt(user, PASSWORD, uniqueIpAddress()))).toMatchObject({ id: user.id });
  });

  it("the public demo password is refused until the demo data is loaded, then accepted", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, DEMO_PASSWORD);
    const ip = uniqueIpAddress();
    await db.delete(systemSettings);
    try {
      expect(await authenticate(db, attempt(user, DEMO_PASSWORD, ip))).toBeNull();
      await markDemoDataLoaded(db);
      expect(await authenticate(db, attempt(user, DEMO_PASSWORD, ip))).toMatchObject({ id: user.id });
    } finally {
      await db.delete(systemSettings);
    }
  });

  it("every refusal spends one password verification, as a real user's attempt does", async () => {
    const db = database().db;
    const ip = uniqueIpAddress();
    const active = await createUserWithPassword(db, PASSWORD);
    const disabled = await createUserWithPassword(db, PASSWORD, { disabled: true });
    const locked = await createUserWithPassword(db, PASSWORD, { lockedUntil: new Date(Date.now() + 10 * MINUTE) });
    const attempts = {
      "right password": attempt(active, PASSWORD, ip),
      "wrong password": attempt(active, WRONG_PASSWORD, ip),
      "unknown username": attempt({ username: `nobody-${uniqueSuffix()}` }, PASSWORD, ip),
      "another unknown username": attempt({ username: `nobody-${uniqueSuffix()}` }, WRONG_PASSWORD, ip),
      "disabled user": attempt(disabled, PASSWORD, ip),
      "locked user": attempt(locked, PASSWORD, ip),
    };
    const verificationsPerAttempt: Record<string, number> = {};
    for (const [kind, signIn] of Object.entries(attempts)) {
      vi.mocked(verifyPassword).mockClear();
      await authenticate(db, signIn);
      verificationsPerAttempt[kind] = vi.mocked(verifyPassword).mock.calls.length;
    }
    expect(verificationsPerAttempt).toEqual(Object.fromEntries(Object.keys(attempts).map((kind) => [kind, 1])));
  });
});
