import "server-only";
import { integer, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Primary key shared by every table: random, so ids reveal nothing about volume or order. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/**
 * Optimistic concurrency: an update names the version it read and is refused when the row has
 * moved on, so nobody silently overwrites someone else's edit.
 */
export const versioned = () => ({
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Evidence is never deleted: a record entered in error is voided with a reason and kept. */
export const voidable = () => ({
  voidedAt: timestamp("voided_at", { withTimezone: true }),
  voidedBy: uuid("voided_by"),
  voidReason: text("void_reason"),
});
