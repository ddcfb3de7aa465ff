import "server-only";
import {
  check,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { LikelihoodRatioBasis } from "../../lib/kinship/lr-basis";
import { id, versioned } from "./columns";
import { identificationBasis, identificationStatus } from "./enums";
import { missingPersons } from "./people";
import { alleleFrequencyTables } from "./allele-frequencies";
import { remains } from "./remains";
import { users } from "./users";

/** Statuses that no longer hold a body or a person: they free both for another identification. */
export const INACTIVE_IDENTIFICATION_STATUSES = ["rejected", "retracted"] as const;

export const identifications = pgTable(
  "identifications",
  {
    id: id(),
    remainsId: uuid("remains_id")
      .notNull()
      .references(() => remains.id),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    basis: identificationBasis("basis").array().notNull(),
    likelihoodRatio: doublePrecision("likelihood_ratio"),
    /** The frequency table in force when a DNA identification was proposed: its SHA-256 goes in the dossier. */
    frequencyTableId: uuid("frequency_table_id").references(() => alleleFrequencyTables.id),
    /** The registry's exact ratio for the pair when proposed, with θ, mutation model and rate, table and relatives (#21). */
    lrBasis: jsonb("lr_basis").$type<LikelihoodRatioBasis>(),
    /** Why DNA was cited although no analysed reference profile was on record; null when one was. */
    dnaOverrideReason: text("dna_override_reason"),
    evidenceSummary: text("evidence_summary").notNull(),
    status: identificationStatus("status").notNull().default("proposed"),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid("confirmed_by").references(() => users.id),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    notifiedOn: date("notified_on"),
    notifiedBy: uuid("notified_by").references(() => users.id),
    notificationMethod: text("notification_method"),
    returnedOn: date("returned_on"),
    returnedTo: text("returned_to"),
    burialPlace: text("burial_place"),
    rejectedBy: uuid("rejected_by").references(() => users.id),
    rejectedAt: timestamp("rejected_at", { withTimezone: true }),
    rejectionReason: text("rejection_reason"),
    retractedBy: uuid("retracted_by").references(() => users.id),
    retractedAt: timestamp("retracted_at", { withTimezone: true }),
    retractionReason: text("retraction_reason"),
    ...versioned(),
  },
  (table) => [
    // At most one active identification per body and per person.
    uniqueIndex("identifications_one_active_per_remains")
      .on(table.remainsId)
      .where(sql`status not in ('rejected', 'retracted')`),
    uniqueIndex("identifications_one_active_per_person")
      .on(table.missingPersonId)
      .where(sql`status not in ('rejected', 'retracted')`),
    index("identifications_status_idx").on(table.status),
    check("identifications_basis_not_empty", sql`cardinality(${table.basis}) > 0`),
    // Four eyes: whoever proposed may not confirm.
    check(
      "identifications_four_eyes",
      sql`${table.confirmedBy} is null or ${table.confirmedBy} <> ${table.proposedBy}`,
    ),
  ],
);
