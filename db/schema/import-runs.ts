import "server-only";
import { pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The spreadsheet import each user has running: one row per user at most, so that a second import
 * by the same user is refused by whichever app process receives it (lib/import/import-lock.ts).
 */
export const importRuns = pgTable("import_runs", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  runId: uuid("run_id").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
});
