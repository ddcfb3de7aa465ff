import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, versioned } from "./columns";
import { userRole } from "./enums";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    locale: text("locale").notNull().default("ar"),
    disabled: boolean("disabled").notNull().default(false),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** Bumped on disable, role change or password reset: every session signed with an older one ends. */
    tokenVersion: integer("token_version").notNull().default(0),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockCount: integer("lock_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    ...versioned(),
  },
  (table) => [uniqueIndex("users_username_unique").on(sql`lower(${table.username})`)],
);
