import { z } from "zod";
import { recordId, requiredText } from "./fields";

/** An administrator voids a record entered in error; the reason is kept with it and in the audit log. */
export const voidRecordSchema = z.object({
  recordId,
  reason: requiredText(1000).min(5, { error: "Forensic.voidReasonTooShort" }),
});

export type VoidRecordValues = z.infer<typeof voidRecordSchema>;
