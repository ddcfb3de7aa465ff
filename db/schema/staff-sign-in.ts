import "server-only";
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Staff sign-in tries, one row per throttled key: a username from one address, an address across
 * usernames, or a username from everywhere. Keyed on the username as typed (lowercased), whether or
 * not such a user exists, so a lock says nothing about which usernames are real.
 */
export const staffSignInThrottles = pgTable(
  "staff_sign_in_throttles",
  {
    key: text("key").primaryKey(),
    /** The lowercased username the key counts (null for the per-address key), so locks can be listed and lifted. */
    username: text("username"),
    address: text("address"),
    attempts: integer("attempts").notNull().default(0),
    /** The rule the key counts under: tries allowed per window before a lock. */
    attemptLimit: integer("attempt_limit").notNull(),
    windowMinutes: integer("window_minutes").notNull(),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (table) => [index("staff_sign_in_throttles_username").on(table.username)],
);

/**
 * One row per signed-in browser: the token names it, sign-out ends it, and it lasts at most twelve
 * hours from sign-in however often it is used.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (table) => [index("staff_sessions_user").on(table.userId)],
);
