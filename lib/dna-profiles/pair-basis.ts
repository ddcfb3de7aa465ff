import "server-only";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { defineRead } from "@/lib/auth/read-access";
import type { DonorRelationship } from "@/lib/enum-values";
import { familyConsistency } from "@/lib/kinship/family-consistency";
import { computeKinship, mutationModelFor } from "@/lib/kinship/likelihood";
import type { LikelihoodRatioBasis } from "@/lib/kinship/lr-basis";
import type { Reference } from "@/lib/kinship/types";
import { loadActiveFrequencyTable } from "./frequency-store";
import { candidateConsistency, loadPairProfiles } from "./screening-data";

/** A reference's relationship as the registry names it. */
function registryRelationship(reference: Reference): DonorRelationship {
  if (reference.relationship === "half_sibling") return reference.side === "maternal" ? "maternal_half_sibling" : "paternal_half_sibling";
  if (reference.relationship === "first_cousin") return "cousin";
  return reference.relationship;
}

/**
 * The registry's exact likelihood ratio for one body and one missing person, with everything a
 * reader needs to weigh it: θ, the mutation model and rate, the frequency table in force (name and
 * SHA-256) and every typed relative used, sides assumed named. Null without a table in force.
 */
export async function pairLikelihoodRatioBasis(
  db: Executor,
  remainsId: string,
  missingPersonId: string,
  settings: { theta: number; mutationRate: number },
): Promise<LikelihoodRatioBasis | null> {
  if (!z.uuid().safeParse(remainsId).success || !z.uuid().safeParse(missingPersonId).success) return null;
  const active = await loadActiveFrequencyTable(db);
  if (!active) return null;
  const { profile, references, candidate } = await loadPairProfiles(db, remainsId, missingPersonId);
  const mutation = mutationModelFor(settings);
  const base = {
    theta: settings.theta,
    mutation: { model: mutation.model === "none" ? "none" : "proportional", rate: settings.mutationRate } as const,
    frequencyTable: { id: active.info.id, name: active.info.name, sha256: active.info.sha256 },
  };
  const verdict = candidate ? candidateConsistency(candidate) : familyConsistency(references);
  const inconsistent = verdict.inconsistentLoci.map((entry) => entry.locus);
  const familyProblem = verdict.placementProblem ?? (inconsistent.length > 0 ? `the relatives contradict one another at ${inconsistent.join(", ")}` : null);
  const loci = active.table.locusNames();
  const typed = Object.fromEntries(Object.entries(profile).filter(([locus]) => loci.includes(locus)));
  const explicit = candidate?.pedigree ? { pedigree: candidate.pedigree, missingId: candidate.id } : undefined;
  const hasRelatives = explicit ? explicit.pedigree.typed.length > 0 : references.length > 0;
  const result = familyProblem === null && hasRelatives ? computeKinship(active.table, typed, references, settings, explicit) : null;
  const assumed = new Set(result?.assumedSides ?? []);
  if (explicit) {
    // Placed by the family's pedigree: the relatives used are its typed persons, each named by their label for this person when one exists.
    const labels = new Map(references.map((reference) => [reference.id, reference]));
    const used = result?.usedReferences ?? explicit.pedigree.typed.map((person) => person.id);
    return {
      ...base,
      log10Lr: result && Number.isFinite(result.log10Lr) && Object.keys(result.loci).length > 0 ? result.log10Lr : null,
      relatives: used.map((donorId) => {
        const label = labels.get(donorId);
        return { donorId, relationship: label ? registryRelationship(label) : "pedigree", side: label?.side ?? null, sideAssumed: false };
      }),
      placedBy: "pedigree",
      lociCompared: result ? Object.keys(result.loci).length : 0,
      familyProblem,
      warnings: result?.warnings ?? [],
    };
  }
  return {
    ...base,
    log10Lr: result && Number.isFinite(result.log10Lr) && Object.keys(result.loci).length > 0 ? result.log10Lr : null,
    relatives: references.map((reference) => ({ donorId: reference.id, relationship: registryRelationship(reference), side: reference.side ?? null, sideAssumed: assumed.has(reference.id) })),
    lociCompared: result ? Object.keys(result.loci).length : 0,
    familyProblem,
    warnings: result?.warnings ?? [],
  };
}

/** The same, for a page: it reads STR profiles, so it takes a dnaProfiles.use capability. */
export const readPairLikelihoodRatioBasis = defineRead("dnaProfiles.use", pairLikelihoodRatioBasis);
