/*
 * The AM/PM comparison: what a family remembers against what the examiners found, field by field.
 * Pure functions, no database: the scoring model is written out in docs/AM-PM.md. The score is a
 * count of agreeing evidence, for ordering leads only: it is not a likelihood ratio or a probability,
 * and it never identifies anyone.
 */
import type { BelongingCategory, BelongingColour, BelongingMaterial } from "@/lib/belongings/vocabulary";
import type { Sex } from "@/lib/enum-values";
import type { BodyRegion, MarkType, MedicalFindingKind, ToothCondition } from "./vocabulary";

/** Years either side of the examiners' age range (age estimates are wide; death may follow disappearance). */
export const AGE_TOLERANCE_YEARS = 5;
/** Centimetres either side of the stature range (relatives often state height from memory, and round it). */
export const STATURE_TOLERANCE_CM = 5;

export const POINTS = {
  sex: 1,
  age: 1,
  stature: 1,
  belongingCategory: 1,
  belongingColour: 3,
  belongingMaterial: 4,
  mark: 5,
  tooth: 4,
  toothConflict: -4,
  medical: 4,
} as const;

export interface Mark {
  type: MarkType;
  region: BodyRegion;
}
export interface Tooth {
  tooth: number;
  condition: ToothCondition;
}
export interface MedicalFinding {
  kind: MedicalFindingKind;
  region: BodyRegion;
}
export interface Belonging {
  category: BelongingCategory;
  colour: BelongingColour;
  material: BelongingMaterial;
}

/** What both sides may say; an unknown is null (or "unknown"), and never excludes. */
export interface ComparableProfile {
  sex: Sex;
  ageMin: number | null;
  ageMax: number | null;
  statureMin: number | null;
  statureMax: number | null;
  marks: readonly Mark[];
  teeth: readonly Tooth[];
  medical: readonly MedicalFinding[];
  belongings: readonly Belonging[];
}

export type Reason =
  | { kind: "sexMatch" | "sexMismatch"; points: number; sex: Sex; otherSex: Sex }
  | { kind: "ageConsistent" | "ageOutside"; points: number; am: Range; pm: Range }
  | { kind: "statureConsistent" | "statureOutside"; points: number; am: Range; pm: Range }
  | { kind: "belongingMatch"; points: number; category: BelongingCategory; colour: BelongingColour | null; material: BelongingMaterial | null }
  | { kind: "markMatch"; points: number; type: MarkType; region: BodyRegion }
  | { kind: "toothMatch" | "toothConflict"; points: number; tooth: number; am: ToothCondition; pm: ToothCondition }
  | { kind: "medicalMatch"; points: number; findingKind: MedicalFindingKind; region: BodyRegion };

export interface Range {
  min: number | null;
  max: number | null;
}

export interface Comparison {
  /** True when sex, age or stature rules the pair out; `exclusions` says which. */
  excluded: boolean;
  exclusions: Reason[];
  score: number;
  reasons: Reason[];
  /** A lead needs at least one matching item, mark, tooth or medical finding: sex, age and stature only filter. */
  isLead: boolean;
}

const EVIDENCE_KINDS: ReadonlySet<Reason["kind"]> = new Set(["belongingMatch", "markMatch", "toothMatch", "medicalMatch"]);

function compareSex(am: Sex, pm: Sex): Reason | null {
  if (am === "unknown" || pm === "unknown") return null;
  return am === pm ? { kind: "sexMatch", points: POINTS.sex, sex: am, otherSex: pm } : { kind: "sexMismatch", points: 0, sex: am, otherSex: pm };
}

/** Two ranges agree when they come within `tolerance` of each other; a missing bound is open. */
export function rangesAgree(am: Range, pm: Range, tolerance: number): boolean {
  if (am.min !== null && pm.max !== null && am.min > pm.max + tolerance) return false;
  if (am.max !== null && pm.min !== null && am.max < pm.min - tolerance) return false;
  return true;
}

function isKnown(range: Range): boolean {
  return range.min !== null || range.max !== null;
}

function compareRange(am: Range, pm: Range, tolerance: number, kinds: ["ageConsistent", "ageOutside"] | ["statureConsistent", "statureOutside"], points: number): Reason | null {
  if (!isKnown(am) || !isKnown(pm)) return null;
  const [consistent, outside] = kinds;
  return rangesAgree(am, pm, tolerance) ? ({ kind: consistent, points, am, pm } as Reason) : ({ kind: outside, points: 0, am, pm } as Reason);
}

function belongingPoints(am: Belonging, pm: Belonging): number {
  if (am.category !== pm.category) return 0;
  const coloursKnown = am.colour !== "unknown" && pm.colour !== "unknown";
  if (coloursKnown && am.colour !== pm.colour) return 0;
  if (!coloursKnown) return POINTS.belongingCategory;
  const materialsKnown = am.material !== "unknown" && pm.material !== "unknown" && am.material !== "other";
  return materialsKnown && am.material === pm.material ? POINTS.belongingMaterial : POINTS.belongingColour;
}

/** Each PM item answers at most one AM item: the best still-unused one, so one shirt is not counted twice. */
function compareBelongings(am: readonly Belonging[], pm: readonly Belonging[]): Reason[] {
  const used = new Set<number>();
  const reasons: Reason[] = [];
  for (const item of am) {
    let best = -1;
    let bestPoints = 0;
    pm.forEach((candidate, index) => {
      const points = used.has(index) ? 0 : belongingPoints(item, candidate);
      if (points > bestPoints) [best, bestPoints] = [index, points];
    });
    if (best < 0) continue;
    used.add(best);
    const found = pm[best] as Belonging;
    const colour = bestPoints >= POINTS.belongingColour ? found.colour : null;
    const material = bestPoints === POINTS.belongingMaterial ? found.material : null;
    reasons.push({ kind: "belongingMatch", points: bestPoints, category: item.category, colour, material });
  }
  return reasons;
}

