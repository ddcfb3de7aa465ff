import "server-only";
import { pgEnum } from "drizzle-orm/pg-core";
import {
  CONSENT_SCOPES,
  CUSTODY_ACTIONS,
  DONOR_RELATIONSHIPS,
  GRAVE_SITE_STATUSES,
  IDENTIFICATION_BASES,
  IDENTIFICATION_STATUSES,
  LAB_STATUSES,
  MISSING_PERSON_STATUSES,
  PERSONAL_EFFECT_KINDS,
  POLICE_REPORT_CATEGORIES,
  RELATIONSHIP_SIDES,
  REMAINS_CONDITIONS,
  SAMPLE_KINDS,
  SEXES,
  USER_ROLES,
} from "../../lib/enum-values";

/*
 * The values live in lib/enum-values.ts, which imports nothing, so that forms in the browser can
 * offer them without bundling drizzle or the tables (docs/BOUNDARY.md). Changing a list there
 * changes the enum here: write the migration that goes with it.
 */
export const userRole = pgEnum("user_role", USER_ROLES);
export const graveSiteStatus = pgEnum("grave_site_status", GRAVE_SITE_STATUSES);
export const sex = pgEnum("sex", SEXES);
export const remainsCondition = pgEnum("remains_condition", REMAINS_CONDITIONS);
export const personalEffectKind = pgEnum("personal_effect_kind", PERSONAL_EFFECT_KINDS);
export const missingPersonStatus = pgEnum("missing_person_status", MISSING_PERSON_STATUSES);
/** The donor's relation to the missing person (a spouse gives no genetic reference). */
export const donorRelationship = pgEnum("donor_relationship", DONOR_RELATIONSHIPS);
export const relationshipSide = pgEnum("relationship_side", RELATIONSHIP_SIDES);
export const sampleKind = pgEnum("sample_kind", SAMPLE_KINDS);
export const labStatus = pgEnum("lab_status", LAB_STATUSES);
export const consentScope = pgEnum("consent_scope", CONSENT_SCOPES);
export const policeReportCategory = pgEnum("police_report_category", POLICE_REPORT_CATEGORIES);
export const identificationBasis = pgEnum("identification_basis", IDENTIFICATION_BASES);
export const identificationStatus = pgEnum("identification_status", IDENTIFICATION_STATUSES);
export const custodyAction = pgEnum("custody_action", CUSTODY_ACTIONS);
