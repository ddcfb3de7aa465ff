import { z } from "zod";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "@/lib/belongings/vocabulary";
import { PERSONAL_EFFECT_KINDS, REMAINS_CONDITIONS, SEXES } from "../vocabulary";
import { choiceOf, optionalText, pastDate, recordId, requiredText, rowVersion } from "./fields";

const age = z.number({ error: "Forensic.ageRange" }).int({ error: "Forensic.ageRange" }).min(0, { error: "Forensic.ageRange" }).max(110, {
  error: "Forensic.ageRange",
});

export const personalEffectSchema = z.object({
  /** Null for an effect added on this form; an existing one keeps its id and is never removed here. */
  effectId: recordId.nullable(),
  kind: choiceOf(PERSONAL_EFFECT_KINDS),
  description: requiredText(1000),
  // The Book of Belongings groups and filters by these; families see them, never the body's code.
  // Left out (an older client, an import), a new effect's category follows its kind and an existing
  // one keeps what it has (lib/forensic/personal-effects.ts).
  category: choiceOf(BELONGING_CATEGORIES).optional(),
  colour: choiceOf(BELONGING_COLOURS).optional(),
  material: choiceOf(BELONGING_MATERIALS).optional(),
});

const remainsFields = {
  code: z.string().trim().regex(/^TRH-GS-\d{2,3}-B\d{3,4}$/, { error: "Forensic.remainsCodeFormat" }),
  recoveredOn: pastDate,
  estimatedSex: choiceOf(SEXES),
  ageMin: age.nullable(),
  ageMax: age.nullable(),
  condition: choiceOf(REMAINS_CONDITIONS),
  storageLocation: optionalText(300),
  notes: optionalText(4000),
  effects: z.array(personalEffectSchema).max(50, { error: "tooLong" }),
};

type AgeValues = { ageMin: number | null; ageMax: number | null };

function checkAgeOrder(values: AgeValues, context: z.RefinementCtx): void {
  if (values.ageMin !== null && values.ageMax !== null && values.ageMin > values.ageMax) {
    context.addIssue({ code: "custom", path: ["ageMax"], message: "Forensic.ageOrder" });
  }
}

export const createRemainsSchema = z.object({ ...remainsFields, siteId: recordId }).superRefine(checkAgeOrder);

/** The site stays fixed once a body is recorded: its code already names the site. */
export const updateRemainsSchema = z
  .object({ ...remainsFields, remainsId: recordId, version: rowVersion })
  .superRefine(checkAgeOrder);

export type PersonalEffectValues = z.infer<typeof personalEffectSchema>;
export type CreateRemainsValues = z.infer<typeof createRemainsSchema>;
export type UpdateRemainsValues = z.infer<typeof updateRemainsSchema>;
