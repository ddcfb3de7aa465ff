import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, missingPersons, referenceDonors } from "@/db/schema";
import type { DonorRelationship } from "@/lib/enum-values";
import type { DviFamily } from "@/lib/kinship/dvi/types";
import { mutationModelFor, tableData } from "@/lib/kinship/likelihood";
import { legacyPedigree, LEGACY_MISSING_ID, type LegacyReference } from "@/lib/kinship/pedigree/legacy-form";
import { PedigreeError } from "@/lib/kinship/pedigree/structure";
import type { PedigreeOptions } from "@/lib/kinship/pedigree/types";
import type { FrequencyInput } from "@/lib/kinship/pedigree/ratio";
import { KINSHIP_RELATIONSHIP } from "@/lib/kinship/registry-relationships";
import { DEFAULT_THETA } from "@/lib/kinship/types";
import { loadActiveFrequencyTable } from "./frequency-store";
import { DEFAULT_MUTATION_RATE } from "./screening";
import { SAMPLING_SEED, SAMPLING_SIMULATIONS } from "./sampling-settings";
import { referenceCandidates } from "./screening-data";

export { SAMPLING_SEED, SAMPLING_SIMULATIONS } from "./sampling-settings";

export interface RelativeToSample {
  donorId: string;
  givenName: string;
  relationship: DonorRelationship;
}

/** What the advice for one missing person is computed from; plain data, so it can be fingerprinted. */
export type MissingPersonSamplingInput = {
  missingPersonId: string;
  caseNumber: string;
  typedRelatives: number;
  untyped: RelativeToSample[];
} & ({ family: DviFamily; placementProblem: null } | { family: null; placementProblem: string });

export interface SamplingInputs {
  frequencyTable: { name: string; sha256: string };
  frequencies: FrequencyInput;
  theta: number;
  mutationRate: number;
  options: PedigreeOptions;
  /** Per family id, its missing persons with at least one relative not yet sampled. */
  families: Map<string, MissingPersonSamplingInput[]>;
}

/**
 * Everything the sampling advice of the given families (or of every family) is computed from, in a
 * few queries whatever their number: the typed relatives (or the explicit pedigree) of each missing
 * person and the registered relatives who have given no sample yet. Null without a frequency table
 * in force.
 */
