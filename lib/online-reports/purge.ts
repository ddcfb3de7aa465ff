import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { dataConsents, onlineReports } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";

/** Days a report rejected as spam is kept (so a wrong rejection can still be undone by hand) before it is deleted. */
export const SPAM_KEPT_DAYS = 30;

/**
 * Deletes the reports rejected as spam more than 30 days ago, with their consents, and leaves one
 * audit note per report (its id and reference, no personal data). Run daily (npm run reports:purge).
 */
export async function purgeSpamReports(db: Database, actorLabel = "system"): Promise<number> {
  return runTransaction(db, async (tx) => {
    const expired = await tx
      .select({ id: onlineReports.id, reference: onlineReports.reference, decidedAt: onlineReports.decidedAt })
      .from(onlineReports)
      .where(and(eq(onlineReports.rejectionKind, "spam"), lt(onlineReports.decidedAt, sql`now() - make_interval(days => ${SPAM_KEPT_DAYS})`)))
      .for("update");
    if (expired.length === 0) return 0;
    const ids = expired.map((report) => report.id);
    await tx.delete(dataConsents).where(inArray(dataConsents.onlineReportId, ids));
    await tx.delete(onlineReports).where(inArray(onlineReports.id, ids));
    for (const report of expired) {
      await appendAuditEntry(tx, {
        actorId: null,
        actorLabel,
        action: "onlineReport.deleteSpam",
        entity: "online_report",
        entityId: report.id,
        before: { reference: report.reference, rejectedAsSpamAt: report.decidedAt?.toISOString() ?? null },
        after: { deleted: true, keptDays: SPAM_KEPT_DAYS },
      });
    }
    return expired.length;
  });
}
