/**
 * Does the body look like the person? An anthropologist's estimate that contradicts the person's
 * sex or age at disappearance is not a refusal (estimates can be wrong) but must be acknowledged.
 */
export type Mismatch = "sex" | "age";

export interface BodyEstimate {
  estimatedSex: "male" | "female" | "unknown";
  ageMin: number | null;
  ageMax: number | null;
}

export interface PersonDescription {
  sex: "male" | "female" | "unknown";
  birthYear: number | null;
  lastSeenOn: string | null;
}

/** A birth year against a date gives the age only to within a year either way. */
const BIRTH_YEAR_TOLERANCE = 1;

export function ageAtDisappearance(person: PersonDescription): number | null {
  if (person.birthYear === null || person.lastSeenOn === null) return null;
  return Number(person.lastSeenOn.slice(0, 4)) - person.birthYear;
}

export function findMismatches(body: BodyEstimate, person: PersonDescription): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (body.estimatedSex !== "unknown" && person.sex !== "unknown" && body.estimatedSex !== person.sex) mismatches.push("sex");
  const age = ageAtDisappearance(person);
  if (age !== null) {
    const tooYoung = body.ageMin !== null && age < body.ageMin - BIRTH_YEAR_TOLERANCE;
    const tooOld = body.ageMax !== null && age > body.ageMax + BIRTH_YEAR_TOLERANCE;
    if (tooYoung || tooOld) mismatches.push("age");
  }
  return mismatches;
}

/** The warning's message key: one sentence naming what does not fit. */
export function mismatchMessageKey(mismatches: readonly Mismatch[]): string {
  if (mismatches.length === 2) return "Identifications.mismatchSexAndAge";
  return mismatches[0] === "sex" ? "Identifications.mismatchSex" : "Identifications.mismatchAge";
}
