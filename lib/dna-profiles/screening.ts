import "server-only";
import { and, inArray, or } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { identifications, missingPersons } from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/identifications/state-machine";
import { DEFAULT_DVI_THRESHOLD } from "@/lib/kinship/dvi/types";
import { registryDvi } from "@/lib/kinship/dvi/registry";
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
  // Issue #22: T of the undisputed rule (row and column), and the victims expected outside the register.
  threshold: z.coerce.number().gt(1).catch(DEFAULT_DVI_THRESHOLD),
  unregistered: z.coerce.number().int().min(0).catch(0),
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
  /** The largest other LR in the body's row (another missing person). */
  runnerUpLog10Lr: number | null;
  /** The largest other LR in the best candidate's column (another body). */
  columnRunnerUp: { remainsCode: string; log10Lr: number } | null;
  /** Undisputed: LR ≥ T and ≥ T × every other LR in its row and column. */
  isLead: boolean;
  /** P(the body is the best candidate, or one of them when they share every reference | all data), under the stated prior (issue #22). */
  posterior: number | null;
  /** P(the body is nobody in the database | all data). */
  notInDatabase: number;
  /** Candidates excluded for this body (≥ 3 inconsistent loci). */
  excludedCount: number;
  /** Candidates below LR 1 on the screen, counted with "not in the database". */
  belowFloorCount: number;
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
  | {
      status: "done";
      frequencyTable: FrequencyTableInfo;
      rows: ScreenRow[];
      candidates: number;
      missingPersonCount: number;
      /** Registered missing persons without typed references. */
      unreferenced: number;
      /** The prior weight of "not in the database": unreferenced + expected unregistered victims (at least 1). */
      notInDatabaseWeight: number;
      /** The T the leads were found with: the one asked for, raised with the number of comparisons (bodies × candidates). */
      threshold: number;
      comparisons: number;
      /** Weak pairs set aside to bound the joint search, and the factor within which posteriors then lie. */
      setAside: number;
      errorFactor: number;
      /** Reference families that contradict themselves, left out of the screen until corrected. */
      excludedFamilies: ExcludedFamily[];
    };

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
  const unreferenced = Math.max(input.missingPersonCount - input.candidates.length, 0);
  const notInDatabaseWeight = Math.max(unreferenced + parameters.unregistered, 1);
  // The decision layer of issue #22: exclusion, undisputed leads in row and column, joint posteriors.
  const dvi = registryDvi(active.table, input.remains.map((body) => ({ id: body.id, profile: restrictToTable(body.profile, active.table.locusNames()) })), input.candidates, {
    theta: parameters.theta,
    mutationRate: parameters.mutationRate,
    threshold: parameters.threshold,
    notInDatabaseWeight,
    floorLog10: 0,
  });
  const personIds = [...new Set(dvi.rows.flatMap((row) => row.bestIds))];
  const people = personIds.length === 0 ? [] : await db
    .select(personNameColumns)
    .from(missingPersons)
    .where(inArray(missingPersons.id, personIds));
  const held = await heldIdentifications(db, dvi.rows.map((row) => row.remainsId), personIds);
  const byId = new Map(people.map((person) => [person.id, { id: person.id, caseNumber: person.caseNumber, name: fullName(person), identification: held.byPerson.get(person.id) ?? null }]));
  const remainsById = new Map(input.remains.map((body) => [body.id, body]));
  const candidatesById = new Map(input.candidates.map((candidate) => [candidate.id, candidate]));
  const rows = dvi.rows.map((row): ScreenRow => {
    const detail = row.best;
    const candidate = candidatesById.get(row.bestIds[0] ?? "");
    const references = candidate?.references ?? [];
    return {
      remainsId: row.remainsId,
      remainsCode: remainsById.get(row.remainsId)?.code ?? "",
      remainsIdentification: held.byRemains.get(row.remainsId) ?? null,
      best: row.bestIds.flatMap((id) => byId.get(id) ?? []),
      log10Lr: finite(detail?.log10Lr),
      runnerUpLog10Lr: finite(row.rowRunnerUp?.log10Lr),
      columnRunnerUp: row.columnRunnerUp ? { remainsCode: remainsById.get(row.columnRunnerUp.remainsId)?.code ?? "", log10Lr: row.columnRunnerUp.log10Lr } : null,
      isLead: row.isLead && detail?.placementProblem === null,
      posterior: row.probability,
      notInDatabase: row.notInDatabase,
      excludedCount: row.excluded,
      belowFloorCount: row.belowFloor.count,
      lociCompared: detail ? Object.keys(detail.loci).length : 0,
      inconsistentLoci: detail?.inconsistentLoci ?? [],
      relativesUsed: detail ? relativesUsed(detail.usedReferences, references, candidate?.pedigree !== undefined) : [],
      sidesAssumed: references.filter((reference) => detail?.assumedSides.includes(reference.id)).map(registryRelationship),
      familyUnplaceable: detail !== null && detail.placementProblem !== null,
      familyInconsistentLoci: detail?.referenceInconsistentLoci ?? [],
    };
  });
  rows.sort(byLeadThenStrength);
  return { status: "done", frequencyTable: active.info, rows, candidates: input.candidates.length, missingPersonCount: input.missingPersonCount, unreferenced, notInDatabaseWeight, threshold: dvi.threshold, comparisons: dvi.comparisons, setAside: dvi.setAside, errorFactor: dvi.errorFactor, excludedFamilies: input.excludedFamilies };
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

/**
 * The relatives an exact LR used, in the registry's words. Placed by labels: every reference. Placed
 * by the family's explicit pedigree: every typed person of it, a parent, full sibling, child or
 * partner named as such, anyone further out as "placed in the family's pedigree".
 */
function relativesUsed(used: readonly string[], references: readonly Reference[], byPedigree: boolean): string[] {
  if (!byPedigree) return references.map(registryRelationship);
  const named = new Map(references.map((reference) => [reference.id, registryRelationship(reference)]));
  return used.map((id) => named.get(id) ?? "pedigree");
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
