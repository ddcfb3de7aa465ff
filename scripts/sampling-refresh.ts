import { refreshSamplingWorklist } from "@/lib/sampling-worklist/refresh";
import { openMigratedDatabase } from "./support/database";
import { runCli } from "./support/cli";

/**
 * npm run sampling:refresh: recomputes the stored sampling advice of every family whose inputs
 * changed since it was computed (issue 22, point 6), oldest first, printing its progress. Safe to
 * stop and run again, and to run beside another instance. Meant for a timer (e.g. nightly) and
 * after a day's profiles are entered.
 */
runCli(async () => {
  const handle = await openMigratedDatabase();
  try {
    const started = performance.now();
    const result = await refreshSamplingWorklist(handle.db, "cli", {
      onProgress: (progress) => {
        console.log(`${String(progress.done + progress.skipped)}/${String(progress.total)} families (${String(progress.skipped)} skipped: computed by another run)`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!result.frequencyTable) console.log("No allele frequency table is in force: nothing can be simulated.");
    else console.log(`Recomputed ${String(result.done)} of ${String(result.total)} stale families in ${seconds} s (run ${result.runId}).`);
  } finally {
    await handle.close();
  }
});
