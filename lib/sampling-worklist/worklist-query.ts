import "server-only";
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, max, notExists, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, donorRelationships, families, familySamplingGains, familySamplingPeople, familySamplingResults, missingPersons, referenceDonors, samplingRefreshRuns } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import type { DonorRelationship } from "@/lib/enum-values";
import { loadSamplingInputs, SAMPLING_SIMULATIONS, samplingInputsSha256 } from "@/lib/dna-profiles/sampling-inputs";
import { RUN_SILENT_MINUTES } from "./run-status";

/** The office's list: this many samples (issue 22, point 6). */
export const WORKLIST_LENGTH = 20;

export interface WorklistEntry {
  familyId: string;
  familyReference: string;
  missingPersonId: string;
  caseNumber: string;
  donorId: string;
  givenName: string;
  relationship: DonorRelationship;
  inclusionNow: number;
  inclusionAfter: number;
  inclusionGain: number;
  inclusionStandardError: number;
  simulations: number;
  /**
   * The θ the simulated LRs of this missing person used: the stated θ, or 0 on a pedigree too wide
   * for the exact θ sum (more than 6 founder genes); null when the row of figures is missing.
   */
  simulationTheta: number | null;
  computedAt: Date;
  /** The family's pedigree, references or the frequency table changed since it was computed. */
  stale: boolean;
}

export interface SamplingWorklist {
  entries: WorklistEntry[];
  /** The θ stated for the lead rule (the frequency table's settings); null without a table in force. */
  theta: number | null;
  /** The newest result the list is made of; null when none was ever computed. */
  resultsFrom: Date | null;
  /** Families (not voided) whose advice has never been computed. */
  familiesNotComputed: number;
  simulations: number;
  /** A refresh running now, with its progress. */
  running: { startedAt: Date; done: number; total: number } | null;
}

/** The stored gains, best first, of relatives still to sample (no sample since, not voided), one line per relative. */
async function bestGains(db: Executor): Promise<Omit<WorklistEntry, "stale">[]> {
  const rows = await db
    .select({
      familyId: familySamplingGains.familyId,
      familyReference: families.reference,
      missingPersonId: familySamplingGains.missingPersonId,
      caseNumber: missingPersons.caseNumber,
      donorId: familySamplingGains.donorId,
      givenName: referenceDonors.givenName,
      relationship: donorRelationships.relationship,
      inclusionNow: familySamplingGains.inclusionNow,
      inclusionAfter: familySamplingGains.inclusionAfter,
      inclusionGain: familySamplingGains.inclusionGain,
      inclusionStandardError: familySamplingGains.inclusionStandardError,
      simulations: familySamplingResults.simulations,
      simulationTheta: familySamplingPeople.simulationTheta,
      computedAt: familySamplingResults.computedAt,
    })
    .from(familySamplingGains)
    .innerJoin(familySamplingResults, eq(familySamplingResults.familyId, familySamplingGains.familyId))
    // The θ the gains were simulated with is stored once per missing person (with the figures now).
    .leftJoin(familySamplingPeople, and(eq(familySamplingPeople.familyId, familySamplingGains.familyId), eq(familySamplingPeople.missingPersonId, familySamplingGains.missingPersonId)))
    .innerJoin(families, eq(families.id, familySamplingGains.familyId))
    .innerJoin(missingPersons, eq(missingPersons.id, familySamplingGains.missingPersonId))
    .innerJoin(referenceDonors, eq(referenceDonors.id, familySamplingGains.donorId))
    .innerJoin(donorRelationships, and(eq(donorRelationships.donorId, familySamplingGains.donorId), eq(donorRelationships.missingPersonId, familySamplingGains.missingPersonId)))
    .where(
      and(
        or(gt(familySamplingGains.inclusionGain, 0), gt(familySamplingGains.exclusionGain, 0)),
        isNotNull(familySamplingResults.computedAt),
        isNull(families.voidedAt),
        isNull(missingPersons.voidedAt),
        isNull(missingPersons.mergedIntoId),
        isNull(referenceDonors.voidedAt),
        // Someone who has given a sample since the advice was computed is no longer to be invited.
        notExists(db.select({ one: sql`1` }).from(dnaSamples).where(and(eq(dnaSamples.donorId, familySamplingGains.donorId), isNull(dnaSamples.voidedAt)))),
      ),
    )
    .orderBy(desc(familySamplingGains.inclusionGain), desc(familySamplingGains.exclusionGain), families.reference, missingPersons.caseNumber, familySamplingGains.donorId)
    .limit(WORKLIST_LENGTH * 5);
  // One sample serves every missing person the relative is registered for: the relative is listed once, at their best gain.
  const seen = new Set<string>();
  return rows
    .filter((row) => !seen.has(row.donorId) && Boolean(seen.add(row.donorId)))
    .slice(0, WORKLIST_LENGTH)
    .map((row) => ({ ...row, simulations: row.simulations ?? SAMPLING_SIMULATIONS, computedAt: row.computedAt ?? new Date(0) }));
}

/**
 * The office's work list (issue 22, point 6): the 20 relatives whose sample would most raise the
 * chance of an identification, across all families, from the stored results of the sampling
 * refresh. Each family listed is checked against its inputs now and marked stale when they changed.
 */
async function samplingWorklistQuery(db: Executor): Promise<SamplingWorklist> {
  const [gains, [summary], [notComputed], [run]] = await Promise.all([
    bestGains(db),
    db.select({ resultsFrom: max(familySamplingResults.computedAt) }).from(familySamplingResults),
    db
      .select({ n: count() })
      .from(families)
      .where(
        and(
          isNull(families.voidedAt),
          notExists(db.select({ one: sql`1` }).from(familySamplingResults).where(and(eq(familySamplingResults.familyId, families.id), isNotNull(familySamplingResults.computedAt)))),
        ),
      ),
    db
      .select({ startedAt: samplingRefreshRuns.startedAt, done: samplingRefreshRuns.familiesDone, total: samplingRefreshRuns.familiesTotal })
      .from(samplingRefreshRuns)
      .where(and(isNull(samplingRefreshRuns.finishedAt), sql`${samplingRefreshRuns.heartbeatAt} > now() - make_interval(mins => ${RUN_SILENT_MINUTES})`))
      .orderBy(desc(samplingRefreshRuns.startedAt))
      .limit(1),
  ]);
  const familyIds = [...new Set(gains.map((entry) => entry.familyId))];
  const [inputs, stored] = await Promise.all([
    loadSamplingInputs(db, { familyIds }),
    familyIds.length === 0 ? [] : db.select({ familyId: familySamplingResults.familyId, sha256: familySamplingResults.inputsSha256 }).from(familySamplingResults).where(inArray(familySamplingResults.familyId, familyIds)),
  ]);
  const storedSha = new Map(stored.map((row) => [row.familyId, row.sha256]));
  const stale = (familyId: string) => !inputs || storedSha.get(familyId) !== samplingInputsSha256(inputs, familyId);
  return {
    entries: gains.map((entry) => ({ ...entry, stale: stale(entry.familyId) })),
    theta: inputs?.theta ?? null,
    resultsFrom: summary?.resultsFrom ?? null,
    familiesNotComputed: notComputed?.n ?? 0,
    simulations: SAMPLING_SIMULATIONS,
    running: run ?? null,
  };
}

/** It ranks relatives by what their profiles would add to the typed ones: forensic staff only, as the family page's advice. */
export const readSamplingWorklist = defineRead("dnaProfiles.use", samplingWorklistQuery);
