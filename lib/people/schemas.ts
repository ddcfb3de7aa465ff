import { z } from "zod";
import { CONSENT_SCOPES, DONOR_RELATIONSHIPS, POLICE_REPORT_CATEGORIES, RELATIONSHIP_SIDES, SEXES, SIDED_RELATIONSHIPS } from "@/lib/enum-values";
import { isFutureDate } from "./dates";

/**
 * One zod schema per form, parsed by react-hook-form in the browser and by the action on the
 * server. Every value is a string or boolean as the form holds it; lib/ converts (birth year, dates).
 * Messages are keys of the Validation namespace.
 */
const required = z.string().trim().min(1, { error: "required" }).max(200, { error: "tooLong" });
const optional = z.string().trim().max(200, { error: "tooLong" });
const longText = z.string().trim().max(4000, { error: "tooLong" });
const recordId = z.uuid({ error: "invalidChoice" });
const version = z.int32().positive();
/** A day that exists on the calendar and that PostgreSQL can store (it has no year 0). */
const isoDate = z.iso.date({ error: "dateFormat" }).refine((value) => value >= "0001-01-01", { error: "dateFormat" });
const pastDate = isoDate.refine((value) => !isFutureDate(value), { error: "dateInFuture" });
const optionalPastDate = z.union([z.literal(""), pastDate]);

/** "merged" is set only by a merge, never chosen in a form. */
export const EDITABLE_STATUSES = ["missing", "identified", "remains_returned", "found_alive"] as const;
/**
 * The statuses staff may set by hand. "Identified" and "remains returned" follow the person's
 * identification (lib/identifications), so an edit form can never contradict it.
 */
export const HAND_SET_STATUSES = ["missing", "found_alive"] as const;
/** The lab steps after collection, in their only order (failed may follow any of them). */
export const LAB_STEPS = ["shipped", "received", "profiled", "failed"] as const;

export const FAMILY_REFERENCE_PATTERN = /^TRH-F-\d{4}$/;
export const CASE_NUMBER_PATTERN = /^TRH-MP-\d{5}$/;
export const REFERENCE_BARCODE_PATTERN = /^TRH-DNA-R-\d{6}$/;

export const familySchema = z.object({
  reference: z.string().trim().toUpperCase().regex(FAMILY_REFERENCE_PATTERN, { error: "familyReferenceFormat" }),
  contactName: required,
  phone: z.string().trim().regex(/^[+\d\s-]{0,24}$/, { error: "phoneFormat" }),
  area: optional,
});

export const missingPersonFields = {
  familyId: z.union([z.literal(""), recordId]),
  givenName: required,
  fatherName: optional,
  grandfatherName: optional,
  familyName: optional,
  nameLatin: z.string().trim().max(200, { error: "tooLong" }),
  sex: z.enum(SEXES, { error: "invalidChoice" }),
  birthYear: z.string().trim().regex(/^((19|20)\d{2})?$/, { error: "birthYearFormat" }),
  lastSeenOn: optionalPastDate,
  lastSeenPlace: optional,
  circumstances: longText,
};

export const missingPersonSchema = z.object(missingPersonFields);

export const newMissingPersonSchema = z.object({
  ...missingPersonFields,
  /** Set once the registrar has seen the likely duplicates and decided this is someone else. */
  duplicatesReviewed: z.boolean(),
});

export const updateMissingPersonSchema = z.object({
  ...missingPersonFields,
  missingPersonId: recordId,
  version,
  status: z.enum(EDITABLE_STATUSES, { error: "invalidChoice" }),
});

/** A person not yet on file, registered on the spot inside a police report (same transaction). */
export const reportNewPersonSchema = z.object({
  givenName: required,
  fatherName: optional,
  grandfatherName: optional,
  familyName: optional,
  sex: z.enum(SEXES, { error: "invalidChoice" }),
  birthYear: missingPersonFields.birthYear,
  /** Empty, or the reference of the family the person belongs to (TRH-F-0001). */
  familyReference: z.union([z.literal(""), z.string().trim().toUpperCase().regex(FAMILY_REFERENCE_PATTERN, { error: "familyReferenceFormat" })]),
  /** Set once the registrar has seen the likely duplicates and decided this is someone else. */
  duplicatesReviewed: z.boolean(),
});