function compareMarks(am: readonly Mark[], pm: readonly Mark[]): Reason[] {
  const used = new Set<number>();
  return am.flatMap((mark): Reason[] => {
    const index = pm.findIndex((found, at) => !used.has(at) && found.type === mark.type && found.region === mark.region);
    if (index < 0) return [];
    used.add(index);
    return [{ kind: "markMatch", points: POINTS.mark, type: mark.type, region: mark.region }];
  });
}

const TREATED: ReadonlySet<ToothCondition> = new Set(["filled", "crowned", "root_filled"]);

/** A tooth said missing in life cannot be a natural tooth after death; a treated one cannot be sound. */
function teethConflict(am: ToothCondition, pm: ToothCondition): boolean {
  if (am === "missing") return pm === "present" || TREATED.has(pm);
  return TREATED.has(am) && pm === "present";
}

function compareTeeth(am: readonly Tooth[], pm: readonly Tooth[]): Reason[] {
  return am.flatMap((tooth): Reason[] => {
    const found = pm.find((candidate) => candidate.tooth === tooth.tooth);
    if (!found) return [];
    if (found.condition === tooth.condition && tooth.condition !== "present") {
      return [{ kind: "toothMatch", points: POINTS.tooth, tooth: tooth.tooth, am: tooth.condition, pm: found.condition }];
    }
    if (teethConflict(tooth.condition, found.condition)) {
      return [{ kind: "toothConflict", points: POINTS.toothConflict, tooth: tooth.tooth, am: tooth.condition, pm: found.condition }];
    }
    return [];
  });
}

function compareMedical(am: readonly MedicalFinding[], pm: readonly MedicalFinding[]): Reason[] {
  const used = new Set<number>();
  return am.flatMap((finding): Reason[] => {
    const index = pm.findIndex((found, at) => !used.has(at) && found.kind === finding.kind && found.region === finding.region);
    if (index < 0) return [];
    used.add(index);
    return [{ kind: "medicalMatch", points: POINTS.medical, findingKind: finding.kind, region: finding.region }];
  });
}

const EXCLUDING: ReadonlySet<Reason["kind"]> = new Set(["sexMismatch", "ageOutside", "statureOutside"]);

/** One missing person's AM profile against one body's PM profile. */
export function compareProfiles(am: ComparableProfile, pm: ComparableProfile): Comparison {
  const all = [
    compareSex(am.sex, pm.sex),
    compareRange({ min: am.ageMin, max: am.ageMax }, { min: pm.ageMin, max: pm.ageMax }, AGE_TOLERANCE_YEARS, ["ageConsistent", "ageOutside"], POINTS.age),
    compareRange({ min: am.statureMin, max: am.statureMax }, { min: pm.statureMin, max: pm.statureMax }, STATURE_TOLERANCE_CM, ["statureConsistent", "statureOutside"], POINTS.stature),
    ...compareBelongings(am.belongings, pm.belongings),
    ...compareMarks(am.marks, pm.marks),
    ...compareTeeth(am.teeth, pm.teeth),
    ...compareMedical(am.medical, pm.medical),
  ].filter((reason): reason is Reason => reason !== null);
  const exclusions = all.filter((reason) => EXCLUDING.has(reason.kind));
  const reasons = all.filter((reason) => !EXCLUDING.has(reason.kind));
  const score = reasons.reduce((total, reason) => total + reason.points, 0);
  const excluded = exclusions.length > 0;
  return { excluded, exclusions, score, reasons, isLead: !excluded && score > 0 && reasons.some((reason) => EVIDENCE_KINDS.has(reason.kind)) };
}

export interface Candidate<Subject> {
  subject: Subject;
  profile: ComparableProfile;
}

export interface RankedLead<Subject> {
  subject: Subject;
  score: number;
  reasons: Reason[];
}

export interface Ranking<Subject> {
  leads: RankedLead<Subject>[];
  /** How many candidates sex, age or stature ruled out. */
  excluded: number;
  compared: number;
}

/**
 * Candidates ranked against one profile, highest score first; ties keep the order given (callers
 * pass them sorted by case number or body code, so the order is stable). The same function serves
 * both directions: the comparison is symmetric in what it counts, and `am` says which side is which.
 */
export function rankCandidates<Subject>(profile: ComparableProfile, side: "am" | "pm", candidates: readonly Candidate<Subject>[], limit: number): Ranking<Subject> {
  let excluded = 0;
  const leads: RankedLead<Subject>[] = [];
  for (const candidate of candidates) {
    const comparison = side === "am" ? compareProfiles(profile, candidate.profile) : compareProfiles(candidate.profile, profile);
    if (comparison.excluded) excluded += 1;
    else if (comparison.isLead) leads.push({ subject: candidate.subject, score: comparison.score, reasons: comparison.reasons });
  }
  const ranked = leads.map((lead, order) => ({ lead, order })).sort((a, b) => b.lead.score - a.lead.score || a.order - b.order);
  return { leads: ranked.slice(0, limit).map((entry) => entry.lead), excluded, compared: candidates.length };
}
