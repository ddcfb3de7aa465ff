import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { families, familySamplingGains, familySamplingPeople, familySamplingResults, samplingRefreshRuns } from "@/db/schema";
import { runTransaction } from "@/lib/audit/run-transaction";
import { computeMissingPersonSampling, type MissingPersonSampling } from "@/lib/dna-profiles/missing-person-sampling";
import { loadSamplingInputs, SAMPLING_SEED, SAMPLING_SIMULATIONS, samplingInputsSha256, type MissingPersonSamplingInput, type SamplingInputs } from "@/lib/dna-profiles/sampling-inputs";

/** How long a refresh holds a family before another may take it over (a crashed run's claim lapses). */
const CLAIM_MINUTES = 30;

export interface RefreshProgress {
  runId: string;
  done: number;
  total: number;
  /** Families another instance was computing, or that another run brought up to date meanwhile. */
  skipped: number;
}

/** Every family, or only these (one family whose profiles were just entered). */
export interface RefreshScope {
  familyIds?: readonly string[];
}

/** How one missing person's advice is computed: here (the command), or in a process of its own (the server). */
export type ComputeSampling = (inputs: SamplingInputs, person: MissingPersonSamplingInput) => MissingPersonSampling | Promise<MissingPersonSampling>;

export interface RefreshResult extends RefreshProgress {
  /** False without a frequency table in force: nothing can be simulated. */
  frequencyTable: boolean;
}

/**
 * The families whose stored advice is missing or was computed from other inputs than today's,
 * the one computed longest ago first (never computed before all).
 */
export async function staleFamilies(db: Database, only: RefreshScope = {}): Promise<string[] | null> {
  if (only.familyIds?.length === 0) return [];
  const inputs = await loadSamplingInputs(db, only);
  if (!inputs) return null;
  const rows = await db
    .select({ familyId: families.id, inputsSha256: familySamplingResults.inputsSha256 })
    .from(families)
    .leftJoin(familySamplingResults, eq(familySamplingResults.familyId, families.id))
    .where(and(isNull(families.voidedAt), only.familyIds === undefined ? undefined : inArray(families.id, [...only.familyIds])))
    .orderBy(sql`${familySamplingResults.computedAt} asc nulls first`, asc(families.reference));
  return rows.filter((row) => row.inputsSha256 !== samplingInputsSha256(inputs, row.familyId)).map((row) => row.familyId);
}

/** Claims one family for this run; false when another run holds an unexpired claim on it. */
async function claimFamily(db: Database, familyId: string, runId: string): Promise<boolean> {
  const until = sql`now() + make_interval(mins => ${CLAIM_MINUTES})`;
  const claimed = await db
    .insert(familySamplingResults)
    .values({ familyId, claimedBy: runId, claimedUntil: until })
    .onConflictDoUpdate({
      target: familySamplingResults.familyId,
      set: { claimedBy: runId, claimedUntil: until },
      setWhere: sql`${familySamplingResults.claimedUntil} is null or ${familySamplingResults.claimedUntil} < now()`,
    })
    .returning({ familyId: familySamplingResults.familyId });
  return claimed.length > 0;
}

/**
 * Recomputes one claimed family from its inputs read now (not those read when the run began, which
 * may have changed since) and stores the result in one transaction. The simulation runs outside the
 * transaction, so no connection is held while it computes. False when it was up to date already.
 */
