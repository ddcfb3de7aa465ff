import "server-only";
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { id, versioned } from "./columns";
import { sex } from "./enums";
import { families, missingPersons, referenceDonors } from "./people";

/** A relationship label that could not be placed when the pedigree was made from the labels. */
export interface PlacementWarning {
  donorId: string;
  missingPersonId: string;
  relationship: string;
  side: string | null;
  /** The engine's reason (English, as lib/kinship/pedigree words it). */
  reason: string;
}

/**
 * A family's explicit pedigree (issue 21): one per family, versioned as a whole, since whether one
 * link is valid (no cycle, the parent's sex) depends on all the others.
 */
export const familyPedigrees = pgTable(
  "family_pedigrees",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    placementWarnings: jsonb("placement_warnings").$type<PlacementWarning[]>().notNull().default([]),
    ...versioned(),
  },
  (table) => [uniqueIndex("family_pedigrees_family_unique").on(table.familyId)],
);

/** One person of a pedigree: a donor, a missing person of the family, or an untyped connecting person. */
export const pedigreePersons = pgTable(
  "pedigree_persons",
  {
    id: id(),
    pedigreeId: uuid("pedigree_id")
      .notNull()
      .references(() => familyPedigrees.id),
    donorId: uuid("donor_id").references(() => referenceDonors.id),
    missingPersonId: uuid("missing_person_id").references(() => missingPersons.id),
    /** For an untyped person: who they are ("the paternal grandfather, deceased"); empty for a registered one. */
    label: text("label").notNull().default(""),
    sex: sex("sex").notNull(),
    fatherId: uuid("father_id").references((): AnyPgColumn => pedigreePersons.id),
    motherId: uuid("mother_id").references((): AnyPgColumn => pedigreePersons.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("pedigree_persons_pedigree_idx").on(table.pedigreeId),
    uniqueIndex("pedigree_persons_donor_unique").on(table.pedigreeId, table.donorId),
    uniqueIndex("pedigree_persons_missing_person_unique").on(table.pedigreeId, table.missingPersonId),
    check("pedigree_persons_one_record", sql`num_nonnulls(${table.donorId}, ${table.missingPersonId}) <= 1`),
    check("pedigree_persons_not_own_parent", sql`${table.fatherId} is distinct from ${table.id} and ${table.motherId} is distinct from ${table.id}`),
  ],
);
