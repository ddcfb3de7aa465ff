import "server-only";
import type { Executor } from "@/db/client";
import type { ReadAccess } from "@/lib/auth/read-access";
import { lastOperation, type OperationKind, type OperationRecord } from "@/lib/backup/operations-record";

/** A backup or a drill older than this is flagged on the dashboard (issue 29: "older than 2 days"). */
export const STALE_AFTER_MILLISECONDS = 2 * 24 * 60 * 60 * 1000;

export interface OperationStatus {
  kind: OperationKind;
  /** null: never run on this database. */
  last: OperationRecord | null;
  /** Never run, or its newest run is older than two days. */
  overdue: boolean;
}

export function operationStatus(kind: OperationKind, last: OperationRecord | null, now: Date): OperationStatus {
  return { kind, last, overdue: last === null || now.getTime() - new Date(last.at).getTime() > STALE_AFTER_MILLISECONDS };
}

/** The newest backup and restore drill, for the administrators' dashboard (npm run backup, npm run restore:drill). */
export async function getBackupStatus(read: ReadAccess<"settings.manage">, db: Executor, now = new Date()): Promise<OperationStatus[]> {
  void read;
  const [backup, drill] = await Promise.all([lastOperation(db, "backup"), lastOperation(db, "drill")]);
  return [operationStatus("backup", backup, now), operationStatus("drill", drill, now)];
}
