import { z } from "zod";
import { IDENTIFICATION_BASES } from "@/lib/enum-values";
import { choiceOf, pastDate, recordId, requiredText, rowVersion } from "@/lib/forensic/schemas/fields";
import { LIKELIHOOD_RATIO_MESSAGES, parseLikelihoodRatio } from "./likelihood-ratio";

/**
 * One zod schema per identification form, parsed by react-hook-form and by the action. Values stay
 * as the form holds them (the likelihood ratio is typed text); lib/ converts. Messages are keys.
 */
export { IDENTIFICATION_BASES };
export const NOTIFICATION_METHODS = ["in_person"] as const;

/** The form's locale decides what a comma or a point means in the likelihood ratio (likelihood-ratio.ts). */
export const FORM_LOCALES = ["ar", "en"] as const;

export const proposeIdentificationSchema = z
  .object({
    remainsCode: requiredText(60),
    missingPersonId: recordId,
    basis: z.array(choiceOf(IDENTIFICATION_BASES)).min(1, { error: "Identifications.basisRequired" }),
    likelihoodRatio: z.string().trim().max(40, { error: "tooLong" }),
    locale: choiceOf(FORM_LOCALES),
    evidenceSummary: requiredText(4000),
    acknowledgeMismatch: z.boolean(),
    /** DNA cited although the person has no analysed reference profile on record: needs a reason. */
    dnaProfileOverride: z.boolean(),
    dnaOverrideReason: z.string().trim().max(2000, { error: "tooLong" }),
  })
  .superRefine((values, context) => {
    if (!values.basis.includes("dna")) return;
    const parsed = parseLikelihoodRatio(values.likelihoodRatio, values.locale);
    if (!parsed.ok) context.addIssue({ code: "custom", path: ["likelihoodRatio"], message: LIKELIHOOD_RATIO_MESSAGES[parsed.reason] });
    if (values.dnaProfileOverride && values.dnaOverrideReason.length < 10) {
      context.addIssue({ code: "custom", path: ["dnaOverrideReason"], message: "Identifications.dnaOverrideReasonRequired" });
    }
  });

const step = { identificationId: recordId, version: rowVersion };

export const confirmIdentificationSchema = z.object(step);

/** Rejecting a proposal and retracting a confirmed identification both need a reason that explains it. */
export const reasonedStepSchema = z.object({
  ...step,
  reason: requiredText(2000).min(5, { error: "Identifications.reasonTooShort" }),
});

export const recordNotificationSchema = z.object({
  ...step,
  notifiedOn: pastDate,
  notificationMethod: choiceOf(NOTIFICATION_METHODS),
});

export const recordReturnSchema = z.object({
  ...step,
  returnedOn: pastDate,
  returnedTo: requiredText(300),
  burialPlace: requiredText(300),
});

export type ProposeIdentificationValues = z.infer<typeof proposeIdentificationSchema>;
export type ConfirmIdentificationValues = z.infer<typeof confirmIdentificationSchema>;
export type ReasonedStepValues = z.infer<typeof reasonedStepSchema>;
export type RecordNotificationValues = z.infer<typeof recordNotificationSchema>;
export type RecordReturnValues = z.infer<typeof recordReturnSchema>;
