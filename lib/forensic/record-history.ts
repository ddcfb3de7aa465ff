import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { isChangeEntry } from "@/lib/audit/read-actions";

/**
 * A record's own audit entries, oldest first: its creation, every edit and a voiding, with who and
 * when. Forensic staff see the history of the records they work on without the whole audit log.
 */
export function getRecordHistory(db: Executor, entity: string, entityId: string) {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    // Who only read the record is in the audit log, not in its history of changes.
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId), isChangeEntry()))
    .orderBy(asc(auditLog.id));
}

export type RecordHistoryEntry = Awaited<ReturnType<typeof getRecordHistory>>[number];
