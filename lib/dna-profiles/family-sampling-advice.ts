import "server-only";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { donorRelationships, familySamplingGains, familySamplingPeople, familySamplingResults, missingPersons, referenceDonors } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import type { PowerEstimate } from "@/lib/kinship/dvi/sampling-advice";
import { DEFAULT_DVI_THRESHOLD } from "@/lib/kinship/dvi/types";
import type { MissingPersonSampling } from "./missing-person-sampling";
import { loadSamplingInputs, SAMPLING_SIMULATIONS, samplingInputsSha256 } from "./sampling-inputs";

export { computeMissingPersonSampling, type DonorToSample, type MissingPersonSampling } from "./missing-person-sampling";

export interface FamilySamplingAdvice {
  /** When the stored figures were computed; null when never. */
  computedAt: Date | null;
  /** The family's pedigree, references or the frequency table changed since (or never computed). */
  stale: boolean;
  threshold: number;
  theta: number;
  mutationRate: number;
  simulations: number;
  frequencyTable: string;
  missingPersons: MissingPersonSampling[];
}

/**
 * Which registered relative to sample next (issue #22, point 6), for each missing person of the
 * family, as the sampling refresh last stored it (the simulation never runs in a page request): the
 * exact exclusion power of the relatives then typed, and the simulated powers then and with each
 * relative not yet sampled. `stale` when the family's inputs changed since; `computedAt` null when
 * its advice was never computed. Null without a frequency table in force.
 */
async function familySamplingAdviceQuery(db: Executor, familyId: string): Promise<FamilySamplingAdvice | null> {
  if (!z.uuid().safeParse(familyId).success) return null;
  const [inputs, [stored], people, gains] = await Promise.all([
    loadSamplingInputs(db, { familyIds: [familyId] }),
    db
      .select({ computedAt: familySamplingResults.computedAt, inputsSha256: familySamplingResults.inputsSha256, simulations: familySamplingResults.simulations })
      .from(familySamplingResults)
      .where(eq(familySamplingResults.familyId, familyId)),
    db
      .select({ person: familySamplingPeople, caseNumber: missingPersons.caseNumber })
      .from(familySamplingPeople)
      .innerJoin(missingPersons, eq(missingPersons.id, familySamplingPeople.missingPersonId))
      .where(and(eq(familySamplingPeople.familyId, familyId), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
      .orderBy(asc(missingPersons.caseNumber)),
    db
      .select({ gain: familySamplingGains, givenName: referenceDonors.givenName, relationship: donorRelationships.relationship })
      .from(familySamplingGains)
      .innerJoin(referenceDonors, eq(referenceDonors.id, familySamplingGains.donorId))
      .innerJoin(donorRelationships, and(eq(donorRelationships.donorId, familySamplingGains.donorId), eq(donorRelationships.missingPersonId, familySamplingGains.missingPersonId)))
      .where(and(eq(familySamplingGains.familyId, familyId), isNull(referenceDonors.voidedAt)))
      .orderBy(desc(familySamplingGains.inclusionGain), desc(familySamplingGains.exclusionGain), asc(referenceDonors.givenName)),
  ]);
  if (!inputs) return null;
  const computedAt = stored?.computedAt ?? null;
  const simulations = stored?.simulations ?? SAMPLING_SIMULATIONS;
  const power = (inclusionPower: number, inclusionStandardError: number, exclusionPower: number, theta: number): PowerEstimate => ({
    inclusionPower,
    inclusionStandardError,
    exclusionPower,
    exclusionStandardError: Math.sqrt((exclusionPower * (1 - exclusionPower)) / Math.max(simulations, 1)),
    simulations,
    theta,
  });
  return {
    threshold: DEFAULT_DVI_THRESHOLD,
    theta: inputs.theta,
    mutationRate: inputs.mutationRate,
    simulations,
    frequencyTable: inputs.frequencyTable.name,
    computedAt,
    stale: computedAt === null || stored?.inputsSha256 !== samplingInputsSha256(inputs, familyId),
    missingPersons: computedAt === null
      ? []
      : people.map(({ person, caseNumber }) => ({
          missingPersonId: person.missingPersonId,
          caseNumber,
          typedRelatives: person.typedRelatives,
          exactExclusionPower: person.exactExclusionPower,
          current: power(person.inclusionNow, person.inclusionNowStandardError, person.exclusionNow, person.simulationTheta),
          toSample: gains
            .filter(({ gain }) => gain.missingPersonId === person.missingPersonId)
            .map(({ gain, givenName, relationship }) => ({
              donorId: gain.donorId,
              givenName,
              relationship,
              power: power(gain.inclusionAfter, gain.inclusionStandardError, gain.exclusionAfter, person.simulationTheta),
              inclusionGain: gain.inclusionGain,
              exclusionGain: gain.exclusionGain,
            })),
          placementProblem: person.placementProblem,
        })),
  };
}

/** It reads STR profiles: forensic staff only. */
export const readFamilySamplingAdvice = defineRead("dnaProfiles.use", familySamplingAdviceQuery);
