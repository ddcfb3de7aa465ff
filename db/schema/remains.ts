import "server-only";
import { check, date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned, voidable } from "./columns";
import { personalEffectKind, remainsCondition, sex } from "./enums";
import { graveSites } from "./grave-sites";
import type { BelongingCategory, BelongingColour, BelongingMaterial } from "@/lib/belongings/vocabulary";

export const remains = pgTable(
  "remains",
  {
    id: id(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => graveSites.id),
    /** TRH-GS-01-B017: the site's code and a body number, so the code alone says where it came from. */
    code: text("code").notNull(),
    recoveredOn: date("recovered_on").notNull(),
    estimatedSex: sex("estimated_sex").notNull().default("unknown"),
    ageMin: integer("age_min"),
    ageMax: integer("age_max"),
    condition: remainsCondition("condition").notNull(),
    storageLocation: text("storage_location").notNull().default(""),
    notes: text("notes").notNull().default(""),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("remains_code_unique").on(table.code),
    index("remains_site_idx").on(table.siteId),
    // The staff list at 100,000 bodies: keyset pages by recovery date or by code within a site, and
    // a search for any part of a code, all over live rows only.
    index("remains_live_recovered_idx").on(table.recoveredOn, table.id).where(sql`${table.voidedAt} is null`),
    index("remains_live_site_code_idx").on(table.siteId, table.code).where(sql`${table.voidedAt} is null`),
    index("remains_code_trgm_idx").using("gin", sql`${table.code} gin_trgm_ops`),
    check("remains_age_min_range", sql`${table.ageMin} is null or ${table.ageMin} between 0 and 110`),
    check("remains_age_max_range", sql`${table.ageMax} is null or ${table.ageMax} between 0 and 110`),
    check(
      "remains_age_order",
      sql`${table.ageMin} is null or ${table.ageMax} is null or ${table.ageMin} <= ${table.ageMax}`,
    ),
  ],
);

/** Things buried with a body (car keys, identity papers): leads towards an identification. */
export const personalEffects = pgTable(
  "personal_effects",
  {
    id: id(),
    remainsId: uuid("remains_id")
      .notNull()
      .references(() => remains.id),
    kind: personalEffectKind("kind").notNull(),
    description: text("description").notNull(),
    /** The Book of Belongings' words for it (lib/belongings/vocabulary.ts); the category backfilled from the kind. */
    category: text("category").$type<BelongingCategory>().notNull().default("other"),
    colour: text("colour").$type<BelongingColour>(),
    material: text("material").$type<BelongingMaterial>(),
    /** The description as the search compares it (normalise_arabic_text, migration 0015). */
    descriptionSearch: text("description_search")
      .notNull()
      .generatedAlwaysAs(sql`normalise_arabic_text(description)`),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    index("personal_effects_remains_idx").on(table.remainsId),
    index("personal_effects_category_idx").on(table.category).where(sql`${table.voidedAt} is null`),
    index("personal_effects_description_search_trgm_idx").using("gin", sql`${table.descriptionSearch} gin_trgm_ops`),
  ],
);
