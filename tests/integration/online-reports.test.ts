import "./support/mock-action-request";
import { randomInt } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { acceptReport, recordConsent, rejectReport, withdrawConsent } from "@/app/[locale]/staff/online-reports/actions";
import { auditLog, dataConsents, families, missingPersons, onlineReports } from "@/db/schema";
import { authoriseRead } from "@/lib/auth/read-access";
import { exportRows } from "@/lib/export/lists";
import arMessages from "@/lib/i18n/messages/ar";
import enMessages from "@/lib/i18n/messages/en";
import { issueFormToken } from "@/lib/online-reports/form-token";
import type { SubmittedReport } from "@/lib/online-reports/schemas";
import { REPORT_ADDRESS_LIMIT, REPORT_PHONE_LIMIT, submitOnlineReport, type ReportSubmission } from "@/lib/online-reports/submit";
import { getPublicGraveSites } from "@/lib/public/sites";
import { getPublicSummary } from "@/lib/public/summary";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createUser, uniqueSuffix } from "./support/factories";

const backends = await testBackends();

/** A new address for each test, so the per-address limit of one test does not reach the next. */
const someAddress = () => `198.51.${String(randomInt(256))}.${String(randomInt(1, 255))}`;
const somePhone = () => `+218 91 ${String(randomInt(1_000_000, 9_999_999))}`;

function reportValues(overrides: Partial<SubmittedReport> = {}): SubmittedReport {
  return {
    reporterName: "فاطمة سالم الترهوني",
    reporterRelationship: "الأم",
    reporterPhone: somePhone(),
    reporterEmail: "",
    reporterResidence: "مصراتة، ليبيا",
    givenName: "عبدالرحمن",
    fatherName: "سالم",
    grandfatherName: "علي",
    familyName: `الكاني${uniqueSuffix()}`,
    sex: "male",
    birthYear: "1994",
    lastSeenOn: "2019-11-04",
    lastSeenPlace: "ترهونة، الطريق إلى السوق",
    circumstances: "خرج من البيت صباحًا ولم يعد",
    policeReportNumber: "",
    relatives: "الأب سالم علي، ترهونة",
    consentSearch: true,
    consentPartners: false,
    consentProsecution: false,
    consentContact: true,
    ...overrides,
  };
}

/** A form drawn ten seconds ago: past the fastest a person fills it in. */
function submission(report: SubmittedReport, overrides: Partial<ReportSubmission> = {}): ReportSubmission {
  return { report, formToken: issueFormToken(new Date(Date.now() - 10_000)), honeypot: "", locale: "ar", ip: someAddress(), userAgent: "online report test", ...overrides };
}

/** Whether a message key, as the public form translates it (Validation.key or Namespace.key), exists in a catalogue. */
function translated(messages: Record<string, unknown>, key: string): boolean {
  const path = key.includes(".") ? key.split(".") : ["Validation", key];
  let node: unknown = messages;
  for (const part of path) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" && node !== "";
}

