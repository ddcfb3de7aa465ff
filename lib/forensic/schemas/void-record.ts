import { z } from "zod";
import { recordId, requiredText, rowVersion } from "./fields";

/** An administrator voids a record entered in error; the reason is kept with it and in the audit log. */
export const voidRecordSchema = z.object({
  recordId,
  reason: requiredText(1000).min(5, { error: "Forensic.voidReasonTooShort" }),
  /** When given, the void is refused if someone changed the record since the form was loaded. */
  version: rowVersion.optional(),
});

export type VoidRecordValues = z.infer<typeof voidRecordSchema>;
