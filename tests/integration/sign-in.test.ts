import { eq, inArray, or, sql } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { staffSignInThrottles, systemSettings } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import { authenticate, type SignInAttempt, type SignInOutcome } from "@/lib/auth/authenticate";
import { DEMO_PASSWORD } from "@/lib/demo/users";
import { addressKey } from "@/lib/security/address-key";
import { markDemoDataLoaded } from "@/lib/system/demo-mode";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { uniqueSuffix } from "./support/factories";
import { createUserWithPassword, uniqueIpAddress, type UserRow } from "./support/sign-in-users";

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
  for (let failure = 0; failure < times; failure += 1) expect(await authenticate(db, signIn)).toEqual({ kind: "refused" });
}

/** How many times the account's own password hash was checked (the timing equaliser's hash is not counted). */
function checksAgainst(user: UserRow): number {
  return vi.mocked(verifyPassword).mock.calls.filter(([hash]) => hash === user.passwordHash).length;
}

/** The longest sign-in lock held against this username from now, in minutes (0 when none). */
async function longestLockMinutes(db: Database, username: string): Promise<number> {
  const rows = await db.select().from(staffSignInThrottles).where(eq(staffSignInThrottles.username, username.toLowerCase()));
  const ends = rows.map((row) => row.lockedUntil?.getTime() ?? 0);
  return Math.max(0, ...ends.map((end) => (end - Date.now()) / MINUTE));
}

/**
 * Moves every count and lock of this username, and of the addresses given, an hour and a minute into
 * the past: as if the longest lock had run out while the tries stayed counted.
 */
async function letTheLocksRunOut(db: Database, username: string, ...ips: string[]): Promise<void> {
  const hourAgo = sql`interval '61 minutes'`;
  const addresses = ips.map(addressKey);
  await db
    .update(staffSignInThrottles)
    .set({
      windowStartedAt: sql`${staffSignInThrottles.windowStartedAt} - ${hourAgo}`,
      lockedUntil: sql`${staffSignInThrottles.lockedUntil} - ${hourAgo}`,
    })
    .where(
      or(
        eq(staffSignInThrottles.username, username.toLowerCase()),
        addresses.length > 0 ? inArray(staffSignInThrottles.address, addresses) : undefined,
      ),
    );
}

const signedIn = (user: UserRow) => ({ kind: "signedIn", user: expect.objectContaining({ id: user.id }) as unknown });

