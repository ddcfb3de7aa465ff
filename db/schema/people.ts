import "server-only";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned, voidable } from "./columns";
import { donorRelationship, missingPersonStatus, relationshipSide, sex } from "./enums";

export const families = pgTable(
  "families",
  {
    id: id(),
    /** TRH-F-0001: printed on the family's receipt together with their access code. */
    reference: text("reference").notNull(),
    contactName: text("contact_name").notNull(),
    phone: text("phone").notNull().default(""),
    area: text("area").notNull().default(""),
    /** Only a slow hash of the family's portal code is kept; the code itself is shown once. */
    accessCodeHash: text("access_code_hash"),
    accessCodeIssuedAt: timestamp("access_code_issued_at", { withTimezone: true }),
    /** The Book of Belongings in the family portal: off until staff switch it on for this family. */
    remoteViewing: boolean("remote_viewing").notNull().default(false),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("families_reference_unique").on(table.reference),
    // The staff search matches a reference from its start (LIKE 'TRH-F-01%'); the unique index,
    // in the database's collation, cannot answer a prefix.
    index("families_reference_prefix_idx").on(table.reference.op("text_pattern_ops")),
  ],
);

/** The Arabic name in its four customary parts, plus the normalised form used for search. */
const arabicNameParts = () => ({
  givenName: text("given_name").notNull(),
  fatherName: text("father_name").notNull().default(""),
  grandfatherName: text("grandfather_name").notNull().default(""),
  familyName: text("family_name").notNull().default(""),
  nameLatin: text("name_latin").notNull().default(""),
  nameSearch: text("name_search").notNull(),
});

export const missingPersons = pgTable(
  "missing_persons",
  {
    id: id(),
    /** TRH-MP-00001 */
    caseNumber: text("case_number").notNull(),
    familyId: uuid("family_id").references(() => families.id),
    ...arabicNameParts(),
    sex: sex("sex").notNull().default("unknown"),
    birthYear: integer("birth_year"),
    lastSeenOn: date("last_seen_on"),
    lastSeenPlace: text("last_seen_place").notNull().default(""),
    circumstances: text("circumstances").notNull().default(""),
    status: missingPersonStatus("status").notNull().default("missing"),
    /** Each name part's phonetic key (name_part_key, migration 0016): given, father, grandfather, family. */
    partKeys: text("part_keys")
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`ARRAY[name_part_key(given_name), name_part_key(father_name), name_part_key(grandfather_name), name_part_key(family_name)]`,
      ),
    /** Each name part as the scorer compares it letter by letter (name_part_form, migration 0020), in the same order. */
    partForms: text("part_forms")
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`ARRAY[name_part_form(given_name), name_part_form(father_name), name_part_form(grandfather_name), name_part_form(family_name)]`,
      ),
    /** Each pair of distinct part keys, as "key key" in code-point order (name_part_key_pairs, migration 0042): the name search's lookup. */
    partKeyPairs: text("part_key_pairs")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`name_part_key_pairs(given_name, father_name, grandfather_name, family_name)`),
    /** Set when this record was merged as a duplicate; its case number keeps resolving to the survivor. */
    mergedIntoId: uuid("merged_into_id").references((): AnyPgColumn => missingPersons.id),
    /** The spreadsheet import that created this record (its audit entry names the same id), if any. */
    importId: uuid("import_id"),
    /** The office's own serial for this person in its register ("الرقم"): never a case number. */
    sourceReference: text("source_reference").notNull().default(""),
    /** "month" or "year" when the register gave only those: last_seen_on is then the period's first day. */
    lastSeenOnPrecision: text("last_seen_on_precision").notNull().default("day"),
    /** Cells as the register had them where the value was converted (a Hijri date, a serial). */
    sourceValues: jsonb("source_values").$type<Record<string, string>>().notNull().default({}),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("missing_persons_case_number_unique").on(table.caseNumber),
    index("missing_persons_case_number_prefix_idx").on(table.caseNumber.op("text_pattern_ops")),
    index("missing_persons_family_idx").on(table.familyId),
    index("missing_persons_import_idx").on(table.importId),
    index("missing_persons_name_search_trgm_idx").using("gin", sql`${table.nameSearch} gin_trgm_ops`),
    index("missing_persons_name_latin_trgm_idx").using("gin", sql`lower(${table.nameLatin}) gin_trgm_ops`),
    // Without GIN's pending list (migration 0045): entries go straight into the index, so a
    // lookup never scans the rows an import or the forms added since the last vacuum.
    index("missing_persons_part_keys_idx").using("gin", table.partKeys).with({ fastupdate: false }),
    index("missing_persons_part_key_pairs_idx").using("gin", table.partKeyPairs).with({ fastupdate: false }),
    check(
      "missing_persons_birth_year_range",
      sql`${table.birthYear} is null or ${table.birthYear} between 1900 and 2100`,
    ),
  ],
);

/** A family member who gives a DNA reference sample. */
export const referenceDonors = pgTable(
  "reference_donors",
  {
    id: id(),
    familyId: uuid("family_id")
      .notNull()
      .references(() => families.id),
    ...arabicNameParts(),
    sex: sex("sex").notNull().default("unknown"),
    phone: text("phone").notNull().default(""),
    ...versioned(),
    ...voidable(),
  },
  (table) => [index("reference_donors_family_idx").on(table.familyId)],
);

/** How a donor is related to each missing person they are a reference for. */
export const donorRelationships = pgTable(
  "donor_relationships",
  {
    id: id(),
    donorId: uuid("donor_id")
      .notNull()
      .references(() => referenceDonors.id),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
    relationship: donorRelationship("relationship").notNull(),
    /** Which parent of the missing person the donor is related through; null when the relation has no side or it is not known. */
    side: relationshipSide("side"),
    ...versioned(),
  },
  (table) => [
    uniqueIndex("donor_relationships_pair_unique").on(table.donorId, table.missingPersonId),
    // A half sibling's side is the relation's own; only distant relatives carry a side besides.
    check(
      "donor_relationships_side_check",
      sql`case ${table.relationship} when 'maternal_half_sibling' then ${table.side} is not distinct from 'maternal' when 'paternal_half_sibling' then ${table.side} is not distinct from 'paternal' when 'grandparent' then true when 'aunt_uncle' then true when 'cousin' then true else ${table.side} is null end`,
    ),
    index("donor_relationships_person_idx").on(table.missingPersonId),
  ],
);
