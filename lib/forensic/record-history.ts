import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { isChangeEntry } from "@/lib/audit/read-actions";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import type { Permission } from "@/lib/auth/permissions";

/** Whose history is this: the permission that lets a role read the record also lets it read the record's changes. */
const HISTORY_PERMISSION = {
  police_report: "people.read",
  identification: "people.read",
  remains: "forensic.read",
  grave_site: "forensic.read",
} as const satisfies Record<string, Permission>;

export type HistoryEntity = keyof typeof HISTORY_PERMISSION;

/**
 * A record's own audit entries, oldest first: its creation, every edit and a voiding, with who and
 * when. Forensic staff see the history of the records they work on without the whole audit log.
 */
export async function getRecordHistory<E extends HistoryEntity>(access: ReadAccess<(typeof HISTORY_PERMISSION)[E]>, db: Executor, entity: E, entityId: string) {
  assertReadAccess(access, HISTORY_PERMISSION[entity]);
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