export const policeReportSchema = z
  .object({
    station: required,
    reportNumber: z.string().trim().min(1, { error: "required" }).max(40, { error: "tooLong" }),
    filedOn: pastDate,
    reporterName: required,
    reporterRelationship: optional,
    category: z.enum(POLICE_REPORT_CATEGORIES, { error: "invalidChoice" }),
    narrative: longText,
    missingPersonIds: z.array(recordId).max(50),
    newPersons: z.array(reportNewPersonSchema).max(20),
  })
  // A report names someone: a person already on file, or one registered with it.
  .refine((values) => values.missingPersonIds.length + values.newPersons.length > 0, { error: "choosePerson", path: ["missingPersonIds"] });

const SIDED: ReadonlySet<string> = new Set(SIDED_RELATIONSHIPS);

/** A grandparent, aunt/uncle or cousin is placed in the pedigree through one parent: the form must say which. */
const donorRelationshipRow = z
  .object({
    missingPersonId: recordId,
    relationship: z.union([z.literal(""), z.enum(DONOR_RELATIONSHIPS)]),
    side: z.union([z.literal(""), z.enum(RELATIONSHIP_SIDES)]).optional(),
  })
  .refine((row) => !SIDED.has(row.relationship) || Boolean(row.side), { error: "chooseSide", path: ["side"] });

export const donorSchema = z.object({
  familyId: recordId,
  givenName: required,
  fatherName: optional,
  grandfatherName: optional,
  familyName: optional,
  nameLatin: z.string().trim().max(200, { error: "tooLong" }),
  sex: z.enum(SEXES, { error: "invalidChoice" }),
  phone: z.string().trim().regex(/^[+\d\s-]{0,24}$/, { error: "phoneFormat" }),
  relationships: z
    .array(donorRelationshipRow)
    .refine((rows) => rows.some((row) => row.relationship !== ""), { error: "chooseRelationship" }),
});

export const referenceSampleSchema = z.object({
  donorId: recordId,
  barcode: z.string().trim().toUpperCase().regex(REFERENCE_BARCODE_PATTERN, { error: "barcodeFormat" }),
  collectedOn: pastDate,
  collectedByName: required,
  // No reference sample is kept without the donor's consent (the database refuses it as well).
  consentGiven: z.boolean().refine((given) => given, { error: "consentRequired" }),
  consentScope: z.enum(CONSENT_SCOPES, { error: "invalidChoice" }),
  consentFormRef: required,
});

export const labStatusSchema = z
  .object({
    sampleId: recordId,
    version,
    labStatus: z.enum(LAB_STEPS, { error: "invalidChoice" }),
    on: pastDate,
    laboratory: optional,
    failureReason: optional,
  })
  // A failed sample must say why, so the family can be asked for another one with reason.
  .refine((values) => values.labStatus !== "failed" || values.failureReason.trim() !== "", {
    error: "required",
    path: ["failureReason"],
  });

/** A donor withdraws consent for their reference sample (issue 27 point 6), on the signed form's version. */
export const withdrawConsentSchema = z.object({
  sampleId: recordId,
  withdrawnOn: pastDate,
  wordingVersion: required,
  note: longText,
  version,
});

export const mergeSchema = z
  .object({ survivorId: recordId, mergedId: recordId, survivorVersion: version, mergedVersion: version })
  .refine((values) => values.survivorId !== values.mergedId, { error: "mergeSamePerson", path: ["mergedId"] });

export const printReceiptSchema = z.object({ sampleId: recordId });
export const printInvitationSchema = z.object({ donorId: recordId });

export type FamilyValues = z.infer<typeof familySchema>;
export type MissingPersonValues = z.infer<typeof missingPersonSchema>;
export type NewMissingPersonValues = z.infer<typeof newMissingPersonSchema>;
export type UpdateMissingPersonValues = z.infer<typeof updateMissingPersonSchema>;
export type PoliceReportValues = z.infer<typeof policeReportSchema>;
export type ReportNewPersonValues = z.infer<typeof reportNewPersonSchema>;
export type DonorValues = z.infer<typeof donorSchema>;
export type ReferenceSampleValues = z.infer<typeof referenceSampleSchema>;
export type LabStatusValues = z.infer<typeof labStatusSchema>;
export type MergeValues = z.infer<typeof mergeSchema>;
export type WithdrawConsentValues = z.infer<typeof withdrawConsentSchema>;
