import { z } from "zod";
import { pastLibyanLocalTime } from "@/lib/forensic/schemas/custody";
import { choiceOf, optionalText, recordId, requiredText } from "@/lib/forensic/schemas/fields";

/*
 * Client-safe: the handover, document and follow-up forms check in the browser what the server
 * actions parse (issue 27 points 2–4).
 */

/** What became of one of the body's effects: given to the family, kept with their consent, or photographed and given back. */
export const HANDOVER_DISPOSITIONS = ["handed_over", "kept_as_evidence", "photographed_and_returned"] as const;
export type HandoverDisposition = (typeof HANDOVER_DISPOSITIONS)[number];

/** The letters the office issues after an identification, in the order a family usually needs them. */
export const DOCUMENT_KINDS = ["identification_certificate", "death_certificate_request", "burial_permit_request"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const FOLLOW_UP_KINDS = ["question", "promised_action"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const remainsHandoverSchema = z.object({
  identificationId: recordId,
  handedOverAt: pastLibyanLocalTime,
  place: requiredText(300),
  receivedBy: requiredText(300),
  receivedByRelationship: requiredText(100),
  staffMember: requiredText(300),
  notes: optionalText(2000),
  /** Every live effect of the body, each once; the server checks the list is the body's own. */
  items: z.array(z.object({ effectId: recordId, disposition: choiceOf(HANDOVER_DISPOSITIONS) })).max(500),
});
export type RemainsHandoverValues = z.infer<typeof remainsHandoverSchema>;

export const issueDocumentSchema = z.object({
  identificationId: recordId,
  kind: choiceOf(DOCUMENT_KINDS),
  /** Whom the letter is for: the family member who asked, or the civil registry's office. */
  addressee: requiredText(300),
});
export type IssueDocumentValues = z.infer<typeof issueDocumentSchema>;

/** A verification code as staff type it: letters and digits in groups, case and dashes ignored. */
export const verificationCodeSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase().replace(/[^A-Z0-9]/g, ""))
  .pipe(z.string().regex(/^[A-Z0-9]{12}$/, { error: "Aftercare.verificationCodeFormat" }));

const calendarDate = z.iso.date({ error: "Forensic.dateFormat" }).refine((value) => value >= "0001-01-01", { error: "Forensic.dateFormat" });

export const addFollowUpSchema = z.object({
  identificationId: recordId,
  kind: choiceOf(FOLLOW_UP_KINDS),
  description: requiredText(2000),
  /** Promised actions may fall due in the future, and usually do. */
  dueOn: calendarDate,
});
export type AddFollowUpValues = z.infer<typeof addFollowUpSchema>;

export const completeFollowUpSchema = z.object({
  followUpId: recordId,
  version: z.int32().positive(),
  doneNote: optionalText(2000),
});
export type CompleteFollowUpValues = z.infer<typeof completeFollowUpSchema>;
