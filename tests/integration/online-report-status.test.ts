import "./support/mock-action-request";
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { acceptReport, rejectReport } from "@/app/[locale]/staff/online-reports/actions";
import { families, onlineReports } from "@/db/schema";
import { issueFormToken } from "@/lib/online-reports/form-token";
import type { SubmittedReport } from "@/lib/online-reports/schemas";
import { checkReportStatus, STATUS_REFERENCE_LIMIT } from "@/lib/online-reports/status-check";
import { submitOnlineReport } from "@/lib/online-reports/submit";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser, uniqueSuffix } from "./support/factories";

const backends = await testBackends();
const someAddress = () => `192.0.2.${String(randomInt(1, 255))}`;

function reportValues(phone: string): SubmittedReport {
  return {
    reporterName: "سعاد علي المبلغة", reporterRelationship: "الزوجة", reporterPhone: phone, reporterEmail: "", reporterResidence: "تونس",
    givenName: "علي", fatherName: "محمد", grandfatherName: "سالم", familyName: `القماطي${uniqueSuffix()}`, sex: "male", birthYear: "1985",
    lastSeenOn: "", lastSeenPlace: "", circumstances: "", policeReportNumber: "", relatives: "",
    consentSearch: true, consentPartners: false, consentProsecution: false, consentContact: true,
  };
}

describeOnEachBackend(backends, "the reporter's status check (issue 26)", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
  });
  const submitted = async () => {
    const phone = `+218 91 ${String(randomInt(1_000_000, 9_999_999))}`;
    const outcome = await submitOnlineReport(db(), { report: reportValues(phone), formToken: issueFormToken(new Date(Date.now() - 10_000)), honeypot: "", locale: "ar", ip: someAddress(), userAgent: "status test" });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [report] = await db().select().from(onlineReports).where(eq(onlineReports.reference, outcome.reference));
    if (!report) throw new Error("no report");
    return { report, phone };
  };
  const check = (reference: string, phone: string) => checkReportStatus(db(), { reference, phone, ip: someAddress(), userAgent: "status test" });

  it("tells the reporter received, accepted (see the office) or closed, from the reference and the phone given, and audits each read without personal data", async () => {
    const { report, phone } = await submitted();
    // As typed on a phone: lower case, spaces, Arabic-Indic digits.
    const typedPhone = phone.replace(/\d/g, (digit) => String.fromCodePoint(0x0660 + Number(digit)));
    expect(await check(` ${report.reference.toLowerCase()} `, typedPhone)).toEqual({ ok: true, answer: "received" });
    const [entry] = (await auditEntriesFor(db(), "online_report", report.id)).filter((row) => row.action === "onlineReport.statusCheck");
    expect(entry).toMatchObject({ actorId: null, after: { answer: "received" } });
    expect(JSON.stringify(entry)).not.toContain(report.reporterPhoneKey);

    signInAs(await createUser(db(), "registrar"));
    const [family] = await db().insert(families).values({ reference: `TST-F-${uniqueSuffix().toUpperCase()}`, contactName: "جهة اتصال" }).returning();
    expect(await acceptReport({ reportId: report.id, version: report.version, mode: "existingFamily", familyReference: family?.reference ?? "" })).toMatchObject({ ok: true });
    const accepted = await check(report.reference, phone);
    expect(accepted).toEqual({ ok: true, answer: "accepted" });
    expect(JSON.stringify(accepted)).not.toContain(family?.reference ?? "-");

    const other = await submitted();
    expect(await rejectReport({ reportId: other.report.id, version: other.report.version, kind: "insufficient", reason: "لا يكفي" })).toMatchObject({ ok: true });
    expect(await check(other.report.reference, other.phone)).toEqual({ ok: true, answer: "closed" });
  });

  it("answers the same for a reference that does not exist and for the wrong phone, and audits neither as a read", async () => {
    const { report, phone } = await submitted();
    const unknown = await check("TRH-R-ZZZZ-ZZZZ", phone);
    const wrongPhone = await check(report.reference, "+218 91 0000000");
    expect(unknown).toEqual({ ok: true, answer: "unknown" });
    expect(wrongPhone).toEqual(unknown);
    expect((await auditEntriesFor(db(), "online_report", report.id)).map((row) => row.action)).toEqual(["onlineReport.submit"]);
    expect(await check("not a reference", phone)).toEqual({ ok: false, error: "invalid" });
    expect(await check(report.reference, "12")).toEqual({ ok: false, error: "invalid" });
  });

  it(`allows ${String(STATUS_REFERENCE_LIMIT.limit)} checks of one reference a day, whatever the address, so a phone cannot be guessed`, async () => {
    const { report, phone } = await submitted();
    for (let attempt = 0; attempt < STATUS_REFERENCE_LIMIT.limit; attempt++) expect(await check(report.reference, `+218 92 ${String(1_000_000 + attempt)}`)).toMatchObject({ ok: true, answer: "unknown" });
    expect(await check(report.reference, phone)).toMatchObject({ ok: false, error: "tooMany" });
  });
});
