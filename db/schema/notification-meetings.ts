import "server-only";
import { boolean, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./columns";
import { identifications } from "./identifications";
import { users } from "./users";

/**
 * A meeting with the family after an identification (issue 27 point 1): who was there, what was
 * explained in plain words, the support offered, the family's questions and their wishes for the
 * remains. One identification may have several (the first telling, later questions).
 */
export const notificationMeetings = pgTable(
  "notification_meetings",
  {
    id: id(),
    identificationId: uuid("identification_id")
      .notNull()
      .references(() => identifications.id),
    heldOn: date("held_on").notNull(),
    place: text("place").notNull(),
    staffPresent: text("staff_present").notNull(),
    familyPresent: text("family_present").notNull(),
    interpreter: text("interpreter").notNull().default(""),
    supportOffered: boolean("support_offered").notNull(),
    supportAccepted: boolean("support_accepted").notNull(),
    explanation: text("explanation").notNull(),
    familyQuestions: text("family_questions").notNull().default(""),
    followUps: text("follow_ups").notNull().default(""),
    remainsWishes: text("remains_wishes").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("notification_meetings_identification_idx").on(table.identificationId, table.heldOn)],
);
