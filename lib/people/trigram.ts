import { sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";

/**
 * Runs `query` in a transaction whose pg_trgm thresholds are set for it alone (set_config is
 * local to the transaction), so the `%` and `<%` operators — the ones the GIN trigram indexes on
 * name_search and lower(name_latin) answer — use our thresholds on PGlite and PostgreSQL alike.
 */
export async function withTrigramThresholds<Result>(
  db: Executor,
  thresholds: { similarity: number; wordSimilarity: number },
  query: (tx: Executor) => Promise<Result>,
): Promise<Result> {
  const run = async (tx: Executor) => {
    await tx.execute(
      sql`select set_config('pg_trgm.similarity_threshold', ${String(thresholds.similarity)}, true),
                 set_config('pg_trgm.word_similarity_threshold', ${String(thresholds.wordSimilarity)}, true)`,
    );
    return query(tx);
  };
  // Inside an action's transaction the settings last until it ends, which harms nothing.
  return isTransaction(db) ? run(db) : db.transaction(run);
}

function isTransaction(db: Executor): db is Transaction {
  return "rollback" in db;
}

/** A LIKE pattern matching text that starts with `prefix`, whatever characters it holds. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
