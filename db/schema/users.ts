import "server-only";
import { bigint, boolean, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
    /** TOTP second factor: the secret being enrolled until a code confirms it, then the one in use. */
    totpPendingSecret: text("totp_pending_secret"),
    totpSecret: text("totp_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last time step whose code was accepted, so one code cannot sign in twice. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    ...versioned(),
  },
  (table) => [uniqueIndex("users_username_unique").on(sql`lower(${table.username})`)],
);
