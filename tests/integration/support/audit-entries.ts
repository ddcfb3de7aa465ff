import { asc, desc, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

/** The id of the newest audit entry (0 when the log is empty), to read what a step appends after it. */
export async function lastAuditEntryId(db: Executor): Promise<number> {
  const [row] = await db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row?.id ?? 0;
}

export function auditEntriesAfter(db: Executor, id: number) {
  return db.select().from(auditLog).where(gt(auditLog.id, id)).orderBy(asc(auditLog.id));
}
