import { eq, sql } from "drizzle-orm";
import type { Database, Executor, Transaction } from "@/db/client";
import { auditLog } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";

/**
 * What only a database superuser can do: change the append-only audit log behind the trigger's back.
 * ALTER TABLE is transactional, so the trigger is never off for any other connection.
 */
export function tamperWithAuditLog(db: Database, change: (tx: Transaction) => Promise<unknown>): Promise<void> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await change(tx);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

/** Appends `count` entries one after another and returns their ids and hashes in order. */
export async function appendTestEntries(db: Database, count: number, label = "test") {
  const appended: { id: number; hash: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    appended.push(
      await db.transaction((tx) =>
        appendAuditEntry(tx, {
          actorId: null,
          actorLabel: label,
          action: "missing_person.update",
          entity: "missing_person",
          entityId: `TST-MP-${index}`,
          before: { status: "missing", name: { given: "أحمد", family: "الزيتوني" }, children: [1, 2.5] },
          after: { status: "identified", recordedAt: new Date("2024-05-01T10:00:00.123Z"), note: null },
          ip: "10.0.0.1",
          userAgent: "integration test",
        }),
      ),
    );
  }
  return appended;
}

export async function readAuditRow(db: Executor, id: number) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id));
  if (!row) throw new Error(`audit entry ${id} does not exist`);
  return row;
}

type AuditRow = Awaited<ReturnType<typeof readAuditRow>>;

/** Puts a removed entry back with its own id, so later tests see an intact chain again. */
export function reinsertAuditRow(tx: Transaction, row: AuditRow) {
  return tx.insert(auditLog).overridingSystemValue().values(row);
}

/** Gives a changed entry its original contents back, so later tests see an intact chain again. */
export function restoreAuditRow(tx: Transaction, row: AuditRow) {
  const { id, ...columns } = row;
  return tx.update(auditLog).set(columns).where(eq(auditLog.id, id));
}
