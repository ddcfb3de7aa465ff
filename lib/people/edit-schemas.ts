import { z } from "zod";
import { donorSchema, familySchema, referenceSampleSchema } from "./schemas";

/**
 * Editing a family, donor or reference sample: the registering form's schema plus the record's id
 * and the version the form was loaded with (a save over a newer version is refused).
 */
const recordId = z.uuid({ error: "invalidChoice" });
const version = z.int32().positive();

export const updateFamilySchema = familySchema.extend({ familyId: recordId, version });

export const updateDonorSchema = donorSchema.extend({ donorId: recordId, version });

/** Only the facts of collection are corrected here; the lab status moves on its own form. */
export const updateReferenceSampleSchema = referenceSampleSchema.extend({ sampleId: recordId, version });

export type UpdateFamilyValues = z.infer<typeof updateFamilySchema>;
export type UpdateDonorValues = z.infer<typeof updateDonorSchema>;
export type UpdateReferenceSampleValues = z.infer<typeof updateReferenceSampleSchema>;
