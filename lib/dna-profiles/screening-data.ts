import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, missingPersons, referenceDonors, remains, strProfiles } from "@/db/schema";
import type { Genotype, Reference } from "@/lib/kinship/types";
import { KINSHIP_RELATIONSHIP } from "@/lib/kinship/registry-relationships";
import type { ScreenCandidate, ScreenRemains } from "@/lib/kinship/screen";
import { defineRead } from "@/lib/auth/read-access";
import { familyConsistency } from "@/lib/kinship/family-consistency";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import { pedigreeCandidates } from "@/lib/pedigrees/pedigree-candidates";

type DonorRelationship = (typeof donorRelationships.$inferSelect)["relationship"];


type Candidate = ScreenCandidate & { caseNumber: string; /** The stored pedigree's fault, when it has one. */ pedigreeFault?: string | null };

/** A missing person whose reference family contradicts itself: left out of the screen until corrected. */
export interface ExcludedFamily {
  id: string;
  caseNumber: string;
  placementProblem: string | null;
  inconsistentLoci: string[];
}

export interface ScreeningInput {
  remains: (ScreenRemains & { code: string })[];
  candidates: Candidate[];
  /** Reference families inconsistent within themselves (lib/kinship/family-consistency.ts). */
  excludedFamilies: ExcludedFamily[];
  missingPersonCount: number;
}

const genotypeOf = (row: { allele1: string; allele2: string }): Genotype => [row.allele1, row.allele2];

export async function remainsProfiles(db: Executor, remainsId?: string): Promise<ScreeningInput["remains"]> {
  const rows = await db
    .select({ remainsId: remains.id, code: remains.code, locus: strProfiles.locus, allele1: strProfiles.allele1, allele2: strProfiles.allele2 })
    .from(strProfiles)
    .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
    .innerJoin(remains, eq(remains.id, dnaSamples.remainsId))
    .where(and(isNull(dnaSamples.voidedAt), isNull(remains.voidedAt), remainsId === undefined ? undefined : eq(remains.id, remainsId)))
    .orderBy(remains.code, dnaSamples.barcode);
  const byRemains = new Map<string, { id: string; code: string; profile: Record<string, Genotype> }>();
  for (const row of rows) {
    const entry = byRemains.get(row.remainsId) ?? { id: row.remainsId, code: row.code, profile: {} };
    // A second sample of the same body fills loci the first one lacked; it never overrides.
    entry.profile[row.locus] ??= genotypeOf(row);
    byRemains.set(row.remainsId, entry);
  }
  return [...byRemains.values()];
}

export async function referenceCandidates(db: Executor, only: { familyId?: string; missingPersonId?: string } = {}): Promise<Candidate[]> {
  const rows = await db
    .select({
      personId: missingPersons.id,
      familyId: missingPersons.familyId,
      caseNumber: missingPersons.caseNumber,
      donorId: referenceDonors.id,
      relationship: donorRelationships.relationship,
      // Null for a relation recorded before sides were asked: the pedigree then assumes the paternal side and says so.
      side: donorRelationships.side,
      locus: strProfiles.locus,
      allele1: strProfiles.allele1,
      allele2: strProfiles.allele2,
    })
    .from(strProfiles)
    .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(donorRelationships, eq(donorRelationships.donorId, referenceDonors.id))
    .innerJoin(missingPersons, eq(missingPersons.id, donorRelationships.missingPersonId))
    // A sample whose donor withdrew consent is sealed: no comparison reads it (docs/CONSENT.md).
    .where(
      and(
        isNull(dnaSamples.voidedAt),
        isNull(dnaSamples.consentWithdrawnOn),
        isNull(referenceDonors.voidedAt),
        isNull(missingPersons.voidedAt),
        isNull(missingPersons.mergedIntoId),
        // A person made from an online report whose consent (a) was withdrawn is not searched for (docs/CONSENT.md).
        sql`not ${reportDataWithheld("search", sql`missing_persons.id`)}`,
        only.familyId === undefined ? undefined : eq(missingPersons.familyId, only.familyId),
        only.missingPersonId === undefined ? undefined : eq(missingPersons.id, only.missingPersonId),
      ),
    )
    .orderBy(missingPersons.caseNumber, referenceDonors.id, dnaSamples.barcode);
  // A family with an explicit pedigree is placed by it alone (issue 21); its labels are then only a record.
  const explicit = await pedigreeCandidates(db, only);
  const candidates = new Map<string, { id: string; caseNumber: string; references: Map<string, Reference & { genotype: Record<string, Genotype> }> }>();
  for (const row of rows) {
    if (row.familyId !== null && explicit.familyIds.has(row.familyId)) continue;
    const relationship = KINSHIP_RELATIONSHIP[row.relationship];
    const candidate = candidates.get(row.personId) ?? { id: row.personId, caseNumber: row.caseNumber, references: new Map() };
    const reference = candidate.references.get(row.donorId) ?? { id: row.donorId, relationship, ...(row.side ? { side: row.side } : {}), genotype: {} };
    reference.genotype[row.locus] ??= genotypeOf(row);
    candidate.references.set(row.donorId, reference);
    candidates.set(row.personId, candidate);
  }
  const labelled = [...candidates.values()].map((candidate) => ({ ...candidate, references: [...candidate.references.values()] }));
  return [...labelled, ...explicit.candidates].sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}

