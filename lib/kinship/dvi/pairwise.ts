import { pedigreeLikelihoodRatio, type FrequencyInput } from "../pedigree/ratio";
import type { PedigreeResult } from "../pedigree/types";
import { missingKey, type DviBody, type DviFamily, type DviOptions, type DviPair } from "./types";

/** The LR of `body` placed as `missing` in `family` (the family's other missing persons untyped). */
export function placeBody(family: DviFamily, missing: string, body: DviBody, frequencies: FrequencyInput, options: DviOptions): PedigreeResult {
  const dropout = { ...(family.dropout ?? {}) };
  if (body.dropout !== undefined) dropout[missing] = body.dropout;
  return pedigreeLikelihoodRatio(
    { persons: family.persons, missing, profiles: { ...family.profiles, [missing]: body.profile }, dropout },
    frequencies,
    options,
  );
}

export function sexOf(family: DviFamily, missing: string) {
  return family.persons.find((person) => person.id === missing)?.sex;
}

/** Whether a comparison is excluded: too many inconsistent loci, the wrong sex, or an LR of 0. */
export function isExcluded(inconsistentLoci: number, lr: number, sexMismatch: boolean, exclusionLoci: number): boolean {
  return sexMismatch || inconsistentLoci >= exclusionLoci || !(lr > 0);
}

/** Every body × missing person of the family: the exclusion count and the LR. */
export function compareFamily(family: DviFamily, bodies: readonly DviBody[], frequencies: FrequencyInput, options: DviOptions): DviPair[] {
  const pairs: DviPair[] = [];
  for (const missing of family.missing) {
    const sex = sexOf(family, missing);
    for (const body of bodies) {
      const result = placeBody(family, missing, body, frequencies, options);
      const sexMismatch = body.sex !== undefined && sex !== undefined && body.sex !== sex;
      pairs.push({
        body: body.id,
        family: family.id,
        missing,
        key: missingKey(family.id, missing),
        lr: result.lr,
        log10Lr: result.log10Lr,
        inconsistentLoci: result.inconsistentLoci,
        sexMismatch,
        excluded: isExcluded(result.inconsistentLoci.length, result.lr, sexMismatch, options.exclusionLoci),
      });
    }
  }
  return pairs;
}
