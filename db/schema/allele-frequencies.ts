import "server-only";
import { boolean, doublePrecision, index, pgTable, text, timestamp, uniqueIndex, uuid, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id } from "./columns";
import { users } from "./users";

/**
 * A population's allele frequency table as it was loaded. Tables are kept, never edited: the
 * newest approved one is used for screening, and every likelihood ratio can be traced to the table
 * behind it by its SHA-256.
 */
export const alleleFrequencyTables = pgTable(
  "allele_frequency_tables",
  {
    id: id(),
    name: text("name").notNull(),
    /** Invented for the demonstration, never for casework. */
    synthetic: boolean("synthetic").notNull().default(false),
    minFrequency: doublePrecision("min_frequency").notNull(),
    loadedBy: uuid("loaded_by").references(() => users.id),
    loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
    /** Of the rows in canonical form (lib/kinship/frequency-digest.ts); null for tables loaded before it was kept. */
    sha256: text("sha256"),
    /** A second forensic user; until then the table is pending and screening does not use it. */
    approvedBy: uuid("approved_by").references(() => users.id),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
  },
  (table) => [
    check(
      "allele_frequency_tables_four_eyes",
      sql`${table.approvedBy} is null or ${table.loadedBy} is null or ${table.approvedBy} <> ${table.loadedBy}`,
    ),
  ],
);

export const alleleFrequencies = pgTable(
  "allele_frequencies",
  {
    id: id(),
    tableId: uuid("table_id")
      .notNull()
      .references(() => alleleFrequencyTables.id),
    locus: text("locus").notNull(),
    allele: text("allele").notNull(),
    frequency: doublePrecision("frequency").notNull(),
  },
  (table) => [
    uniqueIndex("allele_frequencies_table_locus_allele_unique").on(table.tableId, table.locus, table.allele),
    index("allele_frequencies_table_idx").on(table.tableId),
    check("allele_frequencies_frequency_range", sql`${table.frequency} > 0 and ${table.frequency} <= 1`),
  ],
);
