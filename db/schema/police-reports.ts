import "server-only";
import { sql } from "drizzle-orm";
import { date, index, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** The reporter's name as the list's filter compares it (normalise_arabic_text, migration 0016). */
    reporterNameSearch: text("reporter_name_search")
      .notNull()
      .generatedAlwaysAs(sql`normalise_arabic_text(reporter_name)`),
    reporterRelationship: text("reporter_relationship").notNull().default(""),
    category: policeReportCategory("category").notNull(),
    narrative: text("narrative").notNull().default(""),
    /** The spreadsheet import that created this report (its audit entry names the same id), if any. */
    importId: uuid("import_id"),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("police_reports_station_number_unique").on(table.station, table.reportNumber),
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
