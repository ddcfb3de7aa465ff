import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { createPoliceReport, updatePoliceReport, voidPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { exportRows } from "@/lib/export/lists";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { getReportsPage } from "@/lib/people/report-list";
import { searchMissingPersons } from "@/lib/people/search";
import { getPublicSummary } from "@/lib/public/summary";
import { getPoliceReportDetails, POLICE_REPORT_ENTITY } from "@/lib/reports/report-details";
import type { UpdatePoliceReportValues } from "@/lib/reports/schemas";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createUser, uniqueSuffix } from "./support/factories";
import { unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "opening, correcting and voiding a police report", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUser(db(), "registrar"));
  });

  async function reportNaming(...missingPersonIds: string[]) {
    const reportNumber = `C/${uniqueSuffix()}`;
    const { reportId } = unwrap(
      await createPoliceReport({
        station: "مركز شرطة ترهونة", reportNumber, filedOn: "2020-07-01", reporterName: "سالم عمر", reporterRelationship: "أخ",
        category: "disappearance", narrative: "اقتيد من المزرعة", missingPersonIds, newPersons: [],
      }),
    );
    const report = await getPoliceReportDetails(readAs("registrar", "people.read"), db(), reportId);
    if (!report) throw new Error("report not found");
    return report;
  }

  function formValues(report: NonNullable<Awaited<ReturnType<typeof getPoliceReportDetails>>>, changes: Partial<UpdatePoliceReportValues> = {}): UpdatePoliceReportValues {
    return {
      reportId: report.id, version: report.version, station: report.station, reportNumber: report.reportNumber, filedOn: report.filedOn,
      reporterName: report.reporterName, reporterRelationship: report.reporterRelationship, category: report.category, narrative: report.narrative,
      missingPersonIds: report.persons.map((person) => person.id), ...changes,
    };
  }

  it("opens a report with the case numbers of the people it names", async () => {
    const [first, second] = [await createMissingPerson(db()), await createMissingPerson(db())];
    const report = await reportNaming(first.id, second.id);
    expect(report.narrative).toBe("اقتيد من المزرعة");
    expect(report.persons.map((person) => person.caseNumber)).toEqual([first.caseNumber, second.caseNumber].sort());
  });

  it("corrects the facts, unlinks one person and links another in one audited save", async () => {
    const [kept, unlinked, linked] = [await createMissingPerson(db()), await createMissingPerson(db()), await createMissingPerson(db())];
    const report = await reportNaming(kept.id, unlinked.id);
    unwrap(await updatePoliceReport(formValues(report, { narrative: "اقتيد من البيت", category: "killing", missingPersonIds: [kept.id, linked.id] })));
    const corrected = await getPoliceReportDetails(readAs("registrar", "people.read"), db(), report.id);
    expect(corrected).toMatchObject({ narrative: "اقتيد من البيت", category: "killing", version: report.version + 1 });
    expect(corrected?.persons.map((person) => person.id).sort()).toEqual([kept.id, linked.id].sort());
    const history = await getRecordHistory(readAs("forensic", "people.read"), db(), POLICE_REPORT_ENTITY, report.id);
    expect(history.map((entry) => entry.action)).toEqual(["policeReport.create", "policeReport.update"]);
    expect(history[1]?.before).toMatchObject({ narrative: "اقتيد من المزرعة", missingPersonIds: expect.arrayContaining([kept.id, unlinked.id]) });
    expect(history[1]?.after).toMatchObject({ narrative: "اقتيد من البيت", missingPersonIds: [kept.id, linked.id] });
    expect(history[1]?.after).not.toHaveProperty("reporterNameSearch");
  });

  it("refuses a save over a newer version and names who saved first", async () => {
    const report = await reportNaming((await createMissingPerson(db())).id);
    const first = signInAs(await createUser(db(), "registrar"));
    unwrap(await updatePoliceReport(formValues(report, { narrative: "أولاً" })));
    signInAs(await createUser(db(), "admin"));
    const stale = await updatePoliceReport(formValues(report, { narrative: "ثانياً" }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: first.username } });
    expect((await getPoliceReportDetails(readAs("registrar", "people.read"), db(), report.id))?.narrative).toBe("أولاً");
  });

  it("refuses to name nobody, or a person not on file", async () => {
    const person = await createMissingPerson(db());
    const report = await reportNaming(person.id);
    expect(await updatePoliceReport(formValues(report, { missingPersonIds: [] }))).toMatchObject({ ok: false, fieldErrors: { missingPersonIds: "choosePerson" } });
    expect(await updatePoliceReport(formValues(report, { missingPersonIds: [crypto.randomUUID()] }))).toMatchObject({ ok: false, fieldErrors: { missingPersonIds: "invalidChoice" } });
    expect((await getPoliceReportDetails(readAs("registrar", "people.read"), db(), report.id))?.version).toBe(report.version);
  });

  it("lets forensic staff and viewers read but not correct or void a report", async () => {
    const report = await reportNaming((await createMissingPerson(db())).id);
    for (const role of ["forensic", "viewer"] as const) {
      signInAs(await createUser(db(), role));
      expect(await updatePoliceReport(formValues(report, { narrative: "x" }))).toMatchObject({ ok: false, error: "forbidden" });
      expect(await voidPoliceReport({ recordId: report.id, reason: "أدخل خطأً", version: report.version })).toMatchObject({ ok: false, error: "forbidden" });
    }
  });

  it("voids a report with its reason: still readable, marked, out of the list, the search, the export and the public count", async () => {
    const person = await createMissingPerson(db());
    const report = await reportNaming(person.id);
    const countBefore = (await getPublicSummary(db())).policeReports;
    expect(await voidPoliceReport({ recordId: report.id, reason: "بلاغ مكرر", version: report.version })).toMatchObject({ ok: true });
    const voided = await getPoliceReportDetails(readAs("registrar", "people.read"), db(), report.id);
    expect(voided).toMatchObject({ voidReason: "بلاغ مكرر", persons: [expect.objectContaining({ id: person.id })] });
    expect(voided?.voidedAt).toBeInstanceOf(Date);
    expect((await getPublicSummary(db())).policeReports).toBe(countBefore - 1);
    expect((await getReportsPage(readAs("registrar", "people.read"), db(), { search: report.reportNumber })).rows).toEqual([]);
    expect((await searchMissingPersons(db(), report.reportNumber)).map((result) => result.id)).not.toContain(person.id);
    const exported: unknown[][] = [];
    for await (const batch of exportRows(readAs("registrar", "personalData.export"), db(), "policeReports")) exported.push(...batch);
    expect(exported.some((row) => row[0] === report.reportNumber)).toBe(false);
    expect(await updatePoliceReport(formValues(report, { version: report.version + 1 }))).toMatchObject({ ok: false, message: "Forensic.recordVoided" });
    expect((await auditEntriesFor(db(), POLICE_REPORT_ENTITY, report.id)).map((entry) => entry.action)).toContain("policeReport.void");
  });
});