/** Whether a candidate's relatives are consistent among themselves: in its explicit pedigree when it has one. */
export function candidateConsistency(candidate: Candidate) {
  if (candidate.pedigreeFault) return { placementProblem: `the family's pedigree is not valid (${candidate.pedigreeFault})`, inconsistentLoci: [] };
  return familyConsistency(candidate.references, candidate.pedigree);
}

/**
 * Everything a screen needs, read in three queries; it reads STR profiles, so it takes a
 * dnaProfiles.use capability (forensic only). A family that contradicts itself is set aside: every
 * body would otherwise look inconsistent with it, or its faulty loci would be left out unseen.
 */
async function loadScreeningInputQuery(db: Executor): Promise<ScreeningInput> {
  const [bodies, all, [people]] = await Promise.all([
    remainsProfiles(db),
    referenceCandidates(db),
    db.select({ n: count() }).from(missingPersons).where(and(isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId))),
  ]);
  const candidates: Candidate[] = [];
  const excludedFamilies: ExcludedFamily[] = [];
  for (const candidate of all) {
    const verdict = candidateConsistency(candidate);
    if (verdict.placementProblem === null && verdict.inconsistentLoci.length === 0) candidates.push(candidate);
    else excludedFamilies.push({ id: candidate.id, caseNumber: candidate.caseNumber, placementProblem: verdict.placementProblem, inconsistentLoci: verdict.inconsistentLoci.map((entry) => entry.locus) });
  }
  return { remains: bodies, candidates, excludedFamilies, missingPersonCount: people?.n ?? 0 };
}

export const loadScreeningInput = defineRead("dnaProfiles.use", loadScreeningInputQuery);

/** "pedigree": placed by the family's explicit pedigree, with no label for this missing person. */
type Relative = { donorId: string; givenName: string; relationship: DonorRelationship | "pedigree" };

/** A missing person of the family whose typed relatives contradict one another, and which of them do where. */
export interface FamilyInconsistency {
  missingPersonId: string;
  caseNumber: string;
  placementProblem: string | null;
  inconsistentLoci: { locus: string; relatives: Relative[][] }[];
}

async function familyReferenceConsistencyQuery(db: Executor, familyId: string): Promise<FamilyInconsistency[]> {
  if (!z.uuid().safeParse(familyId).success) return [];
  const [candidates, relations] = await Promise.all([
    referenceCandidates(db, { familyId }),
    db
      .select({ donorId: referenceDonors.id, givenName: referenceDonors.givenName, missingPersonId: donorRelationships.missingPersonId, relationship: donorRelationships.relationship })
      .from(donorRelationships)
      .innerJoin(referenceDonors, eq(referenceDonors.id, donorRelationships.donorId))
      .where(eq(referenceDonors.familyId, familyId)),
  ]);
  return candidates.flatMap((candidate) => {
    const verdict = candidateConsistency(candidate);
    if (verdict.placementProblem === null && verdict.inconsistentLoci.length === 0) return [];
    const relative = (donorId: string): Relative[] => {
      const labelled = relations.filter((row) => row.donorId === donorId && row.missingPersonId === candidate.id).map(({ donorId: id, givenName, relationship }) => ({ donorId: id, givenName, relationship }));
      const named = relations.find((row) => row.donorId === donorId);
      return labelled.length > 0 || !candidate.pedigree ? labelled : [{ donorId, givenName: named?.givenName ?? "", relationship: "pedigree" as const }];
    };
    return [{
      missingPersonId: candidate.id,
      caseNumber: candidate.caseNumber,
      placementProblem: verdict.placementProblem,
      inconsistentLoci: verdict.inconsistentLoci.map(({ locus, relatives }) => ({ locus, relatives: relatives.map((group) => group.flatMap(relative)) })),
    }];
  });
}

/**
 * The family's reference families that contradict themselves, for the family's page: loci and the
 * relatives who disagree there, never their genotypes, so staff who read people records may see it.
 */
export const getFamilyReferenceConsistency = defineRead("people.read", familyReferenceConsistencyQuery);

/** One body's profile and one missing person's typed relatives, for the registry's ratio of that pair (pair-basis.ts). */
export async function loadPairProfiles(db: Executor, remainsId: string, missingPersonId: string): Promise<{ profile: Record<string, Genotype>; references: Candidate["references"]; candidate: Candidate | null }> {
  const [bodies, candidates] = await Promise.all([remainsProfiles(db, remainsId), referenceCandidates(db, { missingPersonId })]);
  const candidate = candidates.find((entry) => entry.id === missingPersonId) ?? null;
  return { profile: bodies[0]?.profile ?? {}, references: candidate?.references ?? [], candidate };
}
