/**
 * What the reporter is told, and nothing else: never the person's or reporter's details, never the
 * family reference or access code (given at the office). "unknown" is the same answer for a
 * reference that does not exist and for a phone that is not the one given with it.
 */
export type ReportStatusAnswer = "received" | "accepted" | "closed" | "unknown";

/**
 * What the public status check shows, with or without JavaScript. The reference and phone typed
 * come back only to fill the form again after a refusal; an answer carries the status alone.
 */
export type StatusFormState =
  | { status: "idle" }
  | { status: "invalid"; reference: string; phone: string }
  | { status: "tooMany"; waitMinutes: number; reference: string; phone: string }
  | { status: "answered"; answer: ReportStatusAnswer };

export const IDLE_STATUS_FORM: StatusFormState = { status: "idle" };