async function refreshFamily(db: Database, familyId: string, runId: string, compute: ComputeSampling): Promise<boolean> {
  const inputs = await loadSamplingInputs(db, { familyIds: [familyId] });
  if (!inputs) return false;
  const sha256 = samplingInputsSha256(inputs, familyId);
  const [stored] = await db.select({ inputsSha256: familySamplingResults.inputsSha256 }).from(familySamplingResults).where(eq(familySamplingResults.familyId, familyId));
  const upToDate = stored?.inputsSha256 === sha256;
  const advice: MissingPersonSampling[] = [];
  if (!upToDate) for (const person of inputs.families.get(familyId) ?? []) advice.push(await compute(inputs, person));
  return runTransaction(db, async (tx) => {
    // The claim may have lapsed while the simulation ran and another run taken the family over: it stores its own result.
    const [held] = await tx
      .select({ familyId: familySamplingResults.familyId })
      .from(familySamplingResults)
      .where(and(eq(familySamplingResults.familyId, familyId), eq(familySamplingResults.claimedBy, runId)))
      .for("update");
    if (!held) return false;
    if (!upToDate) {
      await tx.delete(familySamplingGains).where(eq(familySamplingGains.familyId, familyId));
      await tx.delete(familySamplingPeople).where(eq(familySamplingPeople.familyId, familyId));
      if (advice.length > 0) {
        await tx.insert(familySamplingPeople).values(
          advice.map((person) => ({
            familyId,
            missingPersonId: person.missingPersonId,
            typedRelatives: person.typedRelatives,
            exactExclusionPower: person.exactExclusionPower,
            inclusionNow: person.current.inclusionPower,
            inclusionNowStandardError: person.current.inclusionStandardError,
            exclusionNow: person.current.exclusionPower,
            simulationTheta: person.current.theta,
            placementProblem: person.placementProblem,
          })),
        );
      }
      const gains = advice.flatMap((person) =>
        person.toSample.map((donor) => ({
          familyId,
          missingPersonId: person.missingPersonId,
          donorId: donor.donorId,
          inclusionNow: person.current.inclusionPower,
          inclusionAfter: donor.power.inclusionPower,
          inclusionGain: donor.inclusionGain,
          inclusionStandardError: donor.power.inclusionStandardError,
          exclusionAfter: donor.power.exclusionPower,
          exclusionGain: donor.exclusionGain,
        })),
      );
      if (gains.length > 0) await tx.insert(familySamplingGains).values(gains);
    }
    const computed = upToDate ? {} : { inputsSha256: sha256, simulations: SAMPLING_SIMULATIONS, seed: SAMPLING_SEED, computedAt: sql`now()`, runId };
    await tx
      .update(familySamplingResults)
      .set({ ...computed, claimedBy: null, claimedUntil: null })
      .where(eq(familySamplingResults.familyId, familyId));
    await tx
      .update(samplingRefreshRuns)
      .set({ familiesDone: sql`${samplingRefreshRuns.familiesDone} + 1`, heartbeatAt: sql`now()` })
      .where(eq(samplingRefreshRuns.id, runId));
    return !upToDate;
  });
}

/**
 * Brings every family's stored sampling advice up to date (issue 22, point 6): the stale families,
 * oldest first, each claimed, computed and stored on its own, so a run that stops half-way loses
 * at most the family it was computing and the next run carries on. Two runs at once (two app
 * instances, or the command twice) share the families between them: a claimed family is skipped.
 * The advice is derived data, not a change to a case: it writes no audit entry.
 */
export async function refreshSamplingWorklist(
  db: Database,
  startedBy: string,
  options: RefreshScope & { onProgress?: (progress: RefreshProgress) => void; compute?: ComputeSampling; runId?: string } = {},
): Promise<RefreshResult> {
  const { onProgress, compute = computeMissingPersonSampling, runId, ...scope } = options;
  const stale = await staleFamilies(db, scope);
  // A run started from the work list page was recorded by its action (startSamplingRefresh).
  const [run] = runId
    ? await db.update(samplingRefreshRuns).set({ familiesTotal: stale?.length ?? 0, heartbeatAt: sql`now()` }).where(eq(samplingRefreshRuns.id, runId)).returning({ id: samplingRefreshRuns.id })
    : await db
        .insert(samplingRefreshRuns)
        .values({ startedBy, familiesTotal: stale?.length ?? 0 })
        .returning({ id: samplingRefreshRuns.id });
  if (!run) throw new Error("the refresh run was not recorded");
  const progress: RefreshProgress = { runId: run.id, done: 0, total: stale?.length ?? 0, skipped: 0 };
  try {
    for (const familyId of stale ?? []) {
      const computed = (await claimFamily(db, familyId, run.id)) && (await refreshFamily(db, familyId, run.id, compute));
      if (computed) progress.done += 1;
      else progress.skipped += 1;
      onProgress?.({ ...progress });
    }
  } finally {
    await db.update(samplingRefreshRuns).set({ finishedAt: sql`now()`, heartbeatAt: sql`now()` }).where(eq(samplingRefreshRuns.id, run.id));
  }
  return { ...progress, frequencyTable: stale !== null };
}
