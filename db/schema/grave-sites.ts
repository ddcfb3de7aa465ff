import "server-only";
import { boolean, check, date, doublePrecision, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned, voidable } from "./columns";
import { graveSiteStatus } from "./enums";

export const graveSites = pgTable(
  "grave_sites",
  {
    id: id(),
    code: text("code").notNull(),
    nameAr: text("name_ar").notNull(),
    nameEn: text("name_en").notNull(),
    description: text("description").notNull().default(""),
    latitude: doublePrecision("latitude").notNull(),
    longitude: doublePrecision("longitude").notNull(),
    discoveredOn: date("discovered_on").notNull(),
    status: graveSiteStatus("status").notNull().default("reported"),
    /** Shown on the public map, GeoJSON and CSV only once staff decide so (migration 0013). */
    isPublic: boolean("is_public").notNull().default(false),
    /** Published at the exact point instead of rounded to 0.01° (about 1 km). */
    exactLocationPublic: boolean("exact_location_public").notNull().default(false),
    ...versioned(),
    ...voidable(),
  },
  (table) => [
    uniqueIndex("grave_sites_code_unique").on(table.code),
    check("grave_sites_latitude_range", sql`${table.latitude} between -90 and 90`),
    check("grave_sites_longitude_range", sql`${table.longitude} between -180 and 180`),
  ],
);
