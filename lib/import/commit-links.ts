import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { policeReportPersons, policeReports } from "@/db/schema";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { appendAuditEntry } from "@/lib/audit/append";
import { POLICE_REPORT_ENTITY } from "@/lib/reports/report-details";
import type { ImportActor } from "./commit";
import type { ReportLinks } from "./report-links";
import type { PoliceReportRow } from "./validate-row";

/**
 * Links reports already on file to the people the file names for them and they are not linked to
 * yet (people on file, or created by this import). Each report changed gets a new version and an
 * audit entry naming the import, as a correction through the report's form would; a person linked
 * meanwhile by someone else is not linked twice.
 */
export async function linkReportsOnFile(tx: Transaction, importId: string, linksOnFile: readonly ReportLinks[], references: ReadonlyMap<string, string>, actor: ImportActor): Promise<void> {
  for (const { row, reportId } of linksOnFile) {
    const report = row.values as PoliceReportRow;
    const named = [...report.caseNumbers, ...report.namedPeople.map((person) => person.key)].map((key) => references.get(key));
    const [locked] = await tx.select({ version: policeReports.version }).from(policeReports).where(eq(policeReports.id, reportId)).for("update");
    if (!locked) throw new Error(`report ${reportId} to be linked is not on file`);
    const linked = (await tx.select({ id: policeReportPersons.missingPersonId }).from(policeReportPersons).where(eq(policeReportPersons.reportId, reportId))).map((link) => link.id);
    const added = [...new Set(named.flatMap((id) => (id === undefined || linked.includes(id) ? [] : [id])))];
    if (added.length === 0) continue;
    await tx.insert(policeReportPersons).values(added.map((missingPersonId) => ({ reportId, missingPersonId })));
    await updateVersioned(tx, policeReports, POLICE_REPORT_ENTITY, { id: reportId, version: locked.version }, {});
    await appendAuditEntry(tx, {
      ...actor,
      action: "policeReport.update",
      entity: POLICE_REPORT_ENTITY,
      entityId: reportId,
      before: { missingPersonIds: linked },
      after: { missingPersonIds: [...linked, ...added], importId },
    });
  }
}
