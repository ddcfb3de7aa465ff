import type { Database } from "@/db/client";
import { searchMissingPersons } from "@/lib/people/search";
import { percentile, timed } from "./timing";

/**
 * Name searches from `concurrency` staff at once (issue 31: 8), each timed from call to answer:
 * the p95 a user waits while colleagues search too.
 */
export async function measureConcurrentNameSearch(db: Database, queries: readonly string[], concurrency: number): Promise<{ p95: number; median: number; searches: number; nodeCpuPerSearch: number }> {
  for (const query of queries.slice(0, 10)) await searchMissingPersons(db, query);
  const times: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const query = queries[next] ?? "";
      next += 1;
      times.push((await timed(() => searchMissingPersons(db, query))).milliseconds);
    }
  };
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  // This process's CPU per search (scoring, parsing rows) depends little on what else the machine runs.
  const nodeCpuPerSearch = (cpu.user + cpu.system) / 1000 / Math.max(1, times.length);
  return { p95: percentile(times, 0.95), median: percentile(times, 0.5), searches: times.length, nodeCpuPerSearch };
}
