import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, missingPersons, referenceDonors } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import type { DonorRelationship } from "@/lib/enum-values";
import { exactExclusionPower, familySamplingAdvice, type PowerEstimate } from "@/lib/kinship/dvi/sampling-advice";
import { DEFAULT_DVI_THRESHOLD, DEFAULT_EXCLUSION_LOCI, type DviFamily } from "@/lib/kinship/dvi/types";
import { mutationModelFor, tableData } from "@/lib/kinship/likelihood";
import { legacyPedigree, LEGACY_MISSING_ID, type LegacyReference } from "@/lib/kinship/pedigree/legacy-form";
import { PedigreeError } from "@/lib/kinship/pedigree/structure";
import { DEFAULT_THETA } from "@/lib/kinship/types";
import { loadActiveFrequencyTable } from "./frequency-store";
import { DEFAULT_MUTATION_RATE } from "./screening";
import { KINSHIP_RELATIONSHIP } from "@/lib/kinship/registry-relationships";
import { referenceCandidates } from "./screening-data";

/** Simulated families per set of relatives on a page: a standard error of at most 0.05. */
const PAGE_SIMULATIONS = 100;

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

export interface FamilySamplingAdvice {
  threshold: number;
  theta: number;
  mutationRate: number;
  simulations: number;
  frequencyTable: string;
  missingPersons: MissingPersonSampling[];
}

/**
 * Which registered relative to sample next (issue #22, point 6), for each missing person of the
 * family: the exact exclusion power of the relatives already typed, and the inclusion and exclusion
 * power, simulated on the pedigree their relationships describe, now and with each registered
 * relative who has no usable profile yet. Null without a frequency table in force.
 */