describeOnEachBackend(backends, "online missing-person reports (issue 26)", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });
  const stored = async () => ({
    reports: (await db().select({ total: count() }).from(onlineReports))[0]?.total ?? 0,
    consents: (await db().select({ total: count() }).from(dataConsents))[0]?.total ?? 0,
    people: (await db().select({ total: count() }).from(missingPersons))[0]?.total ?? 0,
  });
  /** A family on file, its reference in the registry's capitals as the triage form sends it. */
  const createFamily = async () => {
    const [family] = await db().insert(families).values({ reference: `TST-F-${uniqueSuffix().toUpperCase()}`, contactName: "جهة اتصال" }).returning();
    if (!family) throw new Error("no family");
    return family;
  };
  const submitted = async (values: SubmittedReport = reportValues(), overrides: Partial<ReportSubmission> = {}) => {
    const outcome = await submitOnlineReport(db(), submission(values, overrides));
    if (!outcome.ok) throw new Error(`the report was not taken: ${JSON.stringify(outcome)}`);
    const [report] = await db().select().from(onlineReports).where(eq(onlineReports.reference, outcome.reference));
    if (!report) throw new Error("no report row");
    return report;
  };

  it("keeps a valid report in the queue with one consent row per level ticked, each with the wording version shown, and audits it without personal data", async () => {
    const values = reportValues({ consentPartners: true, consentContact: false, reporterPhone: "٠٩١٢٣٤٥٦٧٨" });
    const report = await submitted(values);
    expect(report).toMatchObject({ status: "submitted", givenName: "عبدالرحمن", reporterPhone: "0912345678", reporterPhoneKey: "0912345678", missingPersonId: null });
    expect(report.reference).toMatch(/^TRH-R-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const consents = await db().select().from(dataConsents).where(eq(dataConsents.onlineReportId, report.id));
    expect(consents.map((consent) => consent.level).sort()).toEqual(["partners", "search"]);
    expect(consents.every((consent) => consent.wordingVersion === report.consentWording && consent.source === "online" && consent.missingPersonId === null)).toBe(true);
    const [entry] = await auditEntriesFor(db(), "online_report", report.id);
    expect(entry).toMatchObject({ action: "onlineReport.submit", actorId: null });
    expect(JSON.stringify(entry?.after)).not.toContain("عبدالرحمن");
    expect(JSON.stringify(entry?.after)).not.toContain(values.reporterName);
  });

  it("refuses bad input field by field with messages that exist in Arabic and English, and keeps nothing", async () => {
    const before = await stored();
    const lastEntry = await lastAuditEntryId(db());
    const outcome = await submitOnlineReport(
      db(),
      submission(reportValues({ reporterName: " ", reporterPhone: "call me", reporterEmail: "not-an-address", givenName: "", birthYear: "94", lastSeenOn: "2999-01-01", circumstances: "س".repeat(4001), consentSearch: false })),
    );
    expect(outcome).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: {
        reporterName: "required",
        reporterPhone: "phoneFormat",
        reporterEmail: "OnlineReport.emailFormat",
        givenName: "required",
        birthYear: "birthYearFormat",
        lastSeenOn: "dateInFuture",
        circumstances: "tooLong",
        consentSearch: "OnlineReport.consentSearchRequired",
      },
    });
    if (outcome.ok || outcome.error !== "invalid") return;
    for (const key of Object.values(outcome.fieldErrors)) {
      expect(translated(arMessages, key), `ar ${key}`).toBe(true);
      expect(translated(enMessages, key), `en ${key}`).toBe(true);
    }
    expect(await stored()).toEqual(before);
    expect(await auditEntriesAfter(db(), lastEntry)).toEqual([]);
  });

  it("takes nothing without consent (a), whatever else is ticked", async () => {
    const before = await stored();
    const outcome = await submitOnlineReport(db(), submission(reportValues({ consentSearch: false, consentPartners: true, consentProsecution: true, consentContact: true })));
    expect(outcome).toEqual({ ok: false, error: "invalid", fieldErrors: { consentSearch: "OnlineReport.consentSearchRequired" } });
    expect(await stored()).toEqual(before);
  });

  it("refuses a robot: the hidden field filled in, a form sent at once, a forged or day-old form; all with the same answer, nothing kept", async () => {
    const before = await stored();
    const attempts: Partial<ReportSubmission>[] = [
      { honeypot: "http://spam.example" },
      { formToken: issueFormToken() },
      { formToken: `${String(Date.now() - 10_000)}.forged` },
      { formToken: issueFormToken(new Date(Date.now() - 25 * 3600 * 1000)) },
    ];
    for (const attempt of attempts) expect(await submitOnlineReport(db(), submission(reportValues(), attempt))).toEqual({ ok: false, error: "notSent" });
    expect(await stored()).toEqual(before);
  });

  it(`takes ${String(REPORT_ADDRESS_LIMIT.limit)} reports an hour from one address (an IPv6 /64 counts as one) and ${String(REPORT_PHONE_LIMIT.limit)} a day for one phone`, async () => {
    const prefix = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    for (let index = 0; index < REPORT_ADDRESS_LIMIT.limit; index += 1) {
      expect((await submitOnlineReport(db(), submission(reportValues(), { ip: `${prefix}::${String(index + 1)}` }))).ok).toBe(true);
    }
    const before = await stored();
    const refused = await submitOnlineReport(db(), submission(reportValues(), { ip: `${prefix}:ffff:1:2:3` }));
    expect(refused).toMatchObject({ ok: false, error: "tooMany" });
    if (!refused.ok && refused.error === "tooMany") expect(refused.waitMinutes).toBeGreaterThanOrEqual(1);
    expect(await stored()).toEqual(before);

    const phone = somePhone();
    for (let index = 0; index < REPORT_PHONE_LIMIT.limit; index += 1) expect((await submitOnlineReport(db(), submission(reportValues({ reporterPhone: phone })))).ok).toBe(true);
    // The same number written another way, from yet another address.
    expect(await submitOnlineReport(db(), submission(reportValues({ reporterPhone: phone.replace(/\s/g, "-") })))).toMatchObject({ ok: false, error: "tooMany" });
  });

  it("answers the same whether the person is on file or not, and changes no public figure", async () => {
    const person = await createMissingPerson(db());
    const [summaryBefore, sitesBefore] = await Promise.all([getPublicSummary(db()), getPublicGraveSites(db())]);
    const onFile = await submitOnlineReport(db(), submission(reportValues({ givenName: person.givenName, fatherName: "", grandfatherName: "", familyName: "" })));
    const unknown = await submitOnlineReport(db(), submission(reportValues({ givenName: "شخص", familyName: `غير-مسجل-${uniqueSuffix()}` })));
    expect(onFile.ok && unknown.ok).toBe(true);
    expect(Object.keys(onFile).sort()).toEqual(Object.keys(unknown).sort());
    const [summaryAfter, sitesAfter] = await Promise.all([getPublicSummary(db()), getPublicGraveSites(db())]);
    expect(summaryAfter).toEqual(summaryBefore);
    expect(sitesAfter).toEqual(sitesBefore);
  });

  it("a registrar accepts a report as a new family and person, through the staff forms' paths: audited, consents moved to the person", async () => {
    const report = await submitted(reportValues({ consentPartners: true }));
    const registrar = signInAs(await createUser(db(), "registrar"));
    const lastEntry = await lastAuditEntryId(db());
    const reference = `TRH-F-${String(randomInt(1000, 9999))}`;
    const result = await acceptReport({ reportId: report.id, version: report.version, mode: "newFamily", newFamily: { reference, contactName: report.reporterName, phone: "0912345678", area: "مصراتة" } });
    expect(result).toMatchObject({ ok: true });
    const [accepted] = await db().select().from(onlineReports).where(eq(onlineReports.id, report.id));
    expect(accepted).toMatchObject({ status: "accepted", decidedBy: registrar.userId, version: report.version + 1 });
    const [person] = await db().select().from(missingPersons).where(eq(missingPersons.id, accepted?.missingPersonId ?? ""));
    const [family] = await db().select().from(families).where(eq(families.reference, reference));
    expect(person).toMatchObject({ givenName: "عبدالرحمن", familyName: report.familyName, birthYear: 1994, familyId: family?.id });
    expect(person?.caseNumber).toMatch(/^TRH-MP-\d{5}$/);
    expect(family?.accessCodeHash).toBeNull();
    const consents = await db().select().from(dataConsents).where(eq(dataConsents.onlineReportId, report.id));
    expect(consents.every((consent) => consent.missingPersonId === person?.id)).toBe(true);
    expect((await auditEntriesAfter(db(), lastEntry)).map((entry) => entry.action)).toEqual(["family.create", "missingPerson.create", "onlineReport.accept"]);
    // Decided once: a second decision is refused.
    expect(await rejectReport({ reportId: report.id, version: report.version + 1, kind: "other", reason: "مكرر" })).toMatchObject({ ok: false, error: "refused", message: "OnlineReport.alreadyDecided" });
  });

  it("a registrar accepts a report into a family on file, or as the person on file it names", async () => {
    signInAs(await createUser(db(), "registrar"));
    const family = await createFamily();
    const intoFamily = await submitted();
    expect(await acceptReport({ reportId: intoFamily.id, version: intoFamily.version, mode: "existingFamily", familyReference: family.reference.toLowerCase() })).toMatchObject({ ok: true });
    const [accepted] = await db().select().from(onlineReports).where(eq(onlineReports.id, intoFamily.id));
    const [person] = await db().select().from(missingPersons).where(eq(missingPersons.id, accepted?.missingPersonId ?? ""));
    expect(person?.familyId).toBe(family.id);

    const onFile = await createMissingPerson(db());
    const peopleBefore = (await stored()).people;
    const aboutThem = await submitted();
    expect(await acceptReport({ reportId: aboutThem.id, version: aboutThem.version, mode: "existingPerson", missingPersonId: onFile.id })).toMatchObject({ ok: true, data: { missingPersonId: onFile.id, familyId: onFile.familyId } });
    expect((await stored()).people).toBe(peopleBefore);
  });

  it("refuses an acceptance into a family that does not exist, or with a stale version, and changes nothing", async () => {
    signInAs(await createUser(db(), "registrar"));
    const report = await submitted();
    const before = await stored();
    expect(await acceptReport({ reportId: report.id, version: report.version, mode: "existingFamily", familyReference: "TRH-F-99999" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { familyReference: "familyNotFound" } });
    expect(await acceptReport({ reportId: report.id, version: report.version + 3, mode: "newFamily", newFamily: { reference: `TRH-F-${String(randomInt(1000, 9999))}`, contactName: "س", phone: "", area: "" } })).toMatchObject({ ok: false, error: "conflict" });
    expect(await stored()).toEqual(before);
    const [unchanged] = await db().select().from(onlineReports).where(eq(onlineReports.id, report.id));
    expect(unchanged).toMatchObject({ status: "submitted", version: report.version });
  });

  it("a registrar rejects with a reason, audited; a viewer may not triage", async () => {
    const report = await submitted();
    signInAs(await createUser(db(), "viewer"));
    expect(await rejectReport({ reportId: report.id, version: report.version, kind: "spam", reason: "إعلان" })).toMatchObject({ ok: false, error: "forbidden" });
    signInAs(await createUser(db(), "registrar"));
    expect(await rejectReport({ reportId: report.id, version: report.version, kind: "spam", reason: "" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: "required" } });
    expect(await rejectReport({ reportId: report.id, version: report.version, kind: "spam", reason: "إعلان تجاري" })).toMatchObject({ ok: true });
    const [rejected] = await db().select().from(onlineReports).where(eq(onlineReports.id, report.id));
    expect(rejected).toMatchObject({ status: "rejected", rejectionKind: "spam", rejectionReason: "إعلان تجاري", missingPersonId: null });
    expect((await auditEntriesFor(db(), "online_report", report.id)).map((entry) => entry.action)).toEqual(["onlineReport.submit", "onlineReport.reject"]);
  });

  it("the partner export holds only people whose consent (b) holds, reported online or at the office; a withdrawal takes them out", async () => {
    signInAs(await createUser(db(), "registrar"));
    const partnerRows = async () => {
      const rows: string[] = [];
      for await (const batch of exportRows(authoriseRead(actionRequest.session, "personalData.export"), db(), "partnerShare")) rows.push(...batch.map((row) => String(row[0])));
      return rows;
    };
    const accept = async (report: typeof onlineReports.$inferSelect) => {
      const result = await acceptReport({ reportId: report.id, version: report.version, mode: "existingFamily", familyReference: (await createFamily()).reference });
      if (!result.ok) throw new Error(JSON.stringify(result));
      const [person] = await db().select().from(missingPersons).where(eq(missingPersons.id, result.data.missingPersonId));
      return person?.caseNumber ?? "";
    };
    const withPartners = await accept(await submitted(reportValues({ consentPartners: true })));
    const withoutPartners = await accept(await submitted(reportValues({ consentPartners: false })));
    const atOffice = await createMissingPerson(db());
    expect(await recordConsent({ missingPersonId: atOffice.id, levels: ["search", "partners"], givenOn: "2024-03-01", givenBy: "الأخ", wordingVersion: "OFF-2024-1" })).toMatchObject({ ok: true });
    const neverAsked = await createMissingPerson(db());

    const shared = await partnerRows();
    expect(shared).toContain(withPartners);
    expect(shared).toContain(atOffice.caseNumber);
    expect(shared).not.toContain(withoutPartners);
    expect(shared).not.toContain(neverAsked.caseNumber);

    const [partnersConsent] = await db().select().from(dataConsents).where(eq(dataConsents.missingPersonId, atOffice.id));
    const consent = (await db().select().from(dataConsents).where(eq(dataConsents.missingPersonId, atOffice.id))).find((row) => row.level === "partners") ?? partnersConsent;
    if (!consent) throw new Error("no consent");
    expect(await withdrawConsent({ consentId: consent.id, version: consent.version, withdrawnOn: "2024-02-01", wordingVersion: "WD-1", note: "سحب" })).toMatchObject({ ok: false, fieldErrors: { withdrawnOn: "OnlineReport.withdrawalBeforeConsent" } });
    expect(await withdrawConsent({ consentId: consent.id, version: consent.version, withdrawnOn: "2024-06-01", wordingVersion: "WD-1", note: "سحب الأخ موافقته في المكتب" })).toMatchObject({ ok: true });
    expect(await partnerRows()).not.toContain(atOffice.caseNumber);
    expect(await partnerRows()).toContain(withPartners);
    const [withdrawn] = await db().select().from(dataConsents).where(eq(dataConsents.id, consent.id));
    expect(withdrawn).toMatchObject({ withdrawnOn: "2024-06-01", withdrawalWording: "WD-1", version: consent.version + 1 });
    expect((await auditEntriesFor(db(), "data_consent", consent.id)).map((entry) => entry.action)).toEqual(["consent.withdraw"]);
    expect(await withdrawConsent({ consentId: consent.id, version: consent.version + 1, withdrawnOn: "2024-06-02", wordingVersion: "WD-1", note: "مرة ثانية" })).toMatchObject({ ok: false, message: "OnlineReport.consentAlreadyWithdrawn" });
  });

  it("deletes a report rejected as spam more than 30 days ago, with its consents, leaving an audit note; keeps the rest", async () => {
    const { purgeSpamReports } = await import("@/lib/online-reports/purge");
    signInAs(await createUser(db(), "registrar"));
    const [oldSpam, recentSpam, oldOther] = [await submitted(), await submitted(), await submitted()];
    for (const [report, kind] of [[oldSpam, "spam"], [recentSpam, "spam"], [oldOther, "insufficient"]] as const) {
      expect(await rejectReport({ reportId: report.id, version: report.version, kind, reason: "سبب" })).toMatchObject({ ok: true });
    }
    await db().update(onlineReports).set({ decidedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) }).where(inArray(onlineReports.id, [oldSpam.id, oldOther.id]));
    expect(await purgeSpamReports(db())).toBe(1);
    const left = await db().select({ id: onlineReports.id }).from(onlineReports).where(inArray(onlineReports.id, [oldSpam.id, recentSpam.id, oldOther.id]));
    expect(left.map((row) => row.id).sort()).toEqual([recentSpam.id, oldOther.id].sort());
    expect(await db().select().from(dataConsents).where(eq(dataConsents.onlineReportId, oldSpam.id))).toEqual([]);
    const notes = await db().select().from(auditLog).where(eq(auditLog.entityId, oldSpam.id)).orderBy(auditLog.id);
    expect(notes.map((entry) => entry.action)).toEqual(["onlineReport.submit", "onlineReport.reject", "onlineReport.deleteSpam"]);
  });
});