export async function loadSamplingInputs(db: Executor, only: { familyIds?: readonly string[] } = {}): Promise<SamplingInputs | null> {
  const familyIds = only.familyIds;
  if (familyIds?.length === 0) return null;
  const ofFamilies = familyIds === undefined ? undefined : inArray(referenceDonors.familyId, [...familyIds]);
  const [active, typed, sampled, relations] = await Promise.all([
    loadActiveFrequencyTable(db),
    familyIds?.length === 1 ? referenceCandidates(db, { familyId: familyIds[0] }) : referenceCandidates(db),
    // A relative with a sample already (typed or not yet, or consent withdrawn) is not invited again.
    db
      .selectDistinct({ donorId: dnaSamples.donorId })
      .from(dnaSamples)
      .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
      .where(and(ofFamilies, isNull(dnaSamples.voidedAt))),
    db
      .select({
        familyId: referenceDonors.familyId,
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
      .where(and(ofFamilies, isNull(referenceDonors.voidedAt), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId)))
      .orderBy(missingPersons.caseNumber, referenceDonors.givenName, referenceDonors.id),
  ]);
  if (!active) return null;
  const frequencies = tableData(active.table);
  const loci = active.table.locusNames();
  const settings = { theta: DEFAULT_THETA, mutationRate: DEFAULT_MUTATION_RATE };
  const options = { theta: settings.theta, mutation: mutationModelFor(settings), minFrequency: active.info.minFrequency };
  const sampledIds = new Set(sampled.map((row) => row.donorId));
  const typedByPerson = new Map(typed.map((candidate) => [candidate.id, candidate]));
  const onTable = (genotype: Readonly<Record<string, readonly [string, string]>>) => Object.fromEntries(Object.entries(genotype).filter(([locus]) => loci.includes(locus)));
  const families = new Map<string, MissingPersonSamplingInput[]>();
  const people = new Map(relations.map((row) => [row.missingPersonId, row]));
  for (const [missingPersonId, { familyId, caseNumber }] of people) {
    const candidate = typedByPerson.get(missingPersonId);
    // With an explicit pedigree (issue 21) the typed relatives are its typed persons, placed as drawn.
    const explicit = candidate?.pedigree;
    const typedReferences = explicit ? [] : (candidate?.references ?? []);
    const typedIds = new Set(explicit ? explicit.typed.map((person) => person.id) : typedReferences.map((reference) => reference.id));
    const placed = explicit ? new Set(explicit.persons.map((person) => person.id)) : null;
    const untypedRows = relations.filter(
      (row) => row.missingPersonId === missingPersonId && !typedIds.has(row.donorId) && !sampledIds.has(row.donorId) && (placed === null || placed.has(row.donorId)),
    );
    if (untypedRows.length === 0) continue;
    const untyped = untypedRows.map((row) => ({ donorId: row.donorId, givenName: row.givenName, relationship: row.relationship }));
    const entries = families.get(familyId) ?? [];
    families.set(familyId, entries);
    if (explicit) {
      const family = { id: missingPersonId, persons: [...explicit.persons], missing: [missingPersonId], profiles: Object.fromEntries(explicit.typed.map((person) => [person.id, onTable(person.genotype)])) };
      entries.push({ missingPersonId, caseNumber, typedRelatives: explicit.typed.length, untyped, family, placementProblem: null });
      continue;
    }
    const references: LegacyReference[] = [
      ...typedReferences.map((reference) => ({ ...reference, genotype: onTable(reference.genotype) })),
      ...untypedRows.map((row) => ({
        id: row.donorId,
        relationship: KINSHIP_RELATIONSHIP[row.relationship],
        ...(row.side ? { side: row.side } : {}),
        ...(row.sex === "male" || row.sex === "female" ? { sex: row.sex } : {}),
        genotype: {},
      })),
    ];
    try {
      const { persons } = legacyPedigree(references);
      const family = { id: missingPersonId, persons, missing: [LEGACY_MISSING_ID], profiles: Object.fromEntries(typedReferences.map((reference) => [reference.id, onTable(reference.genotype)])) };
      entries.push({ missingPersonId, caseNumber, typedRelatives: typedReferences.length, untyped, family, placementProblem: null });
    } catch (error) {
      if (!(error instanceof PedigreeError)) throw error;
      entries.push({ missingPersonId, caseNumber, typedRelatives: typedReferences.length, untyped, family: null, placementProblem: error.message });
    }
  }
  return { frequencyTable: { name: active.info.name, sha256: active.info.sha256 }, frequencies, ...settings, options, families };
}

/**
 * The fingerprint of what one family's advice is computed from: its pedigrees and typed profiles,
 * the relatives not yet sampled, the frequency table, θ, the mutation rate, the number of
 * simulations and the seed. A stored result whose fingerprint differs is stale. Names are left out:
 * the work list reads them live.
 */
export function samplingInputsSha256(inputs: SamplingInputs, familyId: string): string {
  const people = (inputs.families.get(familyId) ?? []).map((person) => ({
    missingPersonId: person.missingPersonId,
    typedRelatives: person.typedRelatives,
    family: person.family,
    placementProblem: person.placementProblem,
    untyped: person.untyped.map((relative) => relative.donorId),
  }));
  const basis = {
    table: inputs.frequencyTable.sha256,
    theta: inputs.theta,
    mutationRate: inputs.mutationRate,
    simulations: SAMPLING_SIMULATIONS,
    seed: SAMPLING_SEED,
    people,
  };
  return createHash("sha256").update(JSON.stringify(basis, sortedKeys)).digest("hex");
}

/** JSON with every object's keys in order: a profile's loci come in the order the database returned its rows. */
function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