async function familySamplingAdviceQuery(db: Executor, familyId: string): Promise<FamilySamplingAdvice | null> {
  if (!z.uuid().safeParse(familyId).success) return null;
  const [active, typed, sampled, relations] = await Promise.all([
    loadActiveFrequencyTable(db),
    referenceCandidates(db, { familyId }),
    // A relative with a sample already (typed or not yet, or consent withdrawn) is not invited again.
    db
      .selectDistinct({ donorId: dnaSamples.donorId })
      .from(dnaSamples)
      .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
      .where(and(eq(referenceDonors.familyId, familyId), isNull(dnaSamples.voidedAt))),
    db
      .select({
        donorId: referenceDonors.id,
        givenName: referenceDonors.givenName,
        sex: referenceDonors.sex,
        missingPersonId: donorRelationships.missingPersonId,
        caseNumber: missingPersons.caseNumber,
        relationship: donorRelationships.relationship,
        side: donorRelationships.side,
      })
      .from(donorRelationships)
      .innerJoin(referenceDonors, eq(referenceDonors.id, donorRelationships.donorId))
      .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
      .where(and(eq(referenceDonors.familyId, familyId), isNull(referenceDonors.voidedAt), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
      .orderBy(missingPersons.caseNumber, referenceDonors.givenName, referenceDonors.id),
  ]);
  if (!active) return null;
  const frequencies = tableData(active.table);
  const loci = active.table.locusNames();
  const settings = { theta: DEFAULT_THETA, mutationRate: DEFAULT_MUTATION_RATE };
  const options = { theta: settings.theta, mutation: mutationModelFor(settings), minFrequency: active.info.minFrequency };
  const sampledIds = new Set(sampled.map((row) => row.donorId));
  const people = [...new Map(relations.map((row) => [row.missingPersonId, row.caseNumber])).entries()];
  const missingPersonsAdvice = people.flatMap(([missingPersonId, caseNumber]): MissingPersonSampling[] => {
    const candidate = typed.find((entry) => entry.id === missingPersonId);
    // With an explicit pedigree (issue 21) the typed relatives are its typed persons, placed as drawn.
    const explicit = candidate?.pedigree;
    const typedReferences = explicit ? [] : (candidate?.references ?? []);
    const typedIds = new Set(explicit ? explicit.typed.map((person) => person.id) : typedReferences.map((reference) => reference.id));
    const placed = explicit ? new Set(explicit.persons.map((person) => person.id)) : null;
    const untyped = relations.filter(
      (row) => row.missingPersonId === missingPersonId && !typedIds.has(row.donorId) && !sampledIds.has(row.donorId) && (placed === null || placed.has(row.donorId)),
    );
    if (untyped.length === 0) return [];
    const onTable = (genotype: Readonly<Record<string, readonly [string, string]>>) => Object.fromEntries(Object.entries(genotype).filter(([locus]) => loci.includes(locus)));
    if (explicit) {
      return adviceFor(missingPersonId, caseNumber, explicit.typed.length, {
        id: missingPersonId,
        persons: [...explicit.persons],
        missing: [missingPersonId],
        profiles: Object.fromEntries(explicit.typed.map((person) => [person.id, onTable(person.genotype)])),
      }, untyped);
    }
    const references: LegacyReference[] = [
      ...typedReferences.map((reference) => ({ ...reference, genotype: Object.fromEntries(Object.entries(reference.genotype).filter(([locus]) => loci.includes(locus))) })),
      ...untyped.map((row) => ({
        id: row.donorId,
        relationship: KINSHIP_RELATIONSHIP[row.relationship],
        ...(row.side ? { side: row.side } : {}),
        ...(row.sex === "male" || row.sex === "female" ? { sex: row.sex } : {}),
        genotype: {},
      })),
    ];
    const empty: PowerEstimate = { inclusionPower: 0, exclusionPower: 0, inclusionStandardError: 0, exclusionStandardError: 0, simulations: 0 };
    let persons;
    try {
      persons = legacyPedigree(references).persons;
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      return [{ missingPersonId, caseNumber, typedRelatives: typedReferences.length, exactExclusionPower: null, current: empty, toSample: [], placementProblem: error.message }];
    }
    const family = { id: missingPersonId, persons, missing: [LEGACY_MISSING_ID], profiles: Object.fromEntries(typedReferences.map((reference) => [reference.id, reference.genotype])) };
    return adviceFor(missingPersonId, caseNumber, typedReferences.length, family, untyped);
  });
  return { threshold: DEFAULT_DVI_THRESHOLD, ...settings, simulations: PAGE_SIMULATIONS, frequencyTable: active.info.name, missingPersons: missingPersonsAdvice };

  /** The advice for one missing person in `family` (its missing person's id is family.missing[0]). */
  function adviceFor(missingPersonId: string, caseNumber: string, typedRelatives: number, family: DviFamily, untyped: typeof relations): MissingPersonSampling[] {
    const { persons } = family;
    const missingId = family.missing[0] ?? LEGACY_MISSING_ID;
    const empty: PowerEstimate = { inclusionPower: 0, exclusionPower: 0, inclusionStandardError: 0, exclusionStandardError: 0, simulations: 0 };
    const candidates = new Set(untyped.map((row) => row.donorId));
    // Only registered relatives are offered: the pedigree's placeholders (an untyped parent linking a sibling) are nobody to invite.
    const unavailable = new Set(persons.map((person) => person.id).filter((id) => !candidates.has(id)));
    const [advice] = familySamplingAdvice(family, frequencies, options, {
      threshold: DEFAULT_DVI_THRESHOLD,
      exclusionLoci: DEFAULT_EXCLUSION_LOCI,
      simulations: PAGE_SIMULATIONS,
      seed: 1,
      unavailable: new Map([[missingPersonId, unavailable]]),
    });
    const byDonor = new Map(untyped.map((row) => [row.donorId, row]));
    return [
      {
        missingPersonId,
        caseNumber,
        typedRelatives,
        exactExclusionPower: exactExclusionPower(family, missingId, frequencies, options, DEFAULT_EXCLUSION_LOCI),
        current: advice?.current ?? empty,
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
      },
    ];
  }
}

/** It reads STR profiles: forensic staff only. */
export const readFamilySamplingAdvice = defineRead("dnaProfiles.use", familySamplingAdviceQuery);
