import type { SubmittedReport } from "./schemas";

/**
 * What the public form shows after a send, with or without JavaScript (useActionState renders it
 * on the server for a browser without scripts). The values typed come back only to their sender,
 * and only when something must be corrected; a receipt carries the reference alone.
 */
export type ReportFormState =
  | { status: "idle" }
  | { status: "invalid"; values: SubmittedReport; fieldErrors: Record<string, string>; formToken: string }
  | { status: "notSent"; values: SubmittedReport; formToken: string }
  | { status: "tooMany"; values: SubmittedReport; waitMinutes: number; formToken: string }
  | { status: "received"; reference: string };

export const IDLE_REPORT_FORM: ReportFormState = { status: "idle" };
