import "server-only";
import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Refused anonymous attempts, counted per client address (IPv4 address or IPv6 /64), hour and
 * reason. A flood of refusals only raises a counter here: the append-only audit log keeps the
 * meaningful events, and never grows with what an anonymous client sends.
 */
export const refusedAttempts = pgTable(
  "refused_attempts",
  {
    addressKey: text("address_key").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    /** Where and why, e.g. "familyPortal.wrongCode". */
    reason: text("reason").notNull(),
    attempts: integer("attempts").notNull(),
  },
  (table) => [primaryKey({ columns: [table.addressKey, table.hour, table.reason] })],
);
