import { z } from "zod";
import { policeReportSchema } from "@/lib/people/schemas";

const recordId = z.uuid({ error: "invalidChoice" });

/**
 * Correcting a police report: the facts of the registering form, the people it names (linked and
 * unlinked here, at least one), and the version the form was loaded with (a stale save is refused).
 * People are only picked from those on file; registering someone new stays on the new-report form.
 */
export const updatePoliceReportSchema = z
  .object(policeReportSchema.shape)
  .omit({ newPersons: true })
  .extend({
    reportId: recordId,
    version: z.int32().positive(),
    // Imported reports can name more people than the registering form allows.
    missingPersonIds: z.array(recordId).min(1, { error: "choosePerson" }).max(500, { error: "tooLong" }),
  });

export type UpdatePoliceReportValues = z.infer<typeof updatePoliceReportSchema>;
