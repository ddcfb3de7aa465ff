import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { systemSettings } from "@/db/schema";

/**
 * The outcome of the newest backup and the newest restore drill, kept in the live database so the
 * admin dashboard can show them (lib/dashboard/backup-status.ts). Written by `npm run backup` and
 * `npm run restore:drill` after their work, whatever its result.
 */
export interface OperationRecord {
  /** When it ran (ISO time). */
  at: string;
  ok: boolean;
  /** The backup file it wrote or restored. */
  file: string;
  /** One line per problem found; empty when ok. */
  problems: string[];
}

export const OPERATION_KEYS = { backup: "operations_last_backup", drill: "operations_last_restore_drill" } as const;
export type OperationKind = keyof typeof OPERATION_KEYS;

export async function recordOperation(db: Executor, kind: OperationKind, record: OperationRecord): Promise<void> {
  await db
    .insert(systemSettings)
    .values({ key: OPERATION_KEYS[kind], value: record })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: record, updatedAt: new Date() } });
}

function isOperationRecord(value: unknown): value is OperationRecord {
  const candidate = value as Partial<OperationRecord> | null;
  return typeof candidate?.at === "string" && typeof candidate.ok === "boolean" && typeof candidate.file === "string" && Array.isArray(candidate.problems);
}

export async function lastOperation(db: Executor, kind: OperationKind): Promise<OperationRecord | null> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, OPERATION_KEYS[kind]));
  return isOperationRecord(row?.value) ? row.value : null;
}
