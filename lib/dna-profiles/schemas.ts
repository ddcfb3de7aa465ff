import { z } from "zod";

/** A laboratory file is read in the browser and sent as text; 5 MB holds some 150,000 rows. */
const csvText = z
  .string({ error: "Kinship.fileMissing" })
  .min(1, { error: "Kinship.fileMissing" })
  .max(5_000_000, { error: "Kinship.fileTooLarge" });

/**
 * Calls that differ from ones already stored are a re-typing: refused unless the file is declared
 * one, with a reason that goes into the audit entry and beside each replaced call.
 */
export const profileImportSchema = z
  .object({
    csv: csvText,
    retyping: z.boolean(),
    retypingReason: z.string().trim().max(2000, { error: "Validation.tooLong" }),
  })
  .superRefine((values, context) => {
    if (values.retyping && values.retypingReason.length < 10) {
      context.addIssue({ code: "custom", path: ["retypingReason"], message: "Kinship.retypingReasonRequired" });
    }
  });

export type ProfileImportValues = z.infer<typeof profileImportSchema>;

export const frequencyImportSchema = z.object({
  name: z.string().trim().min(1, { error: "Validation.required" }).max(200, { error: "Validation.tooLong" }),
  minFrequency: z
    .number({ error: "Kinship.minFrequencyRange" })
    .gt(0, { error: "Kinship.minFrequencyRange" })
    .max(1, { error: "Kinship.minFrequencyRange" }),
  csv: csvText,
});

export type FrequencyImportValues = z.infer<typeof frequencyImportSchema>;

export const frequencyApprovalSchema = z.object({ tableId: z.uuid({ error: "invalidChoice" }) });

export type FrequencyApprovalValues = z.infer<typeof frequencyApprovalSchema>;
