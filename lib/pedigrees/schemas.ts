import { z } from "zod";
import { SEXES } from "@/lib/enum-values";

/** The pedigree page's forms, shared by the page and its actions. Messages are keys of "Validation". */
const recordId = z.uuid({ error: "invalidChoice" });
/** The pedigree's version the page was loaded with: a save over a newer one is refused. */
const version = z.int32().positive();
/** A parent chosen from the family's persons, or none ("" from the select). */
const parentChoice = z.union([z.literal(""), recordId]);
const sex = z.enum(SEXES, { error: "invalidChoice" });
const label = z.string().trim().max(200, { error: "tooLong" });

export const createPedigreeSchema = z.object({ familyId: recordId });

/**
 * A person added to the pedigree: an untyped connecting person (who they are, and their sex), or a
 * donor or missing person of the family not yet placed in it.
 */
export const addPedigreePersonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("untyped"), familyId: recordId, version, label: label.min(1, { error: "required" }), sex }),
  z.object({ kind: z.literal("registered"), familyId: recordId, version, recordId }),
]);

/** One person's father, mother and sex (and, for an untyped person, who they are). */
export const setPedigreePersonSchema = z.object({ familyId: recordId, version, personId: recordId, fatherId: parentChoice, motherId: parentChoice, sex, label });

export const removePedigreePersonSchema = z.object({ familyId: recordId, version, personId: recordId });

export type CreatePedigreeValues = z.infer<typeof createPedigreeSchema>;
export type AddPedigreePersonValues = z.infer<typeof addPedigreePersonSchema>;
export type SetPedigreePersonValues = z.infer<typeof setPedigreePersonSchema>;
export type RemovePedigreePersonValues = z.infer<typeof removePedigreePersonSchema>;
