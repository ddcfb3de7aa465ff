import "server-only";
import { and, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { identifications, missingPersons } from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/identifications/state-machine";
import { computeKinship } from "@/lib/kinship/likelihood";
import { DEFAULT_SCREEN_THRESHOLDS, posteriorProbability, screenProfiles, type ScreenRemains } from "@/lib/kinship/screen";
import { DEFAULT_THETA, type Profile, type Reference } from "@/lib/kinship/types";
import { loadActiveFrequencyTable, type FrequencyTableInfo } from "./frequency-store";
import { loadScreeningInput, type ExcludedFamily } from "./screening-data";
import { personNameColumns } from "@/lib/people/person-columns";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";

export { leadOffer } from "./lead-offer";

export const DEFAULT_MUTATION_RATE = 0.002;

/** The screen's parameters as the leads page reads them from its query string. */
export const screenSettingsSchema = z.object({
  theta: z.coerce.number().min(0).max(0.25).catch(DEFAULT_THETA),
  // Issue #21: the application's default is the normalised proportional model at 0.002.
  mutationRate: z.coerce.number().min(0).max(0.1).catch(DEFAULT_MUTATION_RATE),
  minLikelihoodRatio: z.coerce.number().min(1).catch(DEFAULT_SCREEN_THRESHOLDS.minLikelihoodRatio),
  minRatioToRunnerUp: z.coerce.number().min(1).catch(DEFAULT_SCREEN_THRESHOLDS.minRatioToRunnerUp),
});

export type ScreenParameters = z.output<typeof screenSettingsSchema>;

/** An identification that already holds a body or a person: the lead links to it instead of proposing. */
export interface HeldIdentification {
  id: string;
  status: (typeof ACTIVE_STATUSES)[number];
}

export interface ScreenPerson {
  id: string;
  caseNumber: string;
  name: string;
  identification: HeldIdentification | null;
}

export interface ScreenRow {
  remainsId: string;
  remainsCode: string;
  remainsIdentification: HeldIdentification | null;
  best: ScreenPerson[];
  log10Lr: number | null;
  runnerUpLog10Lr: number | null;
  isLead: boolean;
  posterior: number | null;
  lociCompared: number;
  inconsistentLoci: string[];
  /** The best candidate's references the exact LR used, in the registry's words (every one of them). */
  relativesUsed: string[];
  /** Of those, the ones placed on the paternal side because the record gives no side. */
  sidesAssumed: string[];
  /** The best candidate's references cannot be placed in one pedigree (two mothers, …): no exact LR. */
  familyUnplaceable: boolean;
  /** Loci where the best candidate's references contradict one another: left out of the LR. */
  familyInconsistentLoci: string[];
}

export type ScreenOutcome =
  | { status: "noFrequencyTable" }
  | { status: "done"; frequencyTable: FrequencyTableInfo; rows: ScreenRow[]; candidates: number; missingPersonCount: number; excludedFamilies: ExcludedFamily[] };

const fullName = (person: { givenName: string; fatherName: string; grandfatherName: string; familyName: string }) =>
  [person.givenName, person.fatherName, person.grandfatherName, person.familyName].filter(Boolean).join(" ");

/**
 * Screens every profiled body against every missing person with a typed reference, leads first.
 * Only forensic staff may see the outcome (it is read from STR profiles): the capability proves it.
 */
export async function runKinshipScreen(access: ReadAccess<"dnaProfiles.use">, db: Executor, parameters: ScreenParameters): Promise<ScreenOutcome> {
  assertReadAccess(access, "dnaProfiles.use");
  const active = await loadActiveFrequencyTable(db);
  if (!active) return { status: "noFrequencyTable" };
  const input = await loadScreeningInput(access, db);
  const settings = { ...parameters, missingPersonCount: input.missingPersonCount };
  const rankings = screenProfiles(active.table, input.remains, input.candidates, settings);
  const personIds = [...new Set(rankings.flatMap((ranking) => ranking.best?.candidateIds ?? []))];
  const people = personIds.length === 0 ? [] : await db
    .select(personNameColumns)
    .from(missingPersons)
    .where(inArray(missingPersons.id, personIds));
  const held = await heldIdentifications(db, rankings.map((ranking) => ranking.remainsId), personIds);
  const byId = new Map(people.map((person) => [person.id, { id: person.id, caseNumber: person.caseNumber, name: fullName(person), identification: held.byPerson.get(person.id) ?? null }]));
  const remainsById = new Map(input.remains.map((body) => [body.id, body]));
  const candidatesById = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  // The screen ranks (families at θ = 0); every number shown is recomputed exactly with the stated θ.
  const exact = (body: ScreenRemains | undefined, candidateId: string | undefined) => {
    const candidate = candidatesById.get(candidateId ?? "");
    return body && candidate ? { candidate, result: computeKinship(active.table, restrictToTable(body.profile, active.table.locusNames()), candidate.references, parameters) } : null;
  };
  const rows = rankings.map((ranking): ScreenRow => {
    const body = remainsById.get(ranking.remainsId);
    const best = exact(body, ranking.best?.candidateIds[0]);
    const runnerUp = exact(body, ranking.runnerUp?.candidateIds[0]);
    const detail = best?.result ?? null;
    const log10Lr = detail ? finite(detail.log10Lr) : finite(ranking.best?.log10Lr);
    return {
      remainsId: ranking.remainsId,
      remainsCode: body?.code ?? "",
      remainsIdentification: held.byRemains.get(ranking.remainsId) ?? null,
      best: (ranking.best?.candidateIds ?? []).flatMap((id) => byId.get(id) ?? []),
      log10Lr,
      runnerUpLog10Lr: runnerUp ? finite(runnerUp.result.log10Lr) : finite(ranking.runnerUp?.log10Lr),
      isLead: ranking.isLead && detail?.placementProblem === null,
      posterior: detail && Number.isFinite(detail.log10Lr) ? posteriorProbability(detail.log10Lr, input.missingPersonCount) : detail?.log10Lr === -Infinity ? 0 : null,
      lociCompared: detail ? Object.keys(detail.loci).length : 0,
      inconsistentLoci: detail?.inconsistentLoci ?? [],
      relativesUsed: (best?.candidate.references ?? []).map(registryRelationship),
      sidesAssumed: (best?.candidate.references ?? []).filter((reference) => detail?.assumedSides.includes(reference.id)).map(registryRelationship),
      familyUnplaceable: detail !== null && detail.placementProblem !== null,
      familyInconsistentLoci: detail?.referenceInconsistentLoci ?? [],
    };
  });
  rows.sort(byLeadThenStrength);
  return { status: "done", frequencyTable: active.info, rows, candidates: input.candidates.length, missingPersonCount: input.missingPersonCount, excludedFamilies: input.excludedFamilies };
}

/** Proposed, confirmed or later identifications of the screened bodies and the people they point to. */
async function heldIdentifications(db: Executor, remainsIds: readonly string[], personIds: readonly string[]) {
  const byRemains = new Map<string, HeldIdentification>();
  const byPerson = new Map<string, HeldIdentification>();
  if (remainsIds.length === 0) return { byRemains, byPerson };
  const sides = [inArray(identifications.remainsId, [...remainsIds])];
  if (personIds.length > 0) sides.push(inArray(identifications.missingPersonId, [...personIds]));
  const rows = await db
    .select({ id: identifications.id, status: identifications.status, remainsId: identifications.remainsId, missingPersonId: identifications.missingPersonId })
    .from(identifications)
    .where(and(inArray(identifications.status, [...ACTIVE_STATUSES]), or(...sides)));
  for (const row of rows) {
    const status = ACTIVE_STATUSES.find((active) => active === row.status);
    if (!status) continue;
    byRemains.set(row.remainsId, { id: row.id, status });
    byPerson.set(row.missingPersonId, { id: row.id, status });
  }
  return { byRemains, byPerson };
}

/** A reference's relationship as the registry (and its translations) names it. */
function registryRelationship(reference: Reference): string {
  if (reference.relationship === "half_sibling") return `${reference.side ?? "paternal"}_half_sibling`;
  if (reference.relationship === "first_cousin") return "cousin";
  return reference.relationship;
}

/** The screen compares the loci the frequency table covers; a stray locus (Amelogenin) is left out. */
function restrictToTable(profile: Profile, loci: readonly string[]): Profile {
  return Object.fromEntries(Object.entries(profile).filter(([locus]) => loci.includes(locus)));
}

const finite = (value: number | undefined): number | null => (value === undefined || !Number.isFinite(value) ? null : value);

function byLeadThenStrength(first: ScreenRow, second: ScreenRow): number {
  return Number(second.isLead) - Number(first.isLead) || (second.log10Lr ?? -Infinity) - (first.log10Lr ?? -Infinity) || first.remainsCode.localeCompare(second.remainsCode);
}
