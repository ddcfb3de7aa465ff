import "./support/mock-action-request";
import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, expect, it } from "vitest";
import { acceptReport, recordConsent, withdrawConsent } from "@/app/[locale]/staff/online-reports/actions";
import { dataConsents, families, missingPersons, onlineReports } from "@/db/schema";
import { authoriseRead } from "@/lib/auth/read-access";
import { referenceCandidates } from "@/lib/dna-profiles/screening-data";
import { generateDossier } from "@/lib/dossier/generate";
import { withheldUsesOfPerson } from "@/lib/online-reports/consent-use";
import { consentsOfReport } from "@/lib/online-reports/consents";
import { reporterMayBeContacted } from "@/lib/online-reports/contact";
import { issueFormToken } from "@/lib/online-reports/form-token";
import type { SubmittedReport } from "@/lib/online-reports/schemas";
import { submitOnlineReport } from "@/lib/online-reports/submit";
import type { ConsentLevel } from "@/lib/online-reports/values";
import { todayInTarhuna } from "@/lib/people/dates";
import { findDuplicateCandidates } from "@/lib/people/duplicates";
import { searchMissingPersons } from "@/lib/people/search";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createProfiledReference, createUser, uniqueSuffix } from "./support/factories";

const backends = await testBackends();

/** A family name of its own for each report, so that searches find only this test's people. */
const familyNameOf = () => `الورفلي${uniqueSuffix().replace(/[^a-z]/g, "").slice(0, 4)}`;

function reportValues(overrides: Partial<SubmittedReport> = {}): SubmittedReport {
  return {
    reporterName: "مريم خليفة الورفلي",
    reporterRelationship: "الأخت",
    reporterPhone: `+218 92 ${String(randomInt(1_000_000, 9_999_999))}`,
    reporterEmail: "maryam@example.org",
    reporterResidence: "بنغازي",
    givenName: "مصطفى",
    fatherName: "خليفة",
    grandfatherName: "عمر",
    familyName: familyNameOf(),
    sex: "male",
    birthYear: "1990",
    lastSeenOn: "2020-03-02",
    lastSeenPlace: "حي الربط، ترهونة",
    circumstances: "اقتادته مجموعة مسلحة من أمام المخبز",
    policeReportNumber: "",
    relatives: "",
    consentSearch: true,
    consentPartners: true,
    consentProsecution: true,
    consentContact: true,
    ...overrides,
  };
}

async function pdfText(pdf: Buffer): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  return (await extractText(document, { mergePages: true })).text;
}

