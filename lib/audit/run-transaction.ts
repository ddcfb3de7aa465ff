import "server-only";
import type { Database, Transaction } from "@/db/client";
import { auditAppendCount } from "@/db/registry-changes";
import { registryChangedHere } from "@/lib/public/change-keyed-cache";

/**
 * Runs `work` in one transaction of `db`. Once the transaction has settled (committed or rolled
 * back) and if it wrote a change to the audit log, the public figures this process keeps are
 * recounted at once, before the database's notification of the commit has travelled back (see
 * lib/public/change-keyed-cache.ts). Drizzle offers no hook on a settled transaction, so every
 * transaction that may change a case goes through this function of ours instead of a patched
 * `db.transaction` (eslint.config.mjs forbids calling it elsewhere).
 */
export async function runTransaction<Result>(db: Database, work: (tx: Transaction) => Promise<Result>): Promise<Result> {
  const appendsBefore = auditAppendCount();
  try {
    // eslint-disable-next-line no-restricted-syntax -- the one place that opens a transaction
    return await db.transaction(work);
  } finally {
    if (auditAppendCount() !== appendsBefore) registryChangedHere(db);
  }
}
