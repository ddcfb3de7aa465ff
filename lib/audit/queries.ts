import "server-only";
import { and, asc, count, desc, eq, gt, lt, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { auditLog, dnaSamples, families, graveSites, missingPersons, policeReports, remains, users } from "@/db/schema";
import { TIME_ZONE } from "@/lib/i18n/format";
import type { AuditCursor, AuditFilters } from "./filters";
import { isChangeEntry, isReadEntry } from "./read-actions";
import { verifyAuditChain } from "./verify";
import { assertReadAccess, defineRead, type ReadAccess } from "@/lib/auth/read-access";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditPage {
  entries: AuditEntryView[];
  /** How many entries match the filters, on every page together. */
  total: number;
  /** The cursor of the next newer page, or null when this is the newest. */
  newer: AuditCursor;
  /** The cursor of the next older page, or null when this is the oldest. */
  older: AuditCursor;
}

export type AuditEntryView = Awaited<ReturnType<typeof selectEntries>>[number];

/**
 * The record ids a typed reference stands for, as staff know records: a case number, a family
 * reference, a body's or a site's code, a sample's barcode, a report number; or the id itself.
 */
function recordIdsFor(reference: string): SQL {
  const same = (column: AnyPgColumn) => sql`upper(${column}) = upper(${reference})`;
  return sql`select ${reference}::text as id
    union all select ${missingPersons.id}::text from ${missingPersons} where ${same(missingPersons.caseNumber)}
    union all select ${families.id}::text from ${families} where ${same(families.reference)}
    union all select ${remains.id}::text from ${remains} where ${same(remains.code)}
    union all select ${graveSites.id}::text from ${graveSites} where ${same(graveSites.code)}
    union all select ${dnaSamples.id}::text from ${dnaSamples} where ${same(dnaSamples.barcode)}
    union all select ${policeReports.id}::text from ${policeReports} where ${same(policeReports.reportNumber)}`;
}

function matching(filters: AuditFilters): SQL | undefined {
  const { actor, entity, entityId, from, to, kind } = filters;
  return and(
    actor === undefined
      ? undefined
      : sql`(lower(${auditLog.actorLabel}) = lower(${actor}) or ${auditLog.actorId} in (select ${users.id} from ${users} where lower(${users.username}) = lower(${actor})))`,
    entity === undefined ? undefined : eq(auditLog.entity, entity),
    // A read of a list page names its records in after.ids rather than in entity_id.
    entityId === undefined
      ? undefined
      : sql`(${auditLog.entityId} in (${recordIdsFor(entityId)}) or (${isReadEntry()} and exists (select 1 from (${recordIdsFor(entityId)}) as record where ${auditLog.after} -> 'ids' @> jsonb_build_array(record.id))))`,
    kind === undefined ? undefined : kind === "read" ? isReadEntry() : isChangeEntry(),
    // Days as lived in Tarhuna, whatever time zone the server runs in.
    from === undefined ? undefined : sql`${auditLog.occurredAt} >= (${from}::date)::timestamp at time zone ${TIME_ZONE}`,
    to === undefined ? undefined : sql`${auditLog.occurredAt} < (${to}::date + 1)::timestamp at time zone ${TIME_ZONE}`,
  );
}

function selectEntries(db: Executor, where: SQL | undefined, newestFirst: boolean, limit: number) {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorLabel: auditLog.actorLabel,
      actorUsername: users.username,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(newestFirst ? desc(auditLog.id) : asc(auditLog.id))
    .limit(limit);
}

async function anyEntry(db: Executor, where: SQL | undefined): Promise<boolean> {
  const rows = await db.select({ id: auditLog.id }).from(auditLog).where(where).limit(1);
  return rows.length > 0;
}

/**
 * One page of the audit log, newest first, 50 entries, by keyset on id so that page 20,000 costs
 * what page 1 does; a cursor stays valid while new entries arrive.
 */
async function getAuditPageQuery(db: Executor, filters: AuditFilters, cursor: AuditCursor): Promise<AuditPage> {
  const filter = matching(filters);
  const readingNewer = cursor?.direction === "newer";
  const boundary = cursor === null ? undefined : readingNewer ? gt(auditLog.id, cursor.id) : lt(auditLog.id, cursor.id);
  // One more than a page tells whether another page follows in the reading direction.
  const [rows, [counted]] = await Promise.all([
    selectEntries(db, and(filter, boundary), !readingNewer, AUDIT_PAGE_SIZE + 1),
    db.select({ total: count() }).from(auditLog).where(filter),
  ]);
  const morePages = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const entries = readingNewer ? page.reverse() : page;
  const newest = entries[0];
  const oldest = entries.at(-1);
  const total = counted?.total ?? 0;
  if (!newest || !oldest) return { entries, total, newer: null, older: null };
  const [hasNewer, hasOlder] = await Promise.all([
    readingNewer ? morePages : cursor !== null && anyEntry(db, and(filter, gt(auditLog.id, newest.id))),
    readingNewer ? anyEntry(db, and(filter, lt(auditLog.id, oldest.id))) : morePages,
  ]);
  return {
    entries,
    total,
    newer: hasNewer ? { direction: "newer", id: newest.id } : null,
    older: hasOlder ? { direction: "older", id: oldest.id } : null,
  };
}

export const getAuditPage = defineRead("audit.read", getAuditPageQuery);

/** The audit page's chain check; the CLI and the checkpoint job call verifyAuditChain directly. */
export const checkAuditChain = defineRead("audit.read", verifyAuditChain);

const AUDIT_EXPORT_BATCH = 500;

/** Every entry the filters match, newest first, in batches by keyset on id: a long log streams, never loads whole. */
async function* auditExportBatchesQuery(db: Executor, filters: AuditFilters): AsyncGenerator<AuditEntryView[]> {
  const filter = matching(filters);
  for (let olderThan: number | null = null; ; ) {
    const rows = await selectEntries(db, and(filter, olderThan === null ? undefined : lt(auditLog.id, olderThan)), true, AUDIT_EXPORT_BATCH);
    if (rows.length > 0) yield rows;
    const oldest = rows.at(-1);
    if (rows.length < AUDIT_EXPORT_BATCH || !oldest) return;
    olderThan = oldest.id;
  }
}

export function auditExportBatches(access: ReadAccess<"audit.read">, db: Executor, filters: AuditFilters): AsyncGenerator<AuditEntryView[]> {
  assertReadAccess(access, "audit.read");
  return auditExportBatchesQuery(db, filters);
}

async function countAuditEntriesQuery(db: Executor, filters: AuditFilters): Promise<number> {
  const [counted] = await db.select({ total: count() }).from(auditLog).where(matching(filters));
  return counted?.total ?? 0;
}

export const countAuditEntries = defineRead("audit.read", countAuditEntriesQuery);
