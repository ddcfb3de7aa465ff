import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { isTransaction, type Executor } from "@/db/client";

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
  return inTransaction(db, async (tx) => {
    await setTrigramThresholds(tx, thresholds);
    return query(tx);
  });
}

/** Sets the thresholds until the transaction `tx` ends (or they are set again). */
export async function setTrigramThresholds(tx: Executor, thresholds: { similarity: number; wordSimilarity: number }): Promise<void> {
  await tx.execute(sql`select ${trigramThresholdSettings(thresholds)}`);
}

/** The select list that sets the thresholds (setTrigramThresholds), for a statement that sets more at once. */
export function trigramThresholdSettings(thresholds: { similarity: number; wordSimilarity: number }): SQL {
  return sql`set_config('pg_trgm.similarity_threshold', ${String(thresholds.similarity)}, true),
               set_config('pg_trgm.word_similarity_threshold', ${String(thresholds.wordSimilarity)}, true)`;
}

/**
 * Runs `work` in a transaction, or in the caller's. Inside an action's transaction thresholds set
 * with setTrigramThresholds last until it ends, which harms nothing.
 */
export async function inTransaction<Result>(db: Executor, work: (tx: Executor) => Promise<Result>): Promise<Result> {
  // Only reads run here: nothing for lib/audit/run-transaction.ts to announce.
  // eslint-disable-next-line no-restricted-syntax -- a read-only transaction
  return isTransaction(db) ? work(db) : db.transaction(work);
}

/** A LIKE pattern matching text that starts with `prefix`, whatever characters it holds. */
export function prefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
