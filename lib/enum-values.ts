/*
 * Every database enum's values as a plain list. This module imports nothing: the forms' zod schemas
 * and the client components read these lists in the browser, where drizzle and the table
 * definitions must never be bundled (docs/BOUNDARY.md). db/schema/enums.ts builds its pgEnums from
 * these lists, so a value added here is a value the database must accept (write its migration).
 */

export const USER_ROLES = ["admin", "registrar", "forensic", "viewer"] as const;

/** In the order the work on a site moves: a status only goes forward, except by an administrator. */
export const GRAVE_SITE_STATUSES = ["reported", "surveyed", "excavating", "exhumed", "closed"] as const;

export const SEXES = ["male", "female", "unknown"] as const;

export const REMAINS_CONDITIONS = ["complete", "partial", "commingled", "fragmentary"] as const;

export const PERSONAL_EFFECT_KINDS = ["identity_document", "car_key", "phone", "clothing", "jewellery", "other"] as const;

export const MISSING_PERSON_STATUSES = ["missing", "identified", "remains_returned", "found_alive", "merged"] as const;

/** The donor's relation to the missing person (a spouse gives no genetic reference). */
export const DONOR_RELATIONSHIPS = [
  "mother",
  "father",
  "full_sibling",
  "maternal_half_sibling",
  "paternal_half_sibling",
  "child",
  "grandparent",
  "aunt_uncle",
  "cousin",
  "spouse",
] as const;

/** Which of the missing person's parents a distant relative is related through. */
export const RELATIONSHIP_SIDES = ["maternal", "paternal"] as const;

/** Relations whose side the registrar must say; a half sibling's side is in the relation itself. */
export const SIDED_RELATIONSHIPS = ["grandparent", "aunt_uncle", "cousin"] as const satisfies readonly (typeof DONOR_RELATIONSHIPS)[number][];

export const SAMPLE_KINDS = ["reference", "remains"] as const;

/** collected → shipped → received → profiled, or failed after any of them. */
export const LAB_STATUSES = ["collected", "shipped", "received", "profiled", "failed"] as const;

export const CONSENT_SCOPES = ["identification_only", "identification_and_research"] as const;

export const POLICE_REPORT_CATEGORIES = ["killing", "disappearance"] as const;

export const IDENTIFICATION_BASES = ["dna", "personal_effects", "identity_documents", "anthropology"] as const;

export const IDENTIFICATION_STATUSES = ["proposed", "confirmed", "family_notified", "remains_returned", "rejected", "retracted"] as const;

export const CUSTODY_ACTIONS = ["collected", "transferred", "received", "stored", "analysed", "released", "returned"] as const;

export type UserRole = (typeof USER_ROLES)[number];
export type GraveSiteStatus = (typeof GRAVE_SITE_STATUSES)[number];
export type Sex = (typeof SEXES)[number];
export type RemainsCondition = (typeof REMAINS_CONDITIONS)[number];
export type PersonalEffectKind = (typeof PERSONAL_EFFECT_KINDS)[number];
export type MissingPersonStatus = (typeof MISSING_PERSON_STATUSES)[number];
export type DonorRelationship = (typeof DONOR_RELATIONSHIPS)[number];
export type RelationshipSide = (typeof RELATIONSHIP_SIDES)[number];
export type SampleKind = (typeof SAMPLE_KINDS)[number];
export type LabStatus = (typeof LAB_STATUSES)[number];
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type PoliceReportCategory = (typeof POLICE_REPORT_CATEGORIES)[number];
export type IdentificationBasis = (typeof IDENTIFICATION_BASES)[number];
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
