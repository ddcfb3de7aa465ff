import "server-only";
import { and, isNull, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { samplingRefreshRuns } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";
import { errorWithoutValues, logger } from "@/lib/server/logger";
import { startSamplingProcess } from "./compute-in-child";
import { refreshSamplingWorklist } from "./refresh";
import { RUN_SILENT_MINUTES } from "./run-status";

/** Any fixed number: it names the lock that lets one start of the refresh look and record at a time. */
const REFRESH_START_LOCK_KEY = 7_310_041;

/**
 * Records a refresh run started from the work list page, inside the action's transaction, or
 * refuses when one is running already (unfinished and heard from within RUN_SILENT_MINUTES; a run
 * whose process died is taken over). Two starts at once are serialised by an advisory lock, so the
 * second sees the first's run.
 */
export async function recordRefreshStart(tx: Transaction, startedBy: string): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_START_LOCK_KEY})`);
  const running = await tx
    .select({ id: samplingRefreshRuns.id })
    .from(samplingRefreshRuns)
    .where(and(isNull(samplingRefreshRuns.finishedAt), sql`${samplingRefreshRuns.heartbeatAt} > now() - make_interval(mins => ${RUN_SILENT_MINUTES})`))
    .limit(1);
  if (running.length > 0) throw new ActionRefusal("conflict", "Kinship.worklist.alreadyRunning");
  const [run] = await tx.insert(samplingRefreshRuns).values({ startedBy }).returning({ id: samplingRefreshRuns.id });
  if (!run) throw new Error("the refresh run was not recorded");
  return run.id;
}

/**
 * Runs the recorded refresh after the action has answered: the database from this process, the
 * simulation in a process of its own (compute-in-child.ts), so no request waits for it. Its
 * progress is the run's row; each family is claimed for a while (refresh.ts), so a server that
 * stops half-way leaves the rest to the next run.
 */
export function runRefreshInBackground(db: Database, runId: string): void {
  const sampling = startSamplingProcess();
  // startedBy is already on the run's row (recordRefreshStart).
  void refreshSamplingWorklist(db, "", { runId, compute: sampling.compute })
    .catch((error: unknown) => logger.error({ event: "samplingRefresh.failed", runId, ...errorWithoutValues(error) }, "sampling refresh failed"))
    .finally(() => sampling.close());
}
