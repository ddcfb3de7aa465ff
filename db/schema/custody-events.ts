import "server-only";
import { check, index, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id } from "./columns";
import { dnaSamples } from "./dna-samples";
import { custodyAction } from "./enums";
import { remains } from "./remains";
import { users } from "./users";

/**
 * Chain of custody, append-only (a trigger refuses UPDATE and DELETE): a mistake is corrected by a
 * new event that names the wrong one.
 */
export const custodyEvents = pgTable(
  "custody_events",
  {
    id: id(),
    remainsId: uuid("remains_id").references(() => remains.id),
    sampleId: uuid("sample_id").references(() => dnaSamples.id),
    action: custodyAction("action").notNull(),
    fromParty: text("from_party").notNull().default(""),
    toParty: text("to_party").notNull().default(""),
    place: text("place").notNull().default(""),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    notes: text("notes").notNull().default(""),
    correctsEventId: uuid("corrects_event_id").references((): AnyPgColumn => custodyEvents.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("custody_events_remains_idx").on(table.remainsId, table.occurredAt),
    index("custody_events_sample_idx").on(table.sampleId, table.occurredAt),
    check("custody_events_one_subject", sql`num_nonnulls(${table.remainsId}, ${table.sampleId}) = 1`),
  ],
);
