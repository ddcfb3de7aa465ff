import { z } from "zod";
import { SEXES } from "@/lib/enum-values";
import { isFutureDate } from "@/lib/people/dates";
import { familySchema } from "@/lib/people/schemas";
import { ACCEPT_MODES, CONSENT_LEVELS, REJECTION_KINDS } from "./values";

/**
 * The public report form and the staff triage forms. Values are strings and booleans as the forms
 * hold them; messages are keys of the Validation namespace, or of OnlineReport where they name it.
 */
const required = (max: number) => z.string().trim().min(1, { error: "required" }).max(max, { error: "tooLong" });
const optional = (max: number) => z.string().trim().max(max, { error: "tooLong" });
const recordId = z.uuid({ error: "invalidChoice" });
const version = z.int32().positive();
const isoDate = z.iso.date({ error: "dateFormat" }).refine((value) => value >= "0001-01-01", { error: "dateFormat" });
const pastDate = isoDate.refine((value) => !isFutureDate(value), { error: "dateInFuture" });

/** At least six digits; spaces, + and - allowed, as people write a Libyan or foreign number. */
const phone = z
  .string()
  .trim()
  .regex(/^[+\d\s-]{0,24}$/, { error: "phoneFormat" })
  .refine((value) => value.replace(/\D/g, "").length >= 6, { error: "phoneFormat" });

export const onlineReportSchema = z.object({
  reporterName: required(200),
  reporterRelationship: required(100),
  reporterPhone: phone,
  reporterEmail: z.union([z.literal(""), z.email({ error: "OnlineReport.emailFormat" }).max(200, { error: "tooLong" })]),
  reporterResidence: required(200),
  givenName: required(100),
  fatherName: optional(100),
  grandfatherName: optional(100),
  familyName: optional(100),
  sex: z.enum(SEXES, { error: "invalidChoice" }),
  birthYear: z.string().trim().regex(/^((19|20)\d{2})?$/, { error: "birthYearFormat" }),
  lastSeenOn: z.union([z.literal(""), pastDate]),
  lastSeenPlace: optional(200),
  circumstances: optional(4000),
  policeReportNumber: optional(40),
  relatives: optional(2000),
  /** (a) is what the registry needs to do anything with the report: without it nothing is kept. */
  consentSearch: z.boolean().refine((given) => given, { error: "OnlineReport.consentSearchRequired" }),
  consentPartners: z.boolean(),
  consentProsecution: z.boolean(),
  consentContact: z.boolean(),
});

export type OnlineReportValues = z.infer<typeof onlineReportSchema>;
export type OnlineReportField = keyof OnlineReportValues;

export const CONSENT_FIELDS = {
  search: "consentSearch",
  partners: "consentPartners",
  prosecution: "consentProsecution",
  contact: "consentContact",
} as const satisfies Record<(typeof CONSENT_LEVELS)[number], OnlineReportField>;

const ARABIC_INDIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** ٠١٢ and ۰۱۲ typed on an Arabic keyboard read as 012: phones and years are digits either way. */
export function westernDigits(value: string): string {
  return value.replace(ARABIC_INDIC_DIGITS, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

const TEXT_FIELDS = [
  "reporterName", "reporterRelationship", "reporterPhone", "reporterEmail", "reporterResidence", "givenName", "fatherName",
  "grandfatherName", "familyName", "sex", "birthYear", "lastSeenOn", "lastSeenPlace", "circumstances", "policeReportNumber", "relatives",
] as const satisfies readonly OnlineReportField[];
const DIGIT_FIELDS = ["reporterPhone", "birthYear", "lastSeenOn", "policeReportNumber"] as const satisfies readonly OnlineReportField[];
/** Longer than any field allows: what is cut here is refused by the schema anyway. */
const MOST_CHARACTERS = 4001;

export type SubmittedReport = Record<(typeof TEXT_FIELDS)[number], string> & Record<(typeof CONSENT_FIELDS)[keyof typeof CONSENT_FIELDS], boolean>;

/** The posted form as the schema reads it: text as typed (cut at a bound), ticked boxes as true. */
export function reportFromForm(form: FormData): SubmittedReport {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value.slice(0, MOST_CHARACTERS) : "";
  };
  const ticked = (name: string) => form.get(name) === "on";
  return {
    ...(Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(name)])) as Record<(typeof TEXT_FIELDS)[number], string>),
    consentSearch: ticked("consentSearch"),
    consentPartners: ticked("consentPartners"),
    consentProsecution: ticked("consentProsecution"),
    consentContact: ticked("consentContact"),
  };
}

/** The report with Arabic-Indic digits read as digits in the fields made of digits, before the schema checks it. */
export function withWesternDigits(report: SubmittedReport): SubmittedReport {
  return { ...report, ...Object.fromEntries(DIGIT_FIELDS.map((name) => [name, westernDigits(report[name])])) };
}

/** A registrar accepts a report: a new family and person, a new person in a family on file, or a person on file. */
export const acceptReportSchema = z
  .object({
    reportId: recordId,
    version,
    mode: z.enum(ACCEPT_MODES, { error: "invalidChoice" }),
    /** newFamily: the new family's reference and contact (the reporter, unless the registrar changes it). */
    newFamily: familySchema.optional(),
    /** existingFamily: the reference of the family on file. */
    familyReference: z.string().trim().toUpperCase().optional(),
    /** existingPerson: the person on file the report is about. */
    missingPersonId: recordId.optional(),
  })
  .refine((values) => values.mode !== "newFamily" || values.newFamily !== undefined, { error: "required", path: ["newFamily"] })
  .refine((values) => values.mode !== "existingFamily" || Boolean(values.familyReference), { error: "required", path: ["familyReference"] })
  .refine((values) => values.mode !== "existingPerson" || values.missingPersonId !== undefined, { error: "choosePerson", path: ["missingPersonId"] });

export const rejectReportSchema = z.object({
  reportId: recordId,
  version,
  kind: z.enum(REJECTION_KINDS, { error: "invalidChoice" }),
  reason: required(1000),
});

/** Consent given at the office on a signed form, for a person on file. */
export const recordConsentSchema = z.object({
  missingPersonId: recordId,
  levels: z.array(z.enum(CONSENT_LEVELS, { error: "invalidChoice" })).min(1, { error: "OnlineReport.chooseConsent" }).max(4),
  givenOn: pastDate,
  givenBy: required(200),
  wordingVersion: required(100),
});

/** A consent withdrawn through the office, on the signed form's version. */
export const withdrawDataConsentSchema = z.object({
  consentId: recordId,
  version,
  withdrawnOn: pastDate,
  wordingVersion: required(100),
  /** Why, as the reporter gave it: a withdrawal is recorded with who, when and why. */
  note: required(2000),
});

export type AcceptReportValues = z.infer<typeof acceptReportSchema>;
export type RejectReportValues = z.infer<typeof rejectReportSchema>;
export type RecordConsentValues = z.infer<typeof recordConsentSchema>;
export type WithdrawDataConsentValues = z.infer<typeof withdrawDataConsentSchema>;
