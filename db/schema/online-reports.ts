import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, versioned } from "./columns";
import { sex } from "./enums";
import { families, missingPersons } from "./people";
import { users } from "./users";

/**
 * A missing person reported by a relative on the public form (issue 26). Personal data that has not
 * been checked: it waits here for a registrar, never reaches the registry or the public figures by
 * itself, and is deleted 30 days after a registrar rejects it as spam.
 */
export const onlineReports = pgTable(
  "online_reports",
  {
    id: id(),
    /** Given to the reporter on the receipt (TRH-R-…): random, so it says nothing about volume. */
    reference: text("reference").notNull(),
    status: text("status").notNull().default("submitted"),
    locale: text("locale").notNull().default("ar"),
    reporterName: text("reporter_name").notNull(),
    reporterRelationship: text("reporter_relationship").notNull(),
    reporterPhone: text("reporter_phone").notNull(),
    /** The phone's digits alone, which the per-phone limit counts on. */
    reporterPhoneKey: text("reporter_phone_key").notNull(),
    reporterEmail: text("reporter_email").notNull().default(""),
    reporterResidence: text("reporter_residence").notNull(),
    givenName: text("given_name").notNull(),
    fatherName: text("father_name").notNull().default(""),
    grandfatherName: text("grandfather_name").notNull().default(""),
    familyName: text("family_name").notNull().default(""),
    sex: sex("sex").notNull().default("unknown"),
    birthYear: integer("birth_year"),
    lastSeenOn: date("last_seen_on"),
    lastSeenPlace: text("last_seen_place").notNull().default(""),
    circumstances: text("circumstances").notNull().default(""),
    policeReportNumber: text("police_report_number").notNull().default(""),
    /** Other relatives who could give a DNA sample, as the reporter wrote them. */
    relatives: text("relatives").notNull().default(""),
    consentWording: text("consent_wording").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    missingPersonId: uuid("missing_person_id").references(() => missingPersons.id),
    familyId: uuid("family_id").references(() => families.id),
    /** Accepted as a new person (not linked to one on file): the person's record is this report's data, governed by its consents (migration 0038). */
    createdPerson: boolean("created_person").notNull().default(false),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    rejectionKind: text("rejection_kind"),
    rejectionReason: text("rejection_reason").notNull().default(""),
    ...versioned(),
  },
  (table) => [
    uniqueIndex("online_reports_reference_unique").on(table.reference),
    index("online_reports_status_idx").on(table.status, table.submittedAt),
    check("online_reports_status", sql`${table.status} in ('submitted', 'accepted', 'rejected')`),
    check("online_reports_rejection_kind", sql`${table.rejectionKind} is null or ${table.rejectionKind} in ('spam', 'duplicate', 'insufficient', 'other')`),
    check("online_reports_decision", sql`(${table.status} = 'submitted') = (${table.decidedAt} is null)`),
    check("online_reports_accepted_person", sql`(${table.status} = 'accepted') = (${table.missingPersonId} is not null)`),
    check("online_reports_rejected_kind", sql`(${table.status} = 'rejected') = (${table.rejectionKind} is not null)`),
    index("online_reports_created_person_idx").on(table.missingPersonId).where(sql`${table.createdPerson}`),
    check("online_reports_created_person_accepted", sql`not ${table.createdPerson} or ${table.status} = 'accepted'`),
    check("online_reports_birth_year_range", sql`${table.birthYear} is null or ${table.birthYear} between 1900 and 2100`),
  ],
);

/**
 * One consent level given for one person's data, with the wording version shown when it was given:
 * online (on a report, then on the person it was accepted as) or on a signed form at the office.
 * Withdrawal is recorded, never a deletion: the row says from when the data may no longer be used so.
 */
export const dataConsents = pgTable(
  "data_consents",
  {
    id: id(),
    onlineReportId: uuid("online_report_id").references(() => onlineReports.id),
    missingPersonId: uuid("missing_person_id").references(() => missingPersons.id),
    level: text("level").notNull(),
    source: text("source").notNull(),
    wordingVersion: text("wording_version").notNull(),
    givenOn: date("given_on").notNull(),
    /** Who gave it at the office (a name); the reporter for an online consent. */
    givenBy: text("given_by").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id),
    withdrawnOn: date("withdrawn_on"),
    withdrawalWording: text("withdrawal_wording").notNull().default(""),
    withdrawalNote: text("withdrawal_note").notNull().default(""),
    withdrawalRecordedBy: uuid("withdrawal_recorded_by").references(() => users.id),
    ...versioned(),
  },
  (table) => [
    index("data_consents_person_idx").on(table.missingPersonId, table.level),
    index("data_consents_report_idx").on(table.onlineReportId),
    check("data_consents_level", sql`${table.level} in ('search', 'partners', 'prosecution', 'contact')`),
    check("data_consents_source", sql`${table.source} in ('online', 'office')`),
    check("data_consents_subject", sql`${table.onlineReportId} is not null or ${table.missingPersonId} is not null`),
  ],
);
