import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { auditExport } from "@/lib/export/audit-export";
import { headerRow } from "@/lib/export/columns";
import { EXPORT_LISTS, exportHeaders, exportRows, type ExportList } from "@/lib/export/lists";
import { EXPORT_CONTENT_TYPES, exportStream } from "@/lib/export/write";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

function isExportList(value: string): value is ExportList {
  return (EXPORT_LISTS as readonly string[]).includes(value);
}

/**
 * A staff list as CSV or XLSX: personal data, so audited, with contact details only for roles that
 * see them. Started by a POST from the exports page's forms, never by a link.
 */
export async function POST(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const authorised = await authoriseRoute(request, "personalData.export");
  if ("response" in authorised) return authorised.response;
  const { list } = await params;
  if (!isExportList(list)) return Response.json({ error: "notFound" }, { status: 404 });
  const query = new URL(request.url).searchParams;
  const format = query.get("format") === "xlsx" ? "xlsx" : "csv";
  // The exports page's language; Arabic unless English is asked for.
  const language = query.get("lang") === "en" ? "en" : "ar";
  const db = await getDb();
  await auditExport(db, authorised.session, await currentRequestMetadata(), list, format);
  const body = exportStream(format, list, headerRow(exportHeaders(list)), exportRows(authorised.read, db, list, language), language);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="tarhuna-${list}-${date}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
