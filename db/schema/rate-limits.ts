import "server-only";
import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed-attempt counters per key (such as "login-ip:203.0.113.7"), kept in the database so that
 * every app process sees the same count and a restart forgets nothing.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  attempts: integer("attempts").notNull().default(0),
});
