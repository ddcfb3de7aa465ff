import "./support/mock-action-request";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { POST as postSignIn } from "@/app/[locale]/family/sign-in/route";
import { refusedAttempts } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { actionRequest } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { familyWithCode, issueCode } from "./support/family-with-code";
import { uniqueSuffix } from "./support/factories";
import { uniqueIpAddress } from "./support/sign-in-users";
import { createStaffSession } from "./support/staff-users";

vi.mock("@/lib/auth/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/argon2")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const backends = await testBackends();
const WRONG_CODE = "2345-6789-ACEF";

let ipv6NetworksHandedOut = 0;
/** A fresh IPv6 /64 (documentation range) per call, as its first four groups. */
function uniqueIpv6Network(): string {
  ipv6NetworksHandedOut += 1;
  return `2001:db8:${ipv6NetworksHandedOut.toString(16)}:${uniqueSuffix().slice(0, 4)}`;
}

describeOnEachBackend(backends, "the family portal's sign-in limits", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    actionRequest.session = await createStaffSession(db(), "registrar");
    vi.mocked(verifyPassword).mockClear();
  });



  function signIn(reference: string, code: string, ip: string) {
    const request = new Request("http://registry.test/ar/family/sign-in", {
      method: "POST",
      body: new URLSearchParams({ reference, code }),
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", "x-forwarded-for": ip },
    });
    return postSignIn(request, { params: Promise.resolve({ locale: "ar" }) });
  }

  const signedIn = (response: Response) => response.headers.get("location") === "/ar/family" && (response.headers.get("set-cookie") ?? "").includes(FAMILY_SESSION_COOKIE);
  /** The minutes the answer asks the person to wait, or null when it asks for no wait. */
  const waitMinutes = (response: Response) => {
    const wait = new URL(response.headers.get("location") ?? "/", "http://registry.test").searchParams.get("wait");
    return wait === null ? null : Number(wait);
  };

  async function guessWrong(reference: string, ip: string, times: number) {
    const answers: Response[] = [];
    for (let guess = 0; guess < times; guess += 1) answers.push(await signIn(reference, WRONG_CODE, ip));
    return answers;
  }

  it("lets the family in from another address with the right code while one address keeps guessing", async () => {
    const { family, code } = await familyWithCode(db());
    const attacker = uniqueIpAddress();
    const guesses = await guessWrong(family.reference, attacker, 8);
    expect(guesses.some(signedIn)).toBe(false);
    expect(signedIn(await signIn(family.reference, code, uniqueIpAddress()))).toBe(true);
  });

  it("after five wrong codes asks that address to wait, says for how long, and makes each later wait longer", async () => {
    const { family, code } = await familyWithCode(db());
    const ip = uniqueIpAddress();
    const answers = await guessWrong(family.reference, ip, 5);
    expect(answers.slice(0, 4).map(waitMinutes)).toEqual([null, null, null, null]);
    expect(answers[4]?.headers.get("location")).toBe("/ar/family?wait=1");
    vi.mocked(verifyPassword).mockClear();
    const whileWaiting = await signIn(family.reference, code, ip);
    expect(signedIn(whileWaiting)).toBe(false);
    expect(waitMinutes(whileWaiting)).toBe(1);
    expect(verifyPassword).not.toHaveBeenCalled();
    // The minute passes: the next wrong code is checked, and the wait after it doubles.
    await db().execute(sql`update family_sign_in_throttles set blocked_until = now() - interval '1 second' where reference = ${family.reference}`);
    expect(waitMinutes(await signIn(family.reference, WRONG_CODE, ip))).toBe(2);
    await db().execute(sql`update family_sign_in_throttles set blocked_until = now() - interval '1 second' where reference = ${family.reference}`);
    expect(signedIn(await signIn(family.reference, code, ip))).toBe(true);
  });

  it("checks at most 20 codes when one address sends 60 guesses at 12 families at once, and every family still gets in", async () => {
    const targets = await Promise.all(Array.from({ length: 12 }, () => familyWithCode(db())));
    const attacker = uniqueIpAddress();
    vi.mocked(verifyPassword).mockClear();
    const burst = targets.flatMap(({ family }) => Array.from({ length: 5 }, () => signIn(family.reference, WRONG_CODE, attacker)));
    const answers = await Promise.all(burst);
    expect(answers.some(signedIn)).toBe(false);
    expect(vi.mocked(verifyPassword).mock.calls.length).toBeLessThanOrEqual(20);
    for (const { family, code } of targets) expect(signedIn(await signIn(family.reference, code, uniqueIpAddress()))).toBe(true);
  });

  it("counts every address of one IPv6 /64 as one address", async () => {
    const { family, code } = await familyWithCode(db());
    const network = uniqueIpv6Network();
    for (let guess = 1; guess <= 20; guess += 1) {
      expect(signedIn(await signIn(`TST-F-${uniqueSuffix().toUpperCase()}`, code, `${network}::${guess.toString(16)}`))).toBe(false);
    }
    const sameNetwork = await signIn(family.reference, code, `${network}:ffff:ffff:ffff:ffff`);
    expect(signedIn(sameNetwork)).toBe(false);
    expect(waitMinutes(sameNetwork)).toBeGreaterThan(0);
    expect(signedIn(await signIn(family.reference, code, `${uniqueIpv6Network()}::1`))).toBe(true);
  });

  it("refuses an address past its limit without checking a hash or writing to the audit log, counting it per address and hour", async () => {
    const { family, code } = await familyWithCode(db());
    const ip = uniqueIpAddress();
    for (let guess = 0; guess < 20; guess += 1) await signIn(`TST-F-${uniqueSuffix().toUpperCase()}`, WRONG_CODE, ip);
    vi.mocked(verifyPassword).mockClear();
    const before = await lastAuditEntryId(db());
    const refused = await Promise.all([signIn(family.reference, code, ip), signIn(family.reference, code, ip), signIn(family.reference, code, ip)]);
    expect(refused.some(signedIn)).toBe(false);
    expect(refused.map(waitMinutes).every((minutes) => minutes !== null && minutes > 0 && minutes <= 60)).toBe(true);
    expect(verifyPassword).not.toHaveBeenCalled();
    expect(await auditEntriesAfter(db(), before)).toEqual([]);
    const counted = await db()
      .select({ attempts: sql<number>`sum(${refusedAttempts.attempts})::int` })
      .from(refusedAttempts)
      .where(and(eq(refusedAttempts.addressKey, ip), sql`${refusedAttempts.hour} >= date_trunc('hour', now()) - interval '1 hour'`));
    expect(counted[0]?.attempts).toBe(23);
  });

  it("writes a permanent audit entry for a sign-in, none for a wrong code", async () => {
    const { family, code } = await familyWithCode(db());
    const before = await lastAuditEntryId(db());
    await signIn(family.reference, WRONG_CODE, uniqueIpAddress());
    await signIn(`TST-F-${uniqueSuffix().toUpperCase()}`, WRONG_CODE, uniqueIpAddress());
    expect(await auditEntriesAfter(db(), before)).toEqual([]);
    expect(signedIn(await signIn(family.reference, code, uniqueIpAddress()))).toBe(true);
    expect((await auditEntriesAfter(db(), before)).map((entry) => [entry.action, entry.entityId])).toEqual([["familyPortal.signIn", family.id]]);
  });

  it("answers an unknown reference exactly like a known one with a wrong code, before and after the wait starts", async () => {
    const { family } = await familyWithCode(db());
    const [unknownAddress, knownAddress] = [uniqueIpAddress(), uniqueIpAddress()];
    const unknownReference = `TST-F-${uniqueSuffix().toUpperCase()}`;
    for (let guess = 0; guess < 7; guess += 1) {
      vi.mocked(verifyPassword).mockClear();
      const unknown = await signIn(unknownReference, WRONG_CODE, unknownAddress);
      const hashesForUnknown = vi.mocked(verifyPassword).mock.calls.length;
      vi.mocked(verifyPassword).mockClear();
      const known = await signIn(family.reference, WRONG_CODE, knownAddress);
      expect(vi.mocked(verifyPassword).mock.calls.length).toBe(hashesForUnknown);
      expect([known.status, known.headers.get("location"), known.headers.get("set-cookie"), await known.text()])
        .toEqual([unknown.status, unknown.headers.get("location"), unknown.headers.get("set-cookie"), await unknown.text()]);
    }
  });

  it("ends every wait on the family's reference when staff issue a new code", async () => {
    const { family } = await familyWithCode(db());
    const ip = uniqueIpAddress();
    await guessWrong(family.reference, ip, 5);
    const newCode = await issueCode(family.id);
    expect(signedIn(await signIn(family.reference, newCode, ip))).toBe(true);
  });
});
