import { appendAuditEntry } from "@/lib/audit/append";
import { AUDIT_EXPORT_HEADERS, auditExportRow } from "@/lib/audit/export-rows";
import { parseAuditFilters } from "@/lib/audit/filters";
import { auditExportBatches, countAuditEntries } from "@/lib/audit/queries";
import { referencedIds, referenceText, resolveRecordReferences } from "@/lib/audit/record-references";
import { runTransaction } from "@/lib/audit/run-transaction";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/export/write";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/**
 * The audit log as the viewer filters it, as CSV or XLSX in the page's language (issue 24, item 2).
 * Started by a POST from the viewer's form with the filters in the query, never by a link; taking
 * the log away is itself audited, with the filters and the number of entries.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "audit.read");
  if ("response" in authorised) return authorised.response;
  const { session, read } = authorised;
  const query = new URL(request.url).searchParams;
  const filters = parseAuditFilters(Object.fromEntries(query));
  const format = query.get("format") === "xlsx" ? "xlsx" : "csv";
  const language = query.get("lang") === "en" ? "en" : "ar";
  const db = await getDb();
  const rows = await countAuditEntries(read, db, filters);
  const metadata = await currentRequestMetadata();
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: "export.auditLog",
      entity: "export",
      entityId: "auditLog",
      after: { format, rows, filters },
      ...metadata,
    }),
  );
  async function* exportedRows() {
    for await (const batch of auditExportBatches(read, db, filters)) {
      const references = await resolveRecordReferences(session, db, referencedIds(batch));
      const labels = new Map([...references].map(([id, reference]) => [id, referenceText(reference)]));
      yield batch.map((entry) => auditExportRow(entry, language, labels));
    }
  }
  const body = exportStream(format, "audit", AUDIT_EXPORT_HEADERS[language], exportedRows(), language);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="tarhuna-audit-${date}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
