import "server-only";
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { graveSites } from "./grave-sites";
import { users } from "./users";

/** A phone or tablet a staff member records with in the field (issue 25); its records sync under its id. */
export const fieldDevices = pgTable("field_devices", {
  id: id(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  label: text("label").notNull(),
  registeredAt: timestamp("registered_at", { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * Code numbers a device reserved while online: body numbers of one site (site_id set), or site
 * numbers (site_id null). Blocks never overlap each other nor a code in use, so two devices offline
 * never suggest the same code.
 */
export const fieldCodeBlocks = pgTable(
  "field_code_blocks",
  {
    id: id(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => fieldDevices.id),
    siteId: uuid("site_id").references(() => graveSites.id),
    firstNumber: integer("first_number").notNull(),
    lastNumber: integer("last_number").notNull(),
    reservedAt: timestamp("reserved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("field_code_blocks_site").on(table.siteId),
    check("field_code_blocks_range", sql`${table.firstNumber} >= 1 AND ${table.lastNumber} >= ${table.firstNumber}`),
  ],
);

/** One queued record of a device, by its idempotency key: applied once, and its outcome kept. */
export const fieldSyncItems = pgTable(
  "field_sync_items",
  {
    itemId: uuid("item_id").primaryKey(),
    deviceId: uuid("device_id")
      .notNull()
      .references(() => fieldDevices.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    status: text("status", { enum: ["applied", "conflict", "refused"] }).notNull(),
    outcome: jsonb("outcome").notNull(),
    capturedAt: timestamp("captured_at", { withTimezone: true }).notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("field_sync_items_status").on(table.status, table.syncedAt),
    check("field_sync_items_status", sql`${table.status} in ('applied', 'conflict', 'refused')`),
  ],
);
