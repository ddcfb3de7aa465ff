import type { Database } from "@/db/client";
import { appendAuditEntry } from "@/lib/audit/append";
import type { StaffSession } from "@/lib/auth/current-session";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { latestAuditHashes, shownRecords } from "./audit-hashes";
import { loadCaseFile, type DossierSubject } from "./case-file";
import { renderDossier } from "./render";

/**
 * Reads the case, records the dossier's generation in the audit log (with every hash it prints) in
 * the same transaction, and renders it; that entry is the chain head the dossier names.
 */
export async function generateDossier(
  db: Database,
  session: Pick<StaffSession, "userId" | "username" | "displayName">,
  metadata: Partial<RequestMetadata>,
  subject: DossierSubject,
  subjectId: string,
): Promise<Buffer | null> {
  const prepared = await db.transaction(async (tx) => {
    const caseFile = await loadCaseFile(tx, subject, subjectId);
    if (!caseFile) return null;
    const hashes = await latestAuditHashes(tx, shownRecords(caseFile));
    const generatedAt = new Date();
    const entry = await appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: "dossier.generate",
      // Its own entity, so that a dossier never becomes the "latest entry" of the records it shows.
      entity: "dossier",
      entityId: subjectId,
      after: {
        subject, records: hashes.map((record) => ({ entity: record.entity, entityId: record.entityId, entryId: record.entryId, hash: record.hash })) },
      ...metadata,
    });
    return { caseFile, hashes, meta: { generatedAt, generatedBy: session.displayName, chainHead: { entryId: entry.id, hash: entry.hash } } };
  });
  return prepared ? renderDossier(prepared.caseFile, prepared.hashes, prepared.meta) : null;
}
