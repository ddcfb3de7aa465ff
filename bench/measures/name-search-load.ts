import type { Database } from "@/db/client";
import { searchMissingPersons } from "@/lib/people/search";
import { percentile, timed } from "./timing";

/**
 * Name searches from `concurrency` staff at once (issue 31: 8), each timed from call to answer:
 * the p95 a user waits while colleagues search too.
 */
export async function measureConcurrentNameSearch(db: Database, queries: readonly string[], concurrency: number): Promise<{ p95: number; median: number; searches: number }> {
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
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { p95: percentile(times, 0.95), median: percentile(times, 0.5), searches: times.length };
}
