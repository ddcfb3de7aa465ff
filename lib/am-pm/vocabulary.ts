/*
 * The structured words of antemortem (AM) and postmortem (PM) records, in the spirit of the INTERPOL
 * DVI forms: plain lists importing nothing, so forms and client components may read them
 * (docs/BOUNDARY.md). Labels: the "AmPm" message namespace, in Arabic and English. Clothing and
 * effects use the Belongings vocabulary (lib/belongings/vocabulary.ts), shared with the catalogue.
 */

export const BUILDS = ["slight", "medium", "heavy", "unknown"] as const;
export type Build = (typeof BUILDS)[number];

export const EYE_COLOURS = ["brown", "black", "hazel", "green", "blue", "grey", "unknown"] as const;
export type EyeColour = (typeof EYE_COLOURS)[number];

export const MARK_TYPES = ["scar", "tattoo", "birthmark", "amputation", "piercing", "other"] as const;
export type MarkType = (typeof MARK_TYPES)[number];

/** Coarse enough that a relative and an examiner name the same place. */
export const BODY_REGIONS = [
  "head",
  "face",
  "neck",
  "chest",
  "abdomen",
  "back",
  "left_arm",
  "right_arm",
  "left_hand",
  "right_hand",
  "left_leg",
  "right_leg",
  "left_foot",
  "right_foot",
  "other",
] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

/**
 * A tooth's state on a dental chart. "present" is a sound natural tooth: an examiner charts it, a
 * relative seldom can; it matters only as a conflict with a tooth said to be missing or treated.
 */
export const TOOTH_CONDITIONS = ["missing", "filled", "crowned", "root_filled", "implant", "bridge", "denture", "present"] as const;
export type ToothCondition = (typeof TOOTH_CONDITIONS)[number];

export const MEDICAL_FINDING_KINDS = ["healed_fracture", "orthopaedic_implant", "prosthesis", "surgery", "other"] as const;
export type MedicalFindingKind = (typeof MEDICAL_FINDING_KINDS)[number];

/** FDI two-digit notation of the 32 permanent teeth: quadrant 1–4, then position 1–8. */
export const FDI_TEETH: readonly number[] = [1, 2, 3, 4].flatMap((quadrant) => [1, 2, 3, 4, 5, 6, 7, 8].map((position) => quadrant * 10 + position));

export function isFdiTooth(value: number): boolean {
  return FDI_TEETH.includes(value);
}
