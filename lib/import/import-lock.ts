import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { importRuns } from "@/db/schema";

/**
 * An import whose process died without releasing its row is forgotten after this long; a running
 * import of the largest file allowed takes a minute or two.
 */
const STALE_AFTER = sql`interval '15 minutes'`;

/**
 * Claims the user's one import slot, in the database so that every app process sees it. Returns
 * the function that gives it back, or null when the user has an import running already.
 */
export async function claimImportRun(db: Database, userId: string): Promise<(() => Promise<void>) | null> {
  const runId = randomUUID();
  const claimed = await db
    .insert(importRuns)
    .values({ userId, runId })
    .onConflictDoUpdate({
      target: importRuns.userId,
      set: { runId, startedAt: sql`now()` },
      setWhere: sql`${importRuns.startedAt} < now() - ${STALE_AFTER}`,
    })
    .returning({ runId: importRuns.runId });
  if (claimed.length === 0) return null;
  return async () => {
    await db.delete(importRuns).where(and(eq(importRuns.userId, userId), eq(importRuns.runId, runId)));
  };
}
