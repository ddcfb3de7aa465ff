import "server-only";
import { and, count, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { families, missingPersons, policeReports } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import type { StaffSession } from "@/lib/auth/current-session";
import { can } from "@/lib/auth/permissions";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import type { ExportList } from "./lists";
import type { ExportFormat } from "./write";
import { runTransaction } from "@/lib/audit/run-transaction";
import { consentHolds } from "@/lib/online-reports/consents";

async function liveCount(db: Database, list: ExportList): Promise<number> {
  const partnersOnly = list === "partnerShare" ? consentHolds("partners") : undefined;
  const [row] =
    list === "missingPersons" || list === "partnerShare"
      ? await db.select({ total: count() }).from(missingPersons).where(and(isNull(missingPersons.voidedAt), isNull(missingPersons.mergedIntoId), partnersOnly))
      : list === "policeReports"
        ? await db.select({ total: count() }).from(policeReports).where(isNull(policeReports.voidedAt))
        : await db.select({ total: count() }).from(families).where(isNull(families.voidedAt));
  return row?.total ?? 0;
}

/** Personal data leaving the registry is recorded: who took which list, how many rows, with or without contact details. */
export async function auditExport(db: Database, session: StaffSession, metadata: RequestMetadata, list: ExportList, format: ExportFormat): Promise<void> {
  const rows = await liveCount(db, list);
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: `export.${list}`,
      entity: "export",
      entityId: list,
      after: { format, rows, contactDetails: list === "families" && can(session.role, "contactDetails.read") },
      ...metadata,
    }),
  );
}
