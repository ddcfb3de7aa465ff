import { z } from "zod";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "@/lib/belongings/vocabulary";
import { choiceOf, optionalText, pastDate, recordId, rowVersion } from "@/lib/forensic/schemas/fields";
import type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "./items";
import { BODY_REGIONS, BUILDS, EYE_COLOURS, isFdiTooth, MARK_TYPES, MEDICAL_FINDING_KINDS, TOOTH_CONDITIONS } from "./vocabulary";

/*
 * One zod schema per form, shared by the browser and the server action. Messages are keys: plain
 * ones in "Validation", the others in "AmPm".
 */

const LIST_MAXIMUM = 40;

const centimetres = z
  .number({ error: "AmPm.heightRange" })
  .int({ error: "AmPm.heightRange" })
  .min(40, { error: "AmPm.heightRange" })
  .max(230, { error: "AmPm.heightRange" })
  .nullable();

export const markItemSchema: z.ZodType<MarkItem, MarkItem> = z.object({ type: choiceOf(MARK_TYPES), region: choiceOf(BODY_REGIONS), description: optionalText(300) });
export const toothItemSchema: z.ZodType<ToothItem, ToothItem> = z.object({
  tooth: z.number({ error: "AmPm.toothNumber" }).int({ error: "AmPm.toothNumber" }).refine(isFdiTooth, { error: "AmPm.toothNumber" }),
  condition: choiceOf(TOOTH_CONDITIONS),
});
export const medicalItemSchema: z.ZodType<MedicalItem, MedicalItem> = z.object({ kind: choiceOf(MEDICAL_FINDING_KINDS), region: choiceOf(BODY_REGIONS), description: optionalText(300) });
export const belongingItemSchema: z.ZodType<BelongingItem, BelongingItem> = z.object({
  category: choiceOf(BELONGING_CATEGORIES),
  colour: choiceOf(BELONGING_COLOURS),
  material: choiceOf(BELONGING_MATERIALS),
  description: optionalText(300),
});

export type { BelongingItem, MarkItem, MedicalItem, ToothItem } from "./items";

const list = <Item extends z.ZodType>(item: Item) => z.array(item).max(LIST_MAXIMUM, { error: "tooLong" });

const sharedFields = {
  marks: list(markItemSchema),
  teeth: list(toothItemSchema),
  dentalNotes: optionalText(2000),
  medical: list(medicalItemSchema),
  belongings: list(belongingItemSchema),
  notes: optionalText(4000),
  /** The version the form was loaded with; null when the record does not exist yet. */
  version: rowVersion.nullable(),
};

type Refinement = z.RefinementCtx;

function checkOrder(min: number | null, max: number | null, path: string, context: Refinement): void {
  if (min !== null && max !== null && min > max) context.addIssue({ code: "custom", path: [path], message: "AmPm.rangeOrder" });
}

/** A tooth charted twice would make the comparison count it twice. */
function checkTeethOnce(teeth: readonly ToothItem[], context: Refinement): void {
  const seen = new Set<number>();
  teeth.forEach((item, index) => {
    if (seen.has(item.tooth)) context.addIssue({ code: "custom", path: ["teeth", index, "tooth"], message: "AmPm.toothTwice" });
    seen.add(item.tooth);
  });
}

export const antemortemSchema = z
  .object({
    personId: recordId,
    ageAtDisappearance: z
      .number({ error: "AmPm.ageRange" })
      .int({ error: "AmPm.ageRange" })
      .min(0, { error: "AmPm.ageRange" })
      .max(110, { error: "AmPm.ageRange" })
      .nullable(),
    heightMinCm: centimetres,
    heightMaxCm: centimetres,
    build: choiceOf(BUILDS),
    hair: optionalText(200),
    eyeColour: choiceOf(EYE_COLOURS),
    informantDonorId: recordId.nullable(),
    informantName: optionalText(200),
    informedOn: pastDate,
    ...sharedFields,
  })
  .superRefine((values, context) => {
    checkOrder(values.heightMinCm, values.heightMaxCm, "heightMaxCm", context);
    checkTeethOnce(values.teeth, context);
    // The yellow form always says who gave the information.
    if (values.informantDonorId === null && values.informantName === "") {
      context.addIssue({ code: "custom", path: ["informantName"], message: "AmPm.informantRequired" });
    }
  });

export const postmortemSchema = z
  .object({ remainsId: recordId, statureMinCm: centimetres, statureMaxCm: centimetres, ...sharedFields })
  .superRefine((values, context) => {
    checkOrder(values.statureMinCm, values.statureMaxCm, "statureMaxCm", context);
    checkTeethOnce(values.teeth, context);
  });

export type AntemortemValues = z.infer<typeof antemortemSchema>;
export type PostmortemValues = z.infer<typeof postmortemSchema>;
