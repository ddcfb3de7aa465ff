import "server-only";
import { sql } from "drizzle-orm";
import { date, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, versioned, voidable } from "./columns";
import { policeReportCategory } from "./enums";
import { DEFAULT_POLICE_STATION } from "../../lib/people/police-station";
import { missingPersons } from "./people";

export { DEFAULT_POLICE_STATION };

export const policeReports = pgTable(
  "police_reports",
  {
    id: id(),
    station: text("station").notNull().default(DEFAULT_POLICE_STATION),
    reportNumber: text("report_number").notNull(),
    filedOn: date("filed_on").notNull(),
    reporterName: text("reporter_name").notNull(),
    /** The reporter's name as the list's filter compares it (normalise_arabic_text, migration 0015). */
    reporterNameSearch: text("reporter_name_search")
      .notNull()
      .generatedAlwaysAs(sql`normalise_arabic_text(reporter_name)`),
    reporterRelationship: text("reporter_relationship").notNull().default(""),
    category: policeReportCategory("category").notNull(),
    narrative: text("narrative").notNull().default(""),
    /** The spreadsheet import that created this report (its audit entry names the same id), if any. */
    importId: uuid("import_id"),
    /** The office's own serial for this report in its register ("الرقم"): a source reference only. */
    sourceReference: text("source_reference").notNull().default(""),
    /** "month" or "year" when the register gave only those: filed_on is then the period's first day. */
    filedOnPrecision: text("filed_on_precision").notNull().default("day"),
    /** Cells as the register had them where the value was converted (a Hijri date, a serial). */
    sourceValues: jsonb("source_values").$type<Record<string, string>>().notNull().default({}),
    /**
     * Station and number as compared (police_station_key, police_report_number_key, migration 0018):
     * "418/2020", "2020/418" and "٤١٨/٢٠٢٠" at "ترهونة" or "ترهونه" are one report.
     */
    reportKey: text("report_key")
      .notNull()
      .generatedAlwaysAs(sql`police_station_key(station) || '|' || police_report_number_key(report_number, filed_on)`),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    // A voided report (an import taken back) frees its number for the corrected one.
    uniqueIndex("police_reports_station_number_unique").on(table.station, table.reportNumber).where(sql`${table.voidedAt} is null`),
    index("police_reports_report_key_idx").on(table.reportKey),
    // A report number alone, whatever the station: quoted from its start in the staff search, and
    // looked up in thousands by an import. Without it both read every report (a second at 1,000,000).
    index("police_reports_report_number_prefix_idx").on(table.reportNumber.op("text_pattern_ops")),
    index("police_reports_filed_on_idx").on(table.filedOn),
    index("police_reports_reporter_name_search_trgm_idx").using("gin", sql`${table.reporterNameSearch} gin_trgm_ops`),
    index("police_reports_import_idx").on(table.importId),
  ],
);

/** Thousands of reports name far fewer people: the same person is often reported several times. */
export const policeReportPersons = pgTable(
  "police_report_persons",
  {
    reportId: uuid("report_id")
      .notNull()
      .references(() => policeReports.id),
    missingPersonId: uuid("missing_person_id")
      .notNull()
      .references(() => missingPersons.id),
  },
  (table) => [
    primaryKey({ columns: [table.reportId, table.missingPersonId] }),
    index("police_report_persons_person_idx").on(table.missingPersonId),
  ],
);
