import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, familyPedigrees, missingPersons, pedigreePersons, strProfiles } from "@/db/schema";
import { reportDataWithheld } from "@/lib/online-reports/consent-use";
import { rankingReferences } from "@/lib/kinship/pedigree-ranking";
import type { ExplicitPedigree, Genotype, Reference } from "@/lib/kinship/types";
import { asStoredPerson } from "./pedigree-records";
import { engineId, pedigreeProblem, toEnginePedigree } from "./validation";

/** A missing person placed in the family's stored pedigree, as the screen and the exact LRs take them. */
export interface PedigreeCandidate {
  id: string;
  caseNumber: string;
  /** Ranking aid only (lib/kinship/pedigree-ranking.ts). */
  references: Reference[];
  pedigree: ExplicitPedigree;
  /** Why the stored pedigree cannot be computed (its fault), null when it can. */
  pedigreeFault: string | null;
}

/**
 * Every missing person (not voided, not merged away) placed in a stored family pedigree, with the
 * pedigree and the profiles of its typed donors (consent not withdrawn, sample not voided). Those
 * without a typed relative in their pedigree are left out, as the label-based candidates are.
 */
export async function pedigreeCandidates(
  db: Executor,
  only: { familyId?: string; missingPersonId?: string } = {},
): Promise<{ candidates: PedigreeCandidate[]; familyIds: Set<string> }> {
  let familyFilter = only.familyId === undefined ? undefined : eq(familyPedigrees.familyId, only.familyId);
  if (only.missingPersonId !== undefined) {
    const [person] = await db.select({ familyId: missingPersons.familyId }).from(missingPersons).where(eq(missingPersons.id, only.missingPersonId));
    if (!person?.familyId) return { candidates: [], familyIds: new Set() };
    familyFilter = eq(familyPedigrees.familyId, person.familyId);
  }
  const rows = await db
    .select({ familyId: familyPedigrees.familyId, person: pedigreePersons })
    .from(pedigreePersons)
    .innerJoin(familyPedigrees, eq(familyPedigrees.id, pedigreePersons.pedigreeId))
    .where(familyFilter);
  const familyIds = new Set(rows.map((row) => row.familyId));
  if (rows.length === 0) return { candidates: [], familyIds };
  const donorIds = [...new Set(rows.flatMap((row) => (row.person.donorId ? [row.person.donorId] : [])))];
  const missingIds = [...new Set(rows.flatMap((row) => (row.person.missingPersonId ? [row.person.missingPersonId] : [])))];
  const [profileRows, people] = await Promise.all([
    donorIds.length === 0
      ? []
      : db
          .select({ donorId: dnaSamples.donorId, locus: strProfiles.locus, allele1: strProfiles.allele1, allele2: strProfiles.allele2 })
          .from(strProfiles)
          .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
          // A sample whose donor withdrew consent is sealed: no comparison reads it (docs/CONSENT.md).
          .where(and(inArray(dnaSamples.donorId, donorIds), isNull(dnaSamples.voidedAt), isNull(dnaSamples.consentWithdrawnOn)))
          .orderBy(dnaSamples.barcode),
    missingIds.length === 0
      ? []
      : db
          .select({ id: missingPersons.id, caseNumber: missingPersons.caseNumber })
          .from(missingPersons)
          // Spelt out: a one-table select writes the column bare. A person made from an online report
          // whose consent (a) was withdrawn is no candidate (docs/CONSENT.md).
          .where(and(inArray(missingPersons.id, missingIds), isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId), sql`not ${reportDataWithheld("search", sql`missing_persons.id`)}`)),
  ]);
  const profiles = new Map<string, Record<string, Genotype>>();
  for (const row of profileRows) {
    if (!row.donorId) continue;
    const profile = profiles.get(row.donorId) ?? {};
    // A second sample of the same donor fills loci the first one lacked; it never overrides.
    profile[row.locus] ??= [row.allele1, row.allele2];
    profiles.set(row.donorId, profile);
  }
  const byFamily = new Map<string, (typeof rows)[number]["person"][]>();
  for (const row of rows) byFamily.set(row.familyId, [...(byFamily.get(row.familyId) ?? []), row.person]);
  const caseNumbers = new Map(people.map((person) => [person.id, person.caseNumber]));
  const candidates: PedigreeCandidate[] = [];
  for (const persons of byFamily.values()) {
    const stored = persons.map(asStoredPerson);
    const problem = pedigreeProblem(stored);
    const pedigree: ExplicitPedigree = {
      persons: toEnginePedigree(stored),
      typed: stored.flatMap((person) => {
        const genotype = person.donorId ? profiles.get(person.donorId) : undefined;
        return genotype ? [{ id: engineId(person), genotype }] : [];
      }),
    };
    if (pedigree.typed.length === 0) continue;
    for (const person of stored) {
      const caseNumber = person.missingPersonId ? caseNumbers.get(person.missingPersonId) : undefined;
      if (!person.missingPersonId || caseNumber === undefined) continue;
      candidates.push({
        id: person.missingPersonId,
        caseNumber,
        references: problem ? [] : rankingReferences(pedigree, person.missingPersonId),
        pedigree,
        pedigreeFault: problem ? problem.fault : null,
      });
    }
  }
  return { candidates, familyIds };
}
