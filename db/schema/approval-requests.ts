import "server-only";
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * An irreversible step (voiding a grave site, a body or a person, merging two persons, retracting an
 * identification, voiding an import) asked for by one staff member and waiting for a second one to
 * approve or refuse it (issue 27, two-person control). `input` is the step's parsed input, run as
 * it stands when it is approved; the database itself refuses a decision by the requester.
 */
export const approvalRequests = pgTable(
  "approval_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    action: text("action").notNull(),
    input: jsonb("input").notNull(),
    subjectEntity: text("subject_entity").notNull(),
    subjectId: text("subject_id").notNull(),
    status: text("status", { enum: ["pending", "approved", "refused"] })
      .notNull()
      .default("pending"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
  },
  (table) => [
    index("approval_requests_status_idx").on(table.status, table.requestedAt),
    check("approval_requests_status_check", sql`${table.status} in ('pending', 'approved', 'refused')`),
    check("approval_requests_second_person_check", sql`${table.decidedBy} is null or ${table.decidedBy} <> ${table.requestedBy}`),
  ],
);
