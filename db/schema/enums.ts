import { pgEnum } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["admin", "registrar", "forensic", "viewer"]);

export const graveSiteStatus = pgEnum("grave_site_status", [
  "reported",
  "surveyed",
  "excavating",
  "exhumed",
  "closed",
]);

export const sex = pgEnum("sex", ["male", "female", "unknown"]);

export const remainsCondition = pgEnum("remains_condition", [
  "complete",
  "partial",
  "commingled",
  "fragmentary",
]);

export const personalEffectKind = pgEnum("personal_effect_kind", [
  "identity_document",
  "car_key",
  "phone",
  "clothing",
  "jewellery",
  "other",
]);

export const missingPersonStatus = pgEnum("missing_person_status", [
  "missing",
  "identified",
  "remains_returned",
  "found_alive",
  "merged",
]);

/** The donor's relation to the missing person (a spouse gives no genetic reference). */
export const donorRelationship = pgEnum("donor_relationship", [
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
]);

export const sampleKind = pgEnum("sample_kind", ["reference", "remains"]);

export const labStatus = pgEnum("lab_status", ["collected", "shipped", "received", "profiled", "failed"]);

export const consentScope = pgEnum("consent_scope", ["identification_only", "identification_and_research"]);

export const policeReportCategory = pgEnum("police_report_category", ["killing", "disappearance"]);

export const identificationBasis = pgEnum("identification_basis", [
  "dna",
  "personal_effects",
  "identity_documents",
  "anthropology",
]);

export const identificationStatus = pgEnum("identification_status", [
  "proposed",
  "confirmed",
  "family_notified",
  "remains_returned",
  "rejected",
  "retracted",
]);

export const custodyAction = pgEnum("custody_action", [
  "collected",
  "transferred",
  "received",
  "stored",
  "analysed",
  "released",
  "returned",
]);
