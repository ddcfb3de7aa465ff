import "server-only";
import { check, date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "@/lib/am-pm/items";
import { id, versioned } from "./columns";
import { missingPersons, referenceDonors } from "./people";
import { remains } from "./remains";

/*
 * Antemortem and postmortem records (issue 23): one of each per missing person and per body. The
 * repeated parts (marks, teeth, medical findings, clothing and effects) are JSON lists validated by
 * the forms' zod schemas (lib/am-pm/schemas.ts), so a record is saved, versioned and audited whole.
 * Sex and age of a body stay on `remains`, sex of a person on `missing_persons`: one place each.
 */

const structuredLists = () => ({
  marks: jsonb("marks").$type<MarkItem[]>().notNull().default([]),
  teeth: jsonb("teeth").$type<ToothItem[]>().notNull().default([]),
  dentalNotes: text("dental_notes").notNull().default(""),
  medical: jsonb("medical").$type<MedicalItem[]>().notNull().default([]),
  belongings: jsonb("belongings").$type<BelongingItem[]>().notNull().default([]),
  notes: text("notes").notNull().default(""),
});

export const antemortemRecords = pgTable(
  "antemortem_records",
  {
    id: id(),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    ageAtDisappearance: integer("age_at_disappearance"),
    heightMinCm: integer("height_min_cm"),
    heightMaxCm: integer("height_max_cm"),
    build: text("build").notNull().default("unknown"),
    hair: text("hair").notNull().default(""),
    eyeColour: text("eye_colour").notNull().default("unknown"),
    ...structuredLists(),
    /** Who told us: a reference donor of the person, or a name typed when the informant gives no sample. */
    informantDonorId: uuid("informant_donor_id").references(() => referenceDonors.id),
    informantName: text("informant_name").notNull().default(""),
    informedOn: date("informed_on").notNull(),
    ...versioned(),
  },
  (table) => [
    uniqueIndex("antemortem_records_person_unique").on(table.missingPersonId),
    check("antemortem_records_height_order", sql`${table.heightMinCm} is null or ${table.heightMaxCm} is null or ${table.heightMinCm} <= ${table.heightMaxCm}`),
  ],
);

export const postmortemRecords = pgTable(
  "postmortem_records",
  {
    id: id(),
    remainsId: uuid("remains_id")
      .notNull()
      .references(() => remains.id),
    statureMinCm: integer("stature_min_cm"),
    statureMaxCm: integer("stature_max_cm"),
    ...structuredLists(),
    ...versioned(),
  },
  (table) => [
    uniqueIndex("postmortem_records_remains_unique").on(table.remainsId),
    check("postmortem_records_stature_order", sql`${table.statureMinCm} is null or ${table.statureMaxCm} is null or ${table.statureMinCm} <= ${table.statureMaxCm}`),
  ],
);
