import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it, vi } from "vitest";
import { issueFamilyAccessCode } from "@/app/[locale]/staff/families/[familyId]/actions";
import { POST as postSignIn } from "@/app/[locale]/family/sign-in/route";
import { dnaSamples, donorRelationships, families, identifications, missingPersons, policeReportPersons, policeReports, referenceDonors } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/argon2";
import type { Role } from "@/lib/auth/permissions";
import { familySessionToken, readFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { signInFamily } from "@/lib/family-portal/sign-in";
import { getFamilyPortalStatus } from "@/lib/family-portal/status";
import { actionRequest } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser, proposeIdentification, referenceSampleValues, uniqueSuffix } from "./support/factories";
import { uniqueIpAddress } from "./support/sign-in-users";
import { createStaffSession } from "./support/staff-users";

vi.mock("@/lib/auth/argon2", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/argon2")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const backends = await testBackends();

describeOnEachBackend(backends, "the family status portal", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    actionRequest.session = await createStaffSession(db(), "registrar");
  });

  async function familyWithPersons(count: number) {
    const reference = `TST-F-${uniqueSuffix().toUpperCase()}`;
    const [family] = await db().insert(families).values({ reference, contactName: "جهة اتصال", phone: "+218 91 555 0199" }).returning();
    if (!family) throw new Error("no family");
    const persons = await db()
      .insert(missingPersons)
      .values(Array.from({ length: count }, () => ({ caseNumber: `TST-MP-${uniqueSuffix().toUpperCase()}`, familyId: family.id, givenName: "أحمد", nameSearch: "احمد" })))
      .returning();
    return { family, persons };
  }

  async function issueCode(familyId: string): Promise<string> {
    const result = await issueFamilyAccessCode({ familyId });
    if (!result.ok) throw new Error(`issuing was refused: ${JSON.stringify(result)}`);
    return result.data.code;
  }

  const attempt = (reference: string, code: string, ip = uniqueIpAddress()) => ({ reference, code, ip, userAgent: "family-portal-test" });
  /** True when the attempt signs in. */
  const signsIn = async (reference: string, code: string, ip = uniqueIpAddress()) => (await signInFamily(db(), attempt(reference, code, ip))).ok;

  function signInRequest(reference: string, code: string, ip: string, site = "same-origin") {
    const body = new URLSearchParams({ reference, code });
    const request = new Request("http://registry.test/ar/family/sign-in", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": site, "x-forwarded-for": ip },
    });
    return postSignIn(request, { params: Promise.resolve({ locale: "ar" }) });
  }

  it("shows a family with the right code exactly its own missing relatives, and nothing of another family", async () => {
    const { family, persons } = await familyWithPersons(3);
    const other = await familyWithPersons(2);
    const [voided, merged] = await db().insert(missingPersons).values([
      { caseNumber: `TST-MP-${uniqueSuffix().toUpperCase()}`, familyId: family.id, givenName: "ملغى", nameSearch: "ملغى", voidedAt: new Date(), voidReason: "خطأ" },
      { caseNumber: `TST-MP-${uniqueSuffix().toUpperCase()}`, familyId: family.id, givenName: "مدمج", nameSearch: "مدمج", mergedIntoId: persons[0]?.id },
    ]).returning();
    const code = await issueCode(family.id);
    await issueCode(other.family.id);
    const response = await signInRequest(family.reference.toLowerCase(), code.replaceAll("-", " ").toLowerCase(), uniqueIpAddress());
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/ar/family");
    const token = response.cookies.get(FAMILY_SESSION_COOKIE)?.value;
    const session = await readFamilySession(db(), token);
    expect(session).toEqual({ familyId: family.id, reference: family.reference });
    const shown = await getFamilyPortalStatus(db(), family.id);
    expect(shown.map((person) => person.caseNumber).sort()).toEqual(persons.map((person) => person.caseNumber).sort());
    const otherCases = other.persons.map((person) => person.caseNumber);
    expect(JSON.stringify(shown)).not.toContain(otherCases[0]);
    expect(JSON.stringify(shown)).not.toContain(voided?.caseNumber);
    expect(JSON.stringify(shown)).not.toContain(merged?.caseNumber);
    expect(JSON.stringify(shown)).not.toContain("+218");
  });

  it("keeps the session in an httpOnly, SameSite=Strict cookie that lasts 30 minutes", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const cookie = (await signInRequest(family.reference, code, uniqueIpAddress())).headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Max-Age=1800/i);
  });

  it("refuses a sign-in form posted from another site", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const response = await signInRequest(family.reference, code, uniqueIpAddress(), "cross-site");
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("answers a wrong code and an unknown reference the same way, checking a hash for both", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    vi.mocked(verifyPassword).mockClear();
    const wrongCode = await signInRequest(family.reference, "2345-6789-ACEF", uniqueIpAddress());
    const unknownReference = await signInRequest(`TST-F-${uniqueSuffix().toUpperCase()}`, code, uniqueIpAddress());
    for (const response of [wrongCode, unknownReference]) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/ar/family?failed=1");
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(2);
  });

  it("refuses the sixth try from one address even with the right code, for that reference only", async () => {
    const { family } = await familyWithPersons(1);
    const other = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const otherCode = await issueCode(other.family.id);
    const ip = uniqueIpAddress();
    for (let failure = 0; failure < 5; failure += 1) expect(await signsIn(family.reference, "2345-6789-ACEF", ip)).toBe(false);
    expect(await signInFamily(db(), attempt(family.reference, code, ip))).toEqual({ ok: false, waitSeconds: expect.any(Number) });
    expect(await signsIn(other.family.reference, otherCode, ip)).toBe(true);
  });

  it("checks no more than five codes when twelve guesses from one address arrive at the same instant", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const ip = uniqueIpAddress();
    vi.mocked(verifyPassword).mockClear();
    const guesses = Array.from({ length: 12 }, (_, index) => signsIn(family.reference, `2345-6789-AC${"EFHJKMNPRTWX"[index]}F`, ip));
    expect(await Promise.all(guesses)).toEqual(Array(12).fill(false));
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledTimes(5);
    expect(await signsIn(family.reference, code, ip)).toBe(false);
  });

  it("lets four wrong codes pass without a wait, and the right code then forgets them", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const ip = uniqueIpAddress();
    for (let failure = 0; failure < 4; failure += 1) expect(await signInFamily(db(), attempt(family.reference, "2345-6789-ACEF", ip))).toEqual({ ok: false, waitSeconds: null });
    expect(await signsIn(family.reference, code, ip)).toBe(true);
    for (let failure = 0; failure < 4; failure += 1) expect(await signInFamily(db(), attempt(family.reference, "2345-6789-ACEF", ip))).toEqual({ ok: false, waitSeconds: null });
    expect(await signsIn(family.reference, code, ip)).toBe(true);
  });

  it("refuses an address after 20 failed tries, whatever the reference", async () => {
    const { family } = await familyWithPersons(1);
    const code = await issueCode(family.id);
    const ip = uniqueIpAddress();
    for (let failure = 0; failure < 20; failure += 1) expect(await signsIn(`TST-F-${uniqueSuffix().toUpperCase()}`, code, ip)).toBe(false);
    expect(await signsIn(family.reference, code, ip)).toBe(false);
    expect(await signsIn(family.reference, code)).toBe(true);
  });

  it("ends the old code and every session opened with it when a new code is issued", async () => {
    const { family } = await familyWithPersons(1);
    const oldCode = await issueCode(family.id);
    const signedIn = await signInFamily(db(), attempt(family.reference, oldCode));
    if (!signedIn.ok) throw new Error("the first code did not sign in");
    const oldToken = familySessionToken(signedIn.family);
    expect(await readFamilySession(db(), oldToken)).not.toBeNull();
    const newCode = await issueCode(family.id);
    expect(newCode).not.toBe(oldCode);
    expect(await readFamilySession(db(), oldToken)).toBeNull();
    expect(await signsIn(family.reference, oldCode)).toBe(false);
    expect(await signsIn(family.reference, newCode)).toBe(true);
  });

  it("shows a confirmed identification only once the family was told in person", async () => {
    const { family, persons } = await familyWithPersons(1);
    const person = persons[0];
    if (!person) throw new Error("no person");
    const forensic = await createUser(db(), "forensic");
    const remains = await createRemains(db());
    const identification = await proposeIdentification(db(), { remainsId: remains.id, missingPersonId: person.id, proposedBy: forensic.id });
    const identified = async () => {
      const [shown] = await getFamilyPortalStatus(db(), family.id);
      return { step: shown?.steps.find((step) => step.key === "identified"), contactOffice: shown?.contactOffice };
    };
    expect(await identified()).toMatchObject({ step: { state: "pending" }, contactOffice: false });
    await db().update(identifications).set({ status: "confirmed" }).where(eq(identifications.id, identification.id));
    expect(await identified()).toMatchObject({ step: { state: "attention", date: null }, contactOffice: true });
    await db().update(identifications).set({ status: "family_notified", notifiedOn: "2024-05-02" }).where(eq(identifications.id, identification.id));
    expect(await identified()).toMatchObject({ step: { state: "done", date: "2024-05-02" }, contactOffice: false });
    expect(JSON.stringify(await getFamilyPortalStatus(db(), family.id))).not.toContain(remains.code);
  });

  it("dates the report from the earliest police report and follows the family's reference sample", async () => {
    const { family, persons } = await familyWithPersons(1);
    const person = persons[0];
    if (!person) throw new Error("no person");
    const reports = await db().insert(policeReports).values([
      { reportNumber: `TST-${uniqueSuffix()}`, filedOn: "2020-08-01", reporterName: "مبلّغ", category: "disappearance" },
      { reportNumber: `TST-${uniqueSuffix()}`, filedOn: "2020-06-15", reporterName: "مبلّغ", category: "disappearance" },
    ]).returning();
    await db().insert(policeReportPersons).values(reports.map((report) => ({ reportId: report.id, missingPersonId: person.id })));
    const [donor] = await db().insert(referenceDonors).values({ familyId: family.id, givenName: "عائشة", nameSearch: "عايشه", sex: "female" }).returning();
    if (!donor) throw new Error("no donor");
    await db().insert(donorRelationships).values({ donorId: donor.id, missingPersonId: person.id, relationship: "mother" });
    await db().insert(dnaSamples).values({ ...referenceSampleValues(donor.id), labStatus: "profiled", profiledOn: "2022-04-01" });
    const [shown] = await getFamilyPortalStatus(db(), family.id);
    expect(shown?.steps.map((step) => [step.key, step.state, step.date])).toEqual([
      ["reported", "done", "2020-06-15"],
      ["sampleReceived", "done", "2022-03-01"],
      ["analysed", "done", "2022-04-01"],
      ["comparison", "current", null],
      ["identified", "pending", null],
      ["returned", "pending", null],
    ]);
  });

  it.each<Role>(["viewer", "forensic"])("refuses to let %s issue a code", async (role) => {
    const { family } = await familyWithPersons(1);
    actionRequest.session = await createStaffSession(db(), role);
    expect(await issueFamilyAccessCode({ familyId: family.id })).toMatchObject({ ok: false, error: "forbidden" });
    const [stored] = await db().select().from(families).where(eq(families.id, family.id));
    expect(stored?.accessCodeHash).toBeNull();
  });

  it("stores only a slow hash and audits issuing and every sign-in with the reference, never the code", async () => {
    const { family } = await familyWithPersons(1);
    const before = await lastAuditEntryId(db());
    const firstCode = await issueCode(family.id);
    const code = await issueCode(family.id);
    const [stored] = await db().select().from(families).where(eq(families.id, family.id));
    expect(stored?.accessCodeHash).toMatch(/^\$argon2id\$/);
    expect(stored?.accessCodeIssuedAt).toBeInstanceOf(Date);
    await signInFamily(db(), attempt(family.reference, "2345-6789-ACEF"));
    await signInFamily(db(), attempt(family.reference, code));
    const entries = await auditEntriesAfter(db(), before);
    expect(entries.map((entry) => entry.action)).toEqual(["family.accessCodeIssue", "family.accessCodeReissue", "familyPortal.signIn"]);
    expect(entries.every((entry) => entry.entityId === family.id)).toBe(true);
    expect(entries[2]?.after).toEqual({ reference: family.reference });
    const logged = JSON.stringify(entries);
    for (const issued of [firstCode, code]) {
      expect(logged).not.toContain(issued);
      expect(logged).not.toContain(issued.replaceAll("-", ""));
    }
  });
});
