import "server-only";
import { and, eq, isNull, notInArray, sql } from "drizzle-orm";
import { z } from "zod";
import { identifications, missingPersons, policeReports, spreadsheetImports } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { appendAuditEntries } from "@/lib/audit/append";
import { recordId, requiredText } from "@/lib/forensic/schemas/fields";
import { MISSING_PERSON_ENTITY } from "@/lib/people/void-missing-person";
import { POLICE_REPORT_ENTITY } from "@/lib/reports/report-details";

export const voidImportSchema = z.object({
  importId: recordId,
  reason: requiredText(1000).min(5, { error: "Forensic.voidReasonTooShort" }),
});

export type VoidImportValues = z.infer<typeof voidImportSchema>;

/**
 * Takes an import back: every report and person it created (import_id) and not voided since is
 * voided with the reason, each with its own audit entry, and the import is marked voided — all in
 * the action's one transaction. Records it did not create (reports it corrected, people it linked)
 * are left as they are.
 */
export async function voidSpreadsheetImport({ input, session, tx, audit, metadata }: ActionContext<VoidImportValues>) {
  const [run] = await tx.select().from(spreadsheetImports).where(eq(spreadsheetImports.id, input.importId)).for("update");
  if (!run) throw new ActionRefusal("notFound", "Actions.notFound");
  if (run.voidedAt) throw new ActionRefusal("refused", "Forensic.alreadyVoided");
  // As when one person is voided: an identification under way would lose its person.
  const [open] = await tx
    .select({ id: identifications.id })
    .from(identifications)
    .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
    .where(and(eq(missingPersons.importId, run.id), isNull(missingPersons.voidedAt), notInArray(identifications.status, ["rejected", "retracted"])))
    .limit(1);
  if (open) throw new ActionRefusal("refused", "PeopleEdits.personHasIdentification");
  const voided = { voidedAt: new Date(), voidedBy: session.userId, voidReason: input.reason, version: sql`version + 1`, updatedAt: new Date() };
  const reports = await tx
    .update(policeReports)
    .set(voided)
    .where(and(eq(policeReports.importId, run.id), isNull(policeReports.voidedAt)))
    .returning({ id: policeReports.id, reportNumber: policeReports.reportNumber, station: policeReports.station });
  const persons = await tx
    .update(missingPersons)
    .set(voided)
    .where(and(eq(missingPersons.importId, run.id), isNull(missingPersons.voidedAt)))
    .returning({ id: missingPersons.id, caseNumber: missingPersons.caseNumber });
  await tx.update(spreadsheetImports).set({ voidedAt: voided.voidedAt, voidedBy: session.userId, voidReason: input.reason }).where(eq(spreadsheetImports.id, run.id));
  const actor = { actorId: session.userId, actorLabel: session.username, ...metadata };
  const after = { voidedBy: session.userId, voidReason: input.reason, importId: run.id };
  await appendAuditEntries(tx, [
    ...reports.map((report) => ({ ...actor, action: "policeReport.void", entity: POLICE_REPORT_ENTITY, entityId: report.id, before: report, after })),
    ...persons.map((person) => ({ ...actor, action: "missingPerson.void", entity: MISSING_PERSON_ENTITY, entityId: person.id, before: person, after })),
  ]);
  await audit({ action: "import.void", entity: "import", entityId: run.id, before: { fileName: run.fileName, sha256: run.sha256 }, after: { reason: input.reason, voidedReports: reports.length, voidedPersons: persons.length } });
  return { importId: run.id, voidedReports: reports.length, voidedPersons: persons.length };
}
