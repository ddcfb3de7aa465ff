import type { Database } from "@/db/client";
import { searchMissingPersons } from "@/lib/people/search";
import { percentile, timed } from "./timing";

/**
 * Name searches from `concurrency` staff at once (issue 31: 8), each timed from call to answer:
 * the p95 a user waits while colleagues search too.
 *
 * A server that staff use has been searching for a while: its connections are open and its
 * code compiled. The `warmUp` searches (other people's names, never the measured ones, so no
 * answer is cached for them) run first at the same concurrency, which opens every pooled
 * connection; ten searches one after another opened one, and the first search on each of the
 * seven others paid for a new PostgreSQL backend inside the measurement.
 */
export async function measureConcurrentNameSearch(
  db: Database,
  queries: readonly string[],
  concurrency: number,
  warmUp: readonly string[] = [],
): Promise<{ p95: number; median: number; searches: number; nodeCpuPerSearch: number }> {
  const run = async (list: readonly string[], times: number[]) => {
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const query = list[next] ?? "";
        next += 1;
        times.push((await timed(() => searchMissingPersons(db, query))).milliseconds);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };
  await run(warmUp, []);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  await run(queries, times);
  const cpu = process.cpuUsage(cpuBefore);
  // This process's CPU per search (scoring, parsing rows) depends little on what else the machine runs.
  const nodeCpuPerSearch = (cpu.user + cpu.system) / 1000 / Math.max(1, times.length);
  return { p95: percentile(times, 0.95), median: percentile(times, 0.5), searches: times.length, nodeCpuPerSearch };
}
