import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { PgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Transaction } from "@/db/client";
import { auditLog } from "@/db/schema";
import { ActionRefusal } from "./result";
import { isChangeEntry } from "@/lib/audit/read-actions";

/** A table whose rows carry id, version and updated_at (see db/schema/columns.ts). */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** Who last changed a record, when, and to what: shown to the person whose save was refused. */
export interface ConflictDetails {
  changedBy: string;
  changedAt: string;
  theirValues: unknown;
}

async function lastChange(tx: Transaction, entity: string, id: string): Promise<ConflictDetails> {
  const [entry] = await tx
    .select({ actor: auditLog.actorLabel, at: auditLog.occurredAt, after: auditLog.after })
    .from(auditLog)
    // A colleague who only read the record did not save it.
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), isChangeEntry()))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return { changedBy: entry?.actor ?? "", changedAt: entry?.at.toISOString() ?? "", theirValues: entry?.after ?? null };
}

/**
 * Updates one row only if it still has the version the form was loaded with, and moves the
 * version on. A newer version means someone else saved first: nothing is written, and the refusal
 * says who, when and what they saved — never a silent overwrite.
 */
export async function updateVersioned<Table extends VersionedTable>(
  tx: Transaction,
  table: Table,
  entity: string,
  target: { id: string; version: number },
  values: PgUpdateSetSource<Table>,
): Promise<Record<string, unknown>> {
  const updated = await tx
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<Table>)
    .where(and(eq(table.id, target.id), eq(table.version, target.version)))
    .returning();
  const [row] = updated as Record<string, unknown>[];
  if (row) return row;
  const [exists] = await tx.select({ id: table.id }).from(table as PgTable).where(eq(table.id, target.id));
  if (!exists) throw new ActionRefusal("notFound", "Actions.notFound");
  throw new ActionRefusal("conflict", "Actions.conflict", undefined, await lastChange(tx, entity, target.id));
}
