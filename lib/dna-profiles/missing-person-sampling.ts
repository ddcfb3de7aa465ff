import type { DonorRelationship } from "@/lib/enum-values";
import { exactExclusionPower, familySamplingAdvice, type PowerEstimate } from "@/lib/kinship/dvi/sampling-advice";
import { DEFAULT_DVI_THRESHOLD, DEFAULT_EXCLUSION_LOCI } from "@/lib/kinship/dvi/types";
import { LEGACY_MISSING_ID } from "@/lib/kinship/pedigree/legacy-form";
import { SAMPLING_SEED, SAMPLING_SIMULATIONS } from "./sampling-settings";
import type { MissingPersonSamplingInput, SamplingInputs } from "./sampling-inputs";

/*
 * The sampling advice of one missing person, computed from plain data (no database, no server-only
 * module), so that the refresh started from the work list can run it in a process of its own.
 */

export interface DonorToSample {
  donorId: string;
  givenName: string;
  relationship: DonorRelationship;
  power: PowerEstimate;
  inclusionGain: number;
  exclusionGain: number;
}

export interface MissingPersonSampling {
  missingPersonId: string;
  caseNumber: string;
  typedRelatives: number;
  /** Exact, for the relatives as typed; null without any. */
  exactExclusionPower: number | null;
  current: PowerEstimate;
  /** Registered relatives without a usable profile yet, best next sample first. */
  toSample: DonorToSample[];
  /** The relatives cannot be placed in one pedigree (two mothers, …): no advice. */
  placementProblem: string | null;
}

const NO_POWER: PowerEstimate = { inclusionPower: 0, exclusionPower: 0, inclusionStandardError: 0, exclusionStandardError: 0, simulations: 0, theta: 0 };

/**
 * The advice for one missing person (seconds of simulation, no database): the exact exclusion power
 * of the relatives typed now, and the simulated powers now and with each relative not yet sampled.
 */
export function computeMissingPersonSampling(inputs: SamplingInputs, person: MissingPersonSamplingInput): MissingPersonSampling {
  const { missingPersonId, caseNumber, typedRelatives } = person;
  if (person.family === null) return { missingPersonId, caseNumber, typedRelatives, exactExclusionPower: null, current: NO_POWER, toSample: [], placementProblem: person.placementProblem };
  const { family } = person;
  const missingId = family.missing[0] ?? LEGACY_MISSING_ID;
  const candidates = new Set(person.untyped.map((row) => row.donorId));
  // Only registered relatives are offered: the pedigree's placeholders (an untyped parent linking a sibling) are nobody to invite.
  const unavailable = new Set(family.persons.map((entry) => entry.id).filter((id) => !candidates.has(id)));
  const [advice] = familySamplingAdvice(family, inputs.frequencies, inputs.options, {
    threshold: DEFAULT_DVI_THRESHOLD,
    exclusionLoci: DEFAULT_EXCLUSION_LOCI,
    simulations: SAMPLING_SIMULATIONS,
    seed: SAMPLING_SEED,
    unavailable: new Map([[missingPersonId, unavailable]]),
  });
  const byDonor = new Map(person.untyped.map((row) => [row.donorId, row]));
  return {
    missingPersonId,
    caseNumber,
    typedRelatives,
    exactExclusionPower: exactExclusionPower(family, missingId, inputs.frequencies, inputs.options, DEFAULT_EXCLUSION_LOCI),
    current: advice?.current ?? NO_POWER,
    toSample: (advice?.options ?? []).map((option) => {
      const row = byDonor.get(option.relative);
      return {
        donorId: option.relative,
        givenName: row?.givenName ?? "",
        relationship: row?.relationship ?? "full_sibling",
        power: option.power,
        inclusionGain: option.inclusionGain,
        exclusionGain: option.exclusionGain,
      };
    }),
    placementProblem: null,
  };
}

