import { desc, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CaseFile } from "./case-file";

/** A record the dossier shows, by the entity name its audit entries carry. */
export interface ShownRecord {
  entity: string;
  entityId: string;
  label: string;
}

export interface RecordHash extends ShownRecord {
  entryId: number | null;
  hash: string | null;
}

/** Imported rows carry no entry of their own: the import's single entry vouches for them. */
function auditedAs(entity: string, row: { id: string; importId?: string | null }): Pick<ShownRecord, "entity" | "entityId"> {
  return row.importId ? { entity: "import", entityId: row.importId } : { entity, entityId: row.id };
}

export function shownRecords(caseFile: CaseFile): ShownRecord[] {
  return [
    ...caseFile.persons.map((person) => ({ ...auditedAs("missing_person", person), label: person.caseNumber })),
    ...caseFile.persons.flatMap((person) => (person.familyId && person.familyReference ? [{ entity: "family", entityId: person.familyId, label: person.familyReference }] : [])),
    ...caseFile.reports.map((report) => ({ ...auditedAs("police_report", report), label: `${report.reportNumber} · ${report.station}` })),
    // Effects are recorded with their body, in the body's own audit entries.
    ...caseFile.remains.map((body) => ({ entity: "remains", entityId: body.id, label: body.code })),
    ...caseFile.custody.map((event) => ({ entity: "custody_event", entityId: event.id, label: `${event.action} ${event.occurredAt.toISOString().slice(0, 10)}` })),
    ...caseFile.samples.map((sample) => ({ entity: "dna_sample", entityId: sample.id, label: sample.barcode })),
    ...caseFile.identifications.map((identification) => ({ entity: "identification", entityId: identification.id, label: identification.id.slice(0, 8) })),
  ];
}

/** The newest audit entry of each shown record: what a court compares with the log. */
export async function latestAuditHashes(db: Executor, records: readonly ShownRecord[]): Promise<RecordHash[]> {
  const entityIds = [...new Set(records.map((record) => record.entityId))];
  const entries =
    entityIds.length === 0
      ? []
      : await db
          .select({ id: auditLog.id, entity: auditLog.entity, entityId: auditLog.entityId, hash: auditLog.hash })
          .from(auditLog)
          .where(inArray(auditLog.entityId, entityIds))
          .orderBy(desc(auditLog.id));
  const seen = new Set<string>();
  return records
    .filter((record) => {
      const key = `${record.entity}/${record.entityId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((record) => {
      const latest = entries.find((entry) => entry.entity === record.entity && entry.entityId === record.entityId);
      return { ...record, entryId: latest?.id ?? null, hash: latest?.hash ?? null };
    });
}

