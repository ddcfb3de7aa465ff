import { z } from "zod";

/** A laboratory file is read in the browser and sent as text; 5 MB holds some 150,000 rows. */
const csvText = z
  .string({ error: "Kinship.fileMissing" })
  .min(1, { error: "Kinship.fileMissing" })
  .max(5_000_000, { error: "Kinship.fileTooLarge" });

export const profileImportSchema = z.object({ csv: csvText });

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