describeOnEachBackend(backends, "withdrawing an online report's consents through the office (issue 26)", (database) => {
  const db = () => database().db;
  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUser(db(), "registrar"));
  });

  /** A report sent on the public form and accepted by a registrar, as a new person or onto one on file. */
  const acceptedReport = async (values: SubmittedReport = reportValues(), onto?: string) => {
    const outcome = await submitOnlineReport(db(), {
      report: values, formToken: issueFormToken(new Date(Date.now() - 10_000)), honeypot: "", locale: "ar", ip: `203.0.113.${String(randomInt(1, 255))}`, userAgent: "withdrawal test",
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [report] = await db().select().from(onlineReports).where(eq(onlineReports.reference, outcome.reference));
    if (!report) throw new Error("no report");
    const [family] = await db().insert(families).values({ reference: `TST-F-${uniqueSuffix().toUpperCase()}`, contactName: "جهة اتصال" }).returning();
    const accepted = await acceptReport(
      onto === undefined
        ? { reportId: report.id, version: report.version, mode: "existingFamily", familyReference: family?.reference ?? "" }
        : { reportId: report.id, version: report.version, mode: "existingPerson", missingPersonId: onto },
    );
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    const [person] = await db().select().from(missingPersons).where(eq(missingPersons.id, accepted.data.missingPersonId));
    if (!person) throw new Error("no person");
    return { report, person, values };
  };
  const withdraw = async (reportId: string, level: ConsentLevel, note = "طلبت المُبلِّغة ذلك في المكتب") => {
    const [consent] = await db().select().from(dataConsents).where(and(eq(dataConsents.onlineReportId, reportId), eq(dataConsents.level, level)));
    if (!consent) throw new Error(`no ${level} consent`);
    const result = await withdrawConsent({ consentId: consent.id, version: consent.version, withdrawnOn: todayInTarhuna(), wordingVersion: "WD-2026-1", note });
    return { consent, result };
  };
  const read = () => authoriseRead(actionRequest.session, "people.read");
  const named = async (person: typeof missingPersons.$inferSelect) =>
    (await searchMissingPersons(db(), `${person.givenName} ${person.fatherName} ${person.familyName}`)).map((result) => result.id);
  const duplicatesOf = async (person: typeof missingPersons.$inferSelect) =>
    (await findDuplicateCandidates(db(), { ...person, nameLatin: "", birthYear: person.birthYear })).map((candidate) => candidate.id);

  it("withdrawing (a) takes a person made from the report out of the name search, the duplicate checks and the kinship screen; the case number still finds them", async () => {
    const { report, person } = await acceptedReport();
    await createProfiledReference(db(), person.id);
    expect(await named(person)).toContain(person.id);
    expect(await duplicatesOf(person)).toContain(person.id);
    expect((await referenceCandidates(db(), { missingPersonId: person.id })).map((candidate) => candidate.id)).toEqual([person.id]);

    const { consent, result } = await withdraw(report.id, "search");
    expect(result).toMatchObject({ ok: true });
    expect(await named(person)).not.toContain(person.id);
    expect(await duplicatesOf(person)).not.toContain(person.id);
    expect(await referenceCandidates(db(), { missingPersonId: person.id })).toEqual([]);
    expect((await searchMissingPersons(db(), person.caseNumber)).map((found) => found.id)).toContain(person.id);
    expect([...(await withheldUsesOfPerson(read(), db(), person.id))]).toContain("search");
    // Recorded with who, when and why, in the same transaction as its audit entry.
    const [withdrawn] = await db().select().from(dataConsents).where(eq(dataConsents.id, consent.id));
    expect(withdrawn).toMatchObject({ withdrawnOn: todayInTarhuna(), withdrawalRecordedBy: actionRequest.session?.userId, withdrawalNote: "طلبت المُبلِّغة ذلك في المكتب" });
    expect((await auditEntriesFor(db(), "data_consent", consent.id)).map((entry) => entry.action)).toEqual(["consent.withdraw"]);

    // Only a new consent given in person at the office brings the use back.
    expect(await recordConsent({ missingPersonId: person.id, levels: ["search"], givenOn: todayInTarhuna(), givenBy: "مريم خليفة", wordingVersion: "OFF-2026-1" })).toMatchObject({ ok: true });
    expect(await named(person)).toContain(person.id);
    expect([...(await withheldUsesOfPerson(read(), db(), person.id))]).not.toContain("search");
  });

  it("withdrawing (a) on a report linked to a person already on file leaves that person's record searchable: the report added no data to it", async () => {
    const onFile = await createMissingPerson(db());
    const { report } = await acceptedReport(reportValues(), onFile.id);
    expect(await withdraw(report.id, "search")).toMatchObject({ result: { ok: true } });
    expect(await duplicatesOf(onFile)).toContain(onFile.id);
    expect([...(await withheldUsesOfPerson(read(), db(), onFile.id))]).toEqual([]);
  });

  it("withdrawing (c) leaves the reporter's details out of the person's prosecution dossier", async () => {
    const { report, person, values } = await acceptedReport();
    const dossier = async () => {
      const pdf = await generateDossier(authoriseRead(actionRequest.session, "personalData.export"), db(), {}, "person", person.id);
      if (!pdf) throw new Error("no dossier");
      return pdfText(pdf);
    };
    const before = await dossier();
    expect(before).toContain(values.circumstances);
    expect(before).toContain(person.caseNumber);

    expect(await withdraw(report.id, "prosecution")).toMatchObject({ result: { ok: true } });
    const after = await dossier();
    expect(after).toContain(person.caseNumber);
    for (const given of [values.circumstances, values.lastSeenPlace, values.familyName]) expect(after).not.toContain(given);
    expect(after).toContain("Details withheld");
  });

  it("withdrawing (d): the reporter may no longer be contacted", async () => {
    const { report } = await acceptedReport();
    const consents = () => consentsOfReport(authoriseRead(actionRequest.session, "people.write"), db(), report.id);
    expect(reporterMayBeContacted(await consents())).toBe(true);
    expect(await withdraw(report.id, "contact")).toMatchObject({ result: { ok: true } });
    expect(reporterMayBeContacted(await consents())).toBe(false);
  });

  it("refuses a withdrawal without a reason, and a second withdrawal of the same consent", async () => {
    const { report } = await acceptedReport();
    expect((await withdraw(report.id, "partners", "")).result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { note: "required" } });
    expect((await withdraw(report.id, "partners")).result).toMatchObject({ ok: true });
    const [consent] = await db().select().from(dataConsents).where(and(eq(dataConsents.onlineReportId, report.id), eq(dataConsents.level, "partners")));
    expect(await withdrawConsent({ consentId: consent?.id ?? "", version: consent?.version ?? 0, withdrawnOn: todayInTarhuna(), wordingVersion: "WD-2026-1", note: "مرة أخرى" })).toMatchObject({ ok: false, message: "OnlineReport.consentAlreadyWithdrawn" });
  });
});
