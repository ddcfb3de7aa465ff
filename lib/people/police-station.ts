/**
 * The station a report is filed at unless it says otherwise: the police_reports column's default
 * too (db/schema/police-reports.ts). Apart from the schema so the spreadsheet import's reader, a
 * child process with no database, does not load the table definitions for one string.
 */
export const DEFAULT_POLICE_STATION = "مركز شرطة ترهونة";
