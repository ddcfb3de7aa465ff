import type { Database } from "@/db/client";
import { appendAuditEntry } from "@/lib/audit/append";
import { latestStoredCheckpoint } from "@/lib/audit/checkpoint";
import { readAction } from "@/lib/audit/read-actions";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { dossierAuditEntries } from "./audit-hashes";
import { loadCaseFile, type DossierSubject } from "./case-file";
import { renderDossier } from "./render";
import { runTransaction } from "@/lib/audit/run-transaction";

/**
 * Reads the case, records the dossier's generation in the audit log (with every hash it prints) in
 * the same transaction, and renders it; that entry is the chain head the dossier names.
 */
export async function generateDossier(
  access: ReadAccess<"personalData.export">,
  db: Database,
  metadata: Partial<RequestMetadata>,
  subject: DossierSubject,
  subjectId: string,
): Promise<Buffer | null> {
  assertReadAccess(access, "personalData.export");
  const { session } = access;
  const prepared = await runTransaction(db, async (tx) => {
    const caseFile = await loadCaseFile(tx, subject, subjectId);
    if (!caseFile) return null;
    const entries = await dossierAuditEntries(tx, caseFile);
    const checkpoint = await latestStoredCheckpoint(tx);
    const generatedAt = new Date();
    const entry = await appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: readAction("dossier"),
      // Its own entity, so that a dossier never becomes the "latest entry" of the records it shows.
      entity: "dossier",
      entityId: subjectId,
      after: {
        subject,
        records: entries.records.map((record) => ({ entity: record.entity, entityId: record.entityId, entryId: record.entryId, hash: record.hash })),
        checkpoint: checkpoint && { entryId: checkpoint.entryId, count: checkpoint.count, hash: checkpoint.hash, signedAt: checkpoint.signedAt },
      },
      ...metadata,
    });
    return { caseFile, entries, meta: { generatedAt, generatedBy: session.displayName, chainHead: { entryId: entry.id, hash: entry.hash }, checkpoint } };
  });
  return prepared ? renderDossier(prepared.caseFile, prepared.entries, prepared.meta) : null;
}
