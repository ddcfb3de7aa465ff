import "server-only";
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { PUBLIC_CHANGE_CONDITION } from "../../lib/audit/public-changes";
import { users } from "./users";

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Each entry's hash covers the previous
 * entry's hash and a canonical serialisation of the entry, so any later change breaks the chain.
 * Ids are given by the writer, one more than the head's, so they run without gaps (lib/audit/append.ts).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id").references(() => users.id),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_log_entity_idx").on(table.entity, table.entityId),
    index("audit_log_actor_idx").on(table.actorId),
    index("audit_log_occurred_at_idx").on(table.occurredAt),
    index("audit_log_changes_idx").on(table.id).where(sql`action NOT LIKE '%.read'`),
    // The newest entry that may change a published figure: the public figures' state (migration 0044).
    index("audit_log_public_changes_idx").on(table.id).where(sql.raw(PUBLIC_CHANGE_CONDITION)),
  ],
);