describeOnEachBackend(backends, "signing in with a username and password", (database) => {
  beforeEach(() => {
    vi.mocked(verifyPassword).mockClear();
  });

  it("the right password signs in and writes an auth.signIn audit entry", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD, { role: "forensic" });
    const ip = uniqueIpAddress();
    await failRepeatedly(db, 2, attempt(user, WRONG_PASSWORD, ip));

    const lastEntryBefore = await lastAuditEntryId(db);
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual({
      kind: "signedIn",
      user: { id: user.id, username: user.username, displayName: user.displayName, role: "forensic", tokenVersion: user.tokenVersion },
    });
    expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([
      { action: "auth.signIn", actorId: user.id, entity: "user", entityId: user.id, ip, userAgent: "sign-in-test" },
    ]);
  });

  it("a success gives the tries back: four wrong, one right, four wrong again, and the right one still signs in", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    await failRepeatedly(db, FAILURES_BEFORE_LOCK - 1, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual(signedIn(user));
    await failRepeatedly(db, FAILURES_BEFORE_LOCK - 1, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual(signedIn(user));
  });

  it("the username is matched without regard to case or surrounding spaces", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const shouted = { username: `  ${user.username.toUpperCase()} ` };
    expect(await authenticate(db, attempt(shouted, PASSWORD, uniqueIpAddress()))).toEqual(signedIn(user));
  });

  it("a wrong password, an unknown username and a disabled user all get the same refusal", async () => {
    const db = database().db;
    const ip = uniqueIpAddress();
    const active = await createUserWithPassword(db, PASSWORD);
    const disabled = await createUserWithPassword(db, PASSWORD, { disabled: true });
    const answers = [
      await authenticate(db, attempt(active, WRONG_PASSWORD, ip)),
      await authenticate(db, attempt({ username: `nobody-${uniqueSuffix()}` }, PASSWORD, ip)),
      await authenticate(db, attempt(disabled, PASSWORD, ip)),
    ];
    expect(answers).toEqual([{ kind: "refused" }, { kind: "refused" }, { kind: "refused" }]);
  });

  it("after five wrong passwords even the right password is refused with the wait in minutes, and the lock is audited", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    const lastEntryBefore = await lastAuditEntryId(db);
    await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual({ kind: "throttled", retryAfterMinutes: 15 });
    expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([{ action: "auth.locked", entityId: user.id }]);
    await letTheLocksRunOut(db, user.username, ip);
    expect(await authenticate(db, attempt(user, PASSWORD, ip))).toEqual(signedIn(user));
  });

  it("fifty simultaneous wrong guesses check at most five against the hash; the right password from that address waits for the lock", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const attacker = uniqueIpAddress();
    const answers = await Promise.all(Array.from({ length: 50 }, () => authenticate(db, attempt(user, WRONG_PASSWORD, attacker))));
    expect(checksAgainst(user)).toBeLessThanOrEqual(FAILURES_BEFORE_LOCK);
    expect(answers.filter((answer) => answer.kind === "throttled").length).toBeGreaterThanOrEqual(45);

    expect(await authenticate(db, attempt(user, PASSWORD, attacker))).toMatchObject({ kind: "throttled" });
    expect(checksAgainst(user)).toBeLessThanOrEqual(FAILURES_BEFORE_LOCK);
    await letTheLocksRunOut(db, user.username, attacker);
    expect(await authenticate(db, attempt(user, PASSWORD, attacker))).toEqual(signedIn(user));
  });

  it("while an attacker's address is locked out of an account, its owner signs in from another address", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const attacker = uniqueIpAddress();
    await Promise.all(Array.from({ length: 30 }, () => authenticate(db, attempt(user, WRONG_PASSWORD, attacker))));
    expect(await authenticate(db, attempt(user, PASSWORD, attacker))).toMatchObject({ kind: "throttled" });
    expect(await authenticate(db, attempt(user, PASSWORD, uniqueIpAddress()))).toEqual(signedIn(user));
  });

  it("locks grow 15, 30, 60 minutes and then stay at one hour, however many rounds follow", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    const waits: number[] = [];
    for (let round = 0; round < 10; round += 1) {
      await failRepeatedly(db, FAILURES_BEFORE_LOCK, attempt(user, WRONG_PASSWORD, ip));
      const answer = await authenticate(db, attempt(user, WRONG_PASSWORD, ip));
      waits.push(answer.kind === "throttled" ? answer.retryAfterMinutes : 0);
      expect(await longestLockMinutes(db, user.username)).toBeLessThanOrEqual(60.5);
      await letTheLocksRunOut(db, user.username, ip);
    }
    expect(waits).toEqual([15, 30, 60, 60, 60, 60, 60, 60, 60, 60]);
  });

  it("IPv6 addresses count by their /64: a new address in the same /64 is still locked, another /64 is not", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const group = () => Math.floor(Math.random() * 0xffff).toString(16);
    const prefix = `2001:db8:${group()}:${group()}`;
    for (let host = 1; host <= FAILURES_BEFORE_LOCK; host += 1) {
      expect(await authenticate(db, attempt(user, WRONG_PASSWORD, `${prefix}::${host}`))).toEqual({ kind: "refused" });
    }
    expect(await authenticate(db, attempt(user, PASSWORD, `${prefix}:1:2:3:4`))).toMatchObject({ kind: "throttled" });
    expect(await authenticate(db, attempt(user, PASSWORD, "2001:db8:ffff:ffff::1"))).toEqual(signedIn(user));
  });

  it("an unknown username goes through the same refusals, lock message and audit trail as an existing one", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const ip = uniqueIpAddress();
    const answersFor = async (username: string) => {
      const answers: SignInOutcome[] = [];
      for (let guess = 0; guess < FAILURES_BEFORE_LOCK + 2; guess += 1) answers.push(await authenticate(db, attempt({ username }, WRONG_PASSWORD, ip)));
      return answers;
    };
    const auditedActions = async (run: () => Promise<SignInOutcome[]>) => {
      const before = await lastAuditEntryId(db);
      const answers = await run();
      return { answers, audited: (await auditEntriesAfter(db, before)).map((entry) => entry.action) };
    };
    const existing = await auditedActions(() => answersFor(user.username));
    const unknown = await auditedActions(() => answersFor(`nobody-${uniqueSuffix()}`));
    expect(unknown).toEqual(existing);
    expect(existing.answers.at(-1)).toEqual({ kind: "throttled", retryAfterMinutes: 15 });
    expect(existing.audited).toEqual(["auth.locked"]);
  });

  it("twenty failures from one address refuse its next attempt, right credentials or not, while another address signs in", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, PASSWORD);
    const sprayingAddress = uniqueIpAddress();
    for (let failure = 0; failure < IP_FAILURE_LIMIT - 1; failure += 1) {
      const unknown = { username: `sprayed-${failure}-${uniqueSuffix()}` };
      expect(await authenticate(db, attempt(unknown, PASSWORD, sprayingAddress))).toEqual({ kind: "refused" });
    }
    // Nineteen are still allowed: the right credentials get through.
    expect(await authenticate(db, attempt(user, PASSWORD, sprayingAddress))).toEqual(signedIn(user));

    expect(await authenticate(db, attempt({ username: `sprayed-last-${uniqueSuffix()}` }, PASSWORD, sprayingAddress))).toEqual({ kind: "refused" });
    expect(await authenticate(db, attempt(user, PASSWORD, sprayingAddress))).toMatchObject({ kind: "throttled" });
    expect(await authenticate(db, attempt(user, PASSWORD, uniqueIpAddress()))).toEqual(signedIn(user));
  });

  it("the public demo password is refused until the demo data is loaded, then accepted", async () => {
    const db = database().db;
    const user = await createUserWithPassword(db, DEMO_PASSWORD);
    const ip = uniqueIpAddress();
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- no settings at all: the demo data is not loaded
    await db.delete(systemSettings);
    try {
      expect(await authenticate(db, attempt(user, DEMO_PASSWORD, ip))).toEqual({ kind: "refused" });
      await markDemoDataLoaded(db);
      expect(await authenticate(db, attempt(user, DEMO_PASSWORD, ip))).toEqual(signedIn(user));
    } finally {
      // eslint-disable-next-line drizzle/enforce-delete-with-where -- back to no settings for the tests after this one
      await db.delete(systemSettings);
    }
  });

  it("every refusal that is not a lock spends one password verification, as a real user's attempt does", async () => {
    const db = database().db;
    const ip = uniqueIpAddress();
    const active = await createUserWithPassword(db, PASSWORD);
    const disabled = await createUserWithPassword(db, PASSWORD, { disabled: true });
    const attempts = {
      "right password": attempt(active, PASSWORD, ip),
      "wrong password": attempt(active, WRONG_PASSWORD, ip),
      "unknown username": attempt({ username: `nobody-${uniqueSuffix()}` }, PASSWORD, ip),
      "another unknown username": attempt({ username: `nobody-${uniqueSuffix()}` }, WRONG_PASSWORD, ip),
      "disabled user": attempt(disabled, PASSWORD, ip),
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
