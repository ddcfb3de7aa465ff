import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { policeReportPersons, policeReports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { updateVersioned } from "@/lib/actions/versioned-update";
import type { VoidRecordValues } from "@/lib/forensic/schemas/void-record";
import { policeReportValues, requireActivePersons } from "@/lib/people/police-reports";
import { refusingDuplicate } from "@/lib/people/unique-field";
import { POLICE_REPORT_ENTITY, policeReportColumns } from "./report-details";
import type { UpdatePoliceReportValues } from "./schemas";
import { auditSnapshot } from "@/lib/audit/snapshot";

async function lockedReport(tx: Transaction, reportId: string) {
  const [report] = await tx.select(policeReportColumns).from(policeReports).where(eq(policeReports.id, reportId)).for("update");
  if (!report) throw new ActionRefusal("notFound", "Actions.notFound");
  if (report.voidedAt) throw new ActionRefusal("refused", "Forensic.recordVoided");
  return report;
}

async function linkedPersonIds(tx: Transaction, reportId: string): Promise<string[]> {
  const links = await tx.select({ id: policeReportPersons.missingPersonId }).from(policeReportPersons).where(eq(policeReportPersons.reportId, reportId));
  return links.map((link) => link.id);
}

/** Links the report to exactly `wanted`: people no longer named are unlinked, newly named ones must be on file and live. */
async function relinkPersons(tx: Transaction, reportId: string, linked: readonly string[], wanted: readonly string[]) {
  const added = wanted.filter((id) => !linked.includes(id));
  const removed = linked.filter((id) => !wanted.includes(id));
  await requireActivePersons(tx, added);
  if (removed.length > 0) {
    await tx.delete(policeReportPersons).where(and(eq(policeReportPersons.reportId, reportId), inArray(policeReportPersons.missingPersonId, removed)));
  }
  if (added.length > 0) await tx.insert(policeReportPersons).values(added.map((missingPersonId) => ({ reportId, missingPersonId })));
}

/**
 * Corrects a report's facts and the people it names, in one save over the version the form was
 * loaded with: a newer version is refused with who saved it, never silently overwritten.
 */
export async function updatePoliceReport({ input, tx, audit }: ActionContext<UpdatePoliceReportValues>): Promise<{ reportId: string }> {
  const before = await lockedReport(tx, input.reportId);
  const linked = await linkedPersonIds(tx, before.id);
  const wanted = [...new Set(input.missingPersonIds)];
  const after = await refusingDuplicate("reportNumber", "reportNumberTaken", () =>
    updateVersioned(tx, policeReports, POLICE_REPORT_ENTITY, { id: before.id, version: input.version }, policeReportValues(input)),
  );
  await relinkPersons(tx, before.id, linked, wanted);
  await audit({
    action: "policeReport.update",
    entity: POLICE_REPORT_ENTITY,
    entityId: before.id,
    before: { ...auditSnapshot("police_report", before), missingPersonIds: linked },
    after: { ...auditSnapshot("police_report", after), missingPersonIds: wanted },
  });
  return { reportId: before.id };
}

/**
 * Marks a report entered in error as void: it stays readable with who, when and why, and leaves
 * the lists, the export, the staff search and the public count of reports. Its links are kept.
 */
export async function voidPoliceReport({ input, session, tx, audit }: ActionContext<VoidRecordValues>): Promise<{ recordId: string }> {
  const [before] = await tx.select(policeReportColumns).from(policeReports).where(eq(policeReports.id, input.recordId)).for("update");
  if (!before) throw new ActionRefusal("notFound", "Actions.notFound");
  if (before.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  const voided = { voidedAt: new Date(), voidedBy: session.userId, voidReason: input.reason };
  const after = await updateVersioned(tx, policeReports, POLICE_REPORT_ENTITY, { id: before.id, version: input.version ?? before.version }, voided);
  await audit({ action: "policeReport.void", entity: POLICE_REPORT_ENTITY, entityId: before.id, before: auditSnapshot("police_report", before), after: auditSnapshot("police_report", after) });
  return { recordId: before.id };
}
