import "server-only";
import { and, desc, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { CaseFile } from "./case-file";
import { sampleStepEntries } from "./custody-entries";
import { libyaDate } from "./dossier-time";
import { terms } from "./labels";
import { isChangeEntry } from "@/lib/audit/read-actions";

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

/** The audit entries behind a dossier's records, and which custody events carry a date alone. */
export interface DossierEntries {
  records: RecordHash[];
  /** Custody events written by a sample's collection or laboratory step: their time is a date only. */
  dateOnlyCustody: Set<string>;
}

/** Imported rows carry no entry of their own: the import's single entry vouches for them. */
export function auditedAs(entity: string, row: { id: string; importId?: string | null }): Pick<ShownRecord, "entity" | "entityId"> {
  return row.importId ? { entity: "import", entityId: row.importId } : { entity, entityId: row.id };
}

export function shownRecords(caseFile: CaseFile): ShownRecord[] {
  return [
    ...caseFile.persons.map((person) => ({ ...auditedAs("missing_person", person), label: person.caseNumber })),
    ...caseFile.persons.flatMap((person) => (person.familyId && person.familyReference ? [{ entity: "family", entityId: person.familyId, label: person.familyReference }] : [])),
    ...caseFile.reports.map((report) => ({ ...auditedAs("police_report", report), label: `${report.reportNumber} · ${report.station}` })),
    // Effects are recorded with their body, in the body's own audit entries.
    ...caseFile.remains.map((body) => ({ entity: "remains", entityId: body.id, label: body.code })),
    ...caseFile.custody.map((event) => ({ entity: "custody_event", entityId: event.id, label: `${libyaDate(event.occurredAt)} · ${terms.custodyAction(event.action)}` })),
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
          // The record's latest change, never a later read of it.
          .where(and(inArray(auditLog.entityId, entityIds), isChangeEntry()))
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


/** Each shown record with its audit entry, custody events written by a sample step included. */
export async function dossierAuditEntries(db: Executor, caseFile: CaseFile): Promise<DossierEntries> {
  const records = await latestAuditHashes(db, shownRecords(caseFile));
  const unaudited = caseFile.custody.filter((event) => records.some((record) => record.entity === "custody_event" && record.entityId === event.id && record.hash === null));
  const steps = await sampleStepEntries(db, unaudited);
  return {
    records: records.map((record) => {
      const step = record.entity === "custody_event" ? steps.get(record.entityId) : undefined;
      return step ? { ...record, ...step } : record;
    }),
    dateOnlyCustody: new Set(steps.keys()),
  };
}

/** "#123" for a record's audit entry, or null when it has none. */
export function entryReference(entries: DossierEntries, entity: string, entityId: string): string | null {
  const record = entries.records.find((candidate) => candidate.entity === entity && candidate.entityId === entityId);
  return record?.entryId ? `#${record.entryId}` : null;
}
