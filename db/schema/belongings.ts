import "server-only";
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { families, missingPersons } from "./people";
import { personalEffects } from "./remains";
import { users } from "./users";

/**
 * A photograph of an effect. The files live outside the database (lib/belongings/media-store.ts)
 * under `storage_key`; the row's random id is the only name a page ever uses for it.
 */
export const effectPhotos = pgTable(
  "effect_photos",
  {
    id: id(),
    effectId: uuid("effect_id")
      .notNull()
      .references(() => personalEffects.id),
    storageKey: text("storage_key").notNull(),
    /** Of the original as stored (metadata removed) and of the file as it arrived: both in the audit entry. */
    originalSha256: text("original_sha256").notNull(),
    receivedSha256: text("received_sha256").notNull(),
    contentType: text("content_type").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by"),
    voidReason: text("void_reason"),
  },
  (table) => [
    uniqueIndex("effect_photos_storage_key_unique").on(table.storageKey),
    index("effect_photos_effect_idx").on(table.effectId, table.createdAt),
    check("effect_photos_sha256_form", sql`${table.originalSha256} ~ '^[0-9a-f]{64}$' AND ${table.receivedSha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A family looking through the catalogue at the office, with the registrar who opened it. */
export const belongingViewingSessions = pgTable(
  "belonging_viewing_sessions",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (table) => [index("belonging_viewing_sessions_family_idx").on(table.familyId, table.openedAt)],
);

export const RECOGNITION_SOURCES = ["office", "portal"] as const;

/**
 * "Tentatively recognised by <relative> for <missing person>": a lead for the forensic team to
 * follow up by other means, never an identification.
 */
export const belongingRecognitions = pgTable(
  "belonging_recognitions",
  {
    id: id(),
    effectId: uuid("effect_id")
      .notNull()
      .references(() => personalEffects.id),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    viewingSessionId: uuid("viewing_session_id").references(() => belongingViewingSessions.id),
    source: text("source").$type<(typeof RECOGNITION_SOURCES)[number]>().notNull(),
    recognisedBy: text("recognised_by").notNull(),
    /** The relative's own words, as said. */
    words: text("words").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    followedUpAt: timestamp("followed_up_at", { withTimezone: true }),
    followedUpBy: uuid("followed_up_by"),
    followUpNote: text("follow_up_note"),
  },
  (table) => [
    index("belonging_recognitions_effect_idx").on(table.effectId),
    index("belonging_recognitions_person_idx").on(table.missingPersonId),
    index("belonging_recognitions_open_idx").on(table.createdAt).where(sql`${table.followedUpAt} is null`),
    check("belonging_recognitions_source", sql`${table.source} in ('office', 'portal')`),
    check(
      "belonging_recognitions_office_session",
      sql`${table.source} <> 'office' OR (${table.viewingSessionId} is not null AND ${table.recordedBy} is not null)`,
    ),
  ],
);
