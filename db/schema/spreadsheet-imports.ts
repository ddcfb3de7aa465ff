import "server-only";
import { integer, pgTable, primaryKey, text, timestamp, uuid, index } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * Each committed spreadsheet import: what it was and who made it, so that it can be voided as a
 * whole (every record carrying its id as import_id) with a reason. Its audit entry has the same id.
 */
export const spreadsheetImports = pgTable(
  "spreadsheet_imports",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdCount: integer("created_count").notNull(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by").references(() => users.id),
    voidReason: text("void_reason"),
  },
  (table) => [index("spreadsheet_imports_created_at_idx").on(table.createdAt)],
);

/**
 * A register's own words for a coded field ("تغيب" for a disappearance), mapped once by a user and
 * offered again at the next import.
 */
export const importValueMappings = pgTable(
  "import_value_mappings",
  {
    field: text("field").notNull(),
    sourceValue: text("source_value").notNull(),
    targetValue: text("target_value").notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "import_value_mappings_pk", columns: [table.field, table.sourceValue] })],
);
