import "server-only";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned, voidable } from "./columns";
import { consentScope, labStatus, sampleKind } from "./enums";
import { referenceDonors } from "./people";
import { remains } from "./remains";
import { users } from "./users";

export const dnaSamples = pgTable(
  "dna_samples",
  {
    id: id(),
    barcode: text("barcode").notNull(),
    kind: sampleKind("kind").notNull(),
    donorId: uuid("donor_id").references(() => referenceDonors.id),
    remainsId: uuid("remains_id").references(() => remains.id),
    collectedOn: date("collected_on").notNull(),
    collectedByName: text("collected_by_name").notNull(),
    collectedByUserId: uuid("collected_by_user_id").references(() => users.id),
    consentGiven: boolean("consent_given").notNull().default(false),
    consentScope: consentScope("consent_scope"),
    consentDate: date("consent_date"),
    consentFormRef: text("consent_form_ref").notNull().default(""),
    labStatus: labStatus("lab_status").notNull().default("collected"),
    laboratory: text("laboratory").notNull().default(""),
    shippedOn: date("shipped_on"),
    receivedOn: date("received_on"),
    profiledOn: date("profiled_on"),
    failedOn: date("failed_on"),
    failureReason: text("failure_reason").notNull().default(""),
    /** Consent withdrawn by the donor: the sample and its profile are sealed (docs/CONSENT.md). */
    consentWithdrawnOn: date("consent_withdrawn_on"),
    /** Which version of the withdrawal form the donor signed. */
    consentWithdrawalWording: text("consent_withdrawal_wording").notNull().default(""),
    consentWithdrawalNote: text("consent_withdrawal_note").notNull().default(""),
    consentWithdrawalRecordedBy: uuid("consent_withdrawal_recorded_by").references(() => users.id),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("dna_samples_barcode_unique").on(table.barcode),
    index("dna_samples_donor_idx").on(table.donorId),
    index("dna_samples_remains_idx").on(table.remainsId),
    check(
      "dna_samples_source_matches_kind",
      sql`(${table.kind} = 'reference' and ${table.donorId} is not null and ${table.remainsId} is null)
        or (${table.kind} = 'remains' and ${table.remainsId} is not null and ${table.donorId} is null)`,
    ),
    // No reference sample is kept without the donor's recorded consent.
    check(
      "dna_samples_reference_consent",
      sql`${table.kind} = 'remains' or (${table.consentGiven} and ${table.consentScope} is not null and ${table.consentDate} is not null)`,
    ),
  ],
);

/** STR profiles live apart from the samples so that only forensic staff ever read them. */
export const strProfiles = pgTable(
  "str_profiles",
  {
    id: id(),
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => dnaSamples.id),
    locus: text("locus").notNull(),
    allele1: text("allele_1").notNull(),
    allele2: text("allele_2").notNull(),
    ...versioned(),
  },
  (table) => [uniqueIndex("str_profiles_sample_locus_unique").on(table.sampleId, table.locus)],
);

/** Append-only: the call a re-typing replaced, who replaced it and why (the current call stays in str_profiles). */
export const strProfileHistory = pgTable(
  "str_profile_history",
  {
    id: id(),
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => dnaSamples.id),
    locus: text("locus").notNull(),
    allele1: text("allele_1").notNull(),
    allele2: text("allele_2").notNull(),
    version: integer("version").notNull(),
    typedAt: timestamp("typed_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedBy: uuid("replaced_by").references(() => users.id),
    reason: text("reason").notNull(),
  },
  (table) => [index("str_profile_history_sample_idx").on(table.sampleId, table.locus)],
);
