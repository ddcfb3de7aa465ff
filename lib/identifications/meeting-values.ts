import { z } from "zod";
import { pastDate, recordId, requiredText } from "@/lib/forensic/schemas/fields";

const optionalLong = z.string().trim().max(4000, { error: "tooLong" });

/** Client-safe: the meeting form checks in the browser what the server action parses. */
export const notificationMeetingSchema = z
  .object({
    identificationId: recordId,
    heldOn: pastDate,
    place: requiredText(300),
    staffPresent: requiredText(1000),
    familyPresent: requiredText(1000),
    interpreter: z.string().trim().max(300, { error: "tooLong" }),
    supportOffered: z.boolean(),
    supportAccepted: z.boolean(),
    explanation: requiredText(4000),
    familyQuestions: optionalLong,
    followUps: optionalLong,
    remainsWishes: optionalLong,
  })
  .refine((values) => values.supportOffered || !values.supportAccepted, { error: "Identifications.supportAcceptedNotOffered", path: ["supportAccepted"] });

export type NotificationMeetingValues = z.infer<typeof notificationMeetingSchema>;
