import "server-only";
import type { Database } from "@/db/client";
import type { StaffSession } from "@/lib/auth/current-session";
import { currentRequestMetadata, type RequestMetadata } from "@/lib/auth/request-metadata";
import { getDb } from "@/lib/server/database";
import { appendReadEntry } from "./append";
import { readAction } from "./read-actions";

/** The kinds of personal record whose reading is audited, by the entity names their changes carry. */
export type ReadEntity = "missing_person" | "family" | "dna_sample" | "sample_receipt" | "identification" | "kinship_leads" | "dossier" | "online_report";

type Reader = Pick<StaffSession, "userId" | "username">;

/**
 * Records that a staff member read personal data: who, which records, when. One entry per page, for
 * every record it shows (a list page is one entry naming all its rows). A read changes nothing in
 * the registry: it neither moves the public figures' updatedAt nor invalidates their cache.
 */
export async function recordRead(db: Database, reader: Reader, entity: ReadEntity, ids: readonly string[], metadata: Partial<RequestMetadata> = {}): Promise<void> {
  const shown = [...new Set(ids)];
  if (shown.length === 0) return;
  // One statement, its own transaction: a page's read costs the audit chain one round trip.
  await appendReadEntry(db, {
    actorId: reader.userId,
    actorLabel: reader.username,
    action: readAction(entity),
    entity,
    entityId: shown.length === 1 ? (shown[0] ?? null) : null,
    after: { ids: shown },
    ...metadata,
  });
}

/** recordRead for a page or route handler: the request's database and its address and browser. */
export async function recordPageRead(reader: Reader, entity: ReadEntity, ids: readonly string[]): Promise<void> {
  await recordRead(await getDb(), reader, entity, ids, await currentRequestMetadata());
}
