import "server-only";
import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families } from "./people";

/**
 * Wrong tries at one family reference from one client address (its IPv4 address or IPv6 /64), with
 * the time that address must wait until its next try. Keyed on the reference as typed (normalised),
 * whether or not a family holds it, so an unknown reference is throttled exactly like a real one.
 * Another address is never held back by these rows: a guesser cannot lock the family out.
 */
export const familySignInThrottles = pgTable(
  "family_sign_in_throttles",
  {
    reference: text("reference").notNull(),
    addressKey: text("address_key").notNull(),
    failures: integer("failures").notNull(),
    /** Null while the address still has free tries. */
    blockedUntil: timestamp("blocked_until", { withTimezone: true }),
    lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.reference, table.addressKey] })],
);

/**
 * One row per signed-in family device. The signed cookie names its row; signing out (or a new code)
 * deletes it, so a copied or replayed cookie stops working at once, not when it expires.
 */
export const familySessions = pgTable(
  "family_sessions",
  {
    id: id(),
    familyId: uuid("family_id").notNull().references(() => families.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [index("family_sessions_family_idx").on(table.familyId)],
);
