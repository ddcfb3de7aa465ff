import "server-only";
import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Facts about the installation itself, such as whether the demonstration data is loaded. */
export const systemSettings = pgTable("system_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
