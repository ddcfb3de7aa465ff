import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import type { ImportMode } from "@/lib/import/run-import";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { importRegisterFile } from "./support/import-register";

const backends = await testBackends();

describeOnEachBackend(backends, "a register naming people for reports already on file (issue 28, point 4)", (database) => {
  const importReports = (mode: ImportMode, conflictChoices: Record<string, ConflictChoice> = {}) =>
    importRegisterFile(database().db, "reports-named-people.csv", { kind: "policeReports", mode, conflictChoices });

  async function reportNumbered(reportNumber: string) {
    const [report] = await database().db.select().from(policeReports).where(eq(policeReports.reportNumber, reportNumber));
    if (!report) throw new Error(`no report ${reportNumber}`);
    return report;
  }

  async function peopleLinkedTo(reportId: string): Promise<string[]> {
    const rows = await database()
      .db.select({ id: missingPersons.id })
      .from(policeReportPersons)
      .innerJoin(missingPersons, eq(missingPersons.id, policeReportPersons.missingPersonId))
      .where(eq(policeReportPersons.reportId, reportId));
    return rows.map((row) => row.id).sort();
  }

  it("a second import of the same register links nothing twice, creates nobody and asks nothing", async () => {
    const first = await importReports("commit");
    expect(first.counts).toMatchObject({ conflicts: 0, reportsLinked: 0 });
    const people = await database().db.select({ id: missingPersons.id }).from(missingPersons);

    const again = await importReports("commit");
    expect(again.counts).toMatchObject({ new: 0, alreadyPresent: first.counts.new, conflicts: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    expect(again.personMatches).toEqual([]);
    expect(await database().db.select({ id: missingPersons.id }).from(missingPersons)).toHaveLength(people.length);
  });

  it("links a report on file without its people to them, once the user has said which person on file each name is", async () => {
    // The state the office's registers were left in before: the reports imported, none linked to the person it is about.
    const report = await reportNumbered("703/2020");
    const [person] = await peopleLinkedTo(report.id);
    await database().db.delete(policeReportPersons).where(eq(policeReportPersons.reportId, report.id));

    const asked = await importReports("dryRun");
    expect(asked.counts).toMatchObject({ new: 0, conflicts: 1, reportsLinked: 0, peopleCreated: 0 });
    expect(asked.personMatches.map((match) => [match.name, match.matches.map((candidate) => candidate.id)])).toEqual([["عبد الله ونيس الترهوني", [person]]]);

    const choices: Record<string, ConflictChoice> = { [asked.personMatches[0]?.key ?? ""]: `link:${person}` };
    const checked = await importReports("dryRun", choices);
    expect(checked.counts).toMatchObject({ new: 0, conflicts: 0, reportsLinked: 1, peopleLinked: 1, peopleCreated: 0 });
    expect(checked.preview.map((record) => [record.action, record.title.split(" — ")[0], record.people.map((named) => named.action)])).toEqual([["link", "703/2020", ["link"]]]);
    expect(await peopleLinkedTo(report.id)).toEqual([]);

    const committed = await importReports("commit", choices);
    expect(committed.counts).toMatchObject({ reportsLinked: 1, peopleCreated: 0 });
    expect(await peopleLinkedTo(report.id)).toEqual([person]);
    // A new version (an open edit form of the report is told), and the change in the audit log with the import's id.
    expect((await reportNumbered("703/2020")).version).toBe(report.version + 1);
    const [entry] = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, report.id), inArray(auditLog.action, ["policeReport.update"])));
    expect(entry?.after).toMatchObject({ missingPersonIds: [person], importId: committed.importId });
  });

  it("creates a named person the registry does not have and links the report on file to them", async () => {
    const report = await reportNumbered("707/2020");
    const [person] = await peopleLinkedTo(report.id);
    await database().db.delete(policeReportPersons).where(eq(policeReportPersons.reportId, report.id));
    // The person the first import created for this report is voided: the registry no longer has him.
    await database().db.update(missingPersons).set({ voidedAt: new Date(), voidReason: "test" }).where(eq(missingPersons.id, person ?? ""));

    const committed = await importReports("commit");
    expect(committed.counts).toMatchObject({ new: 0, reportsLinked: 1, peopleCreated: 1, conflicts: 0 });
    const [linked] = await peopleLinkedTo(report.id);
    expect(linked).toBeDefined();
    expect(linked).not.toBe(person);
    const [created] = await database().db.select().from(missingPersons).where(eq(missingPersons.id, linked ?? ""));
    expect([created?.givenName, created?.familyName, created?.importId]).toEqual(["خالد", "الفيتوري", committed.importId]);
  });
});
