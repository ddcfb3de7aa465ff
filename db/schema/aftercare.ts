import "server-only";
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { custodyEvents } from "./custody-events";
import { identifications } from "./identifications";
import { personalEffects } from "./remains";
import { users } from "./users";

/**
 * The handover of the remains and of the body's effects to the family (issue 27 point 2): one per
 * identification, with the custody event that closes the body's chain and, later, the scanned copy
 * of the form both sides signed (a file under DATA_DIR, named by its SHA-256).
 */
export const remainsHandovers = pgTable(
  "remains_handovers",
  {
    id: id(),
    identificationId: uuid("identification_id")
      .notNull()
      .references(() => identifications.id),
    handedOverAt: timestamp("handed_over_at", { withTimezone: true }).notNull(),
    place: text("place").notNull(),
    receivedBy: text("received_by").notNull(),
    receivedByRelationship: text("received_by_relationship").notNull(),
    staffMember: text("staff_member").notNull(),
    notes: text("notes").notNull().default(""),
    custodyEventId: uuid("custody_event_id")
      .notNull()
      .references(() => custodyEvents.id),
    scanFile: text("scan_file"),
    scanSha256: text("scan_sha256"),
    scanContentType: text("scan_content_type"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("remains_handovers_identification_unique").on(table.identificationId)],
);

/** What became of each of the body's effects at the handover. */
export const handoverItems = pgTable(
  "handover_items",
  {
    id: id(),
    handoverId: uuid("handover_id")
      .notNull()
      .references(() => remainsHandovers.id),
    effectId: uuid("effect_id")
      .notNull()
      .references(() => personalEffects.id),
    disposition: text("disposition").notNull(),
  },
  (table) => [
    uniqueIndex("handover_items_effect_unique").on(table.handoverId, table.effectId),
    check("handover_items_disposition", sql`${table.disposition} in ('handed_over', 'kept_as_evidence', 'photographed_and_returned')`),
  ],
);

/**
 * A numbered letter issued about an identification (issue 27 point 3). content holds exactly what
 * was printed, so the same PDF can be produced again and a verification code shows what was issued.
 */
export const issuedDocuments = pgTable(
  "issued_documents",
  {
    id: id(),
    identificationId: uuid("identification_id")
      .notNull()
      .references(() => identifications.id),
    kind: text("kind").notNull(),
    number: text("number").notNull(),
    verificationCode: text("verification_code").notNull(),
    content: jsonb("content").notNull(),
    issuedBy: uuid("issued_by")
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("issued_documents_number_unique").on(table.number),
    uniqueIndex("issued_documents_verification_code_unique").on(table.verificationCode),
    index("issued_documents_identification_idx").on(table.identificationId, table.issuedAt),
    check("issued_documents_kind", sql`${table.kind} in ('death_certificate_request', 'burial_permit_request', 'identification_certificate')`),
  ],
);

/** A family's open question or an action the office promised them, due by a date (point 4). */
export const familyFollowUps = pgTable(
  "family_follow_ups",
  {
    id: id(),
    identificationId: uuid("identification_id")
      .notNull()
      .references(() => identifications.id),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
    doneNote: text("done_note").notNull().default(""),
    doneBy: uuid("done_by").references(() => users.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("family_follow_ups_open_idx").on(table.dueOn).where(sql`${table.doneOn} is null`),
    index("family_follow_ups_identification_idx").on(table.identificationId),
    check("family_follow_ups_kind", sql`${table.kind} in ('question', 'promised_action')`),
  ],
);

/** Numbers the office's letters (TRH-DOC-YEAR-NNNNN): one sequence, never reused, gaps allowed. */
export const issuedDocumentNumberSeq = pgSequence("issued_document_number_seq");
