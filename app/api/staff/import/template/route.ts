import { isImportKind } from "@/lib/import/fields";
import { csvTemplate, xlsxTemplate } from "@/lib/import/template";
import { authoriseRoute } from "@/lib/people/route-guard";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** The blank import template (Arabic and English headers, one example row) as CSV or XLSX. */
export async function GET(request: Request) {
  const authorised = await authoriseRoute(request, "data.import");
  if ("response" in authorised) return authorised.response;
  const params = new URL(request.url).searchParams;
  const kind = params.get("kind");
  const format = params.get("format") === "xlsx" ? "xlsx" : "csv";
  if (!isImportKind(kind)) return Response.json({ error: "invalid" }, { status: 400 });
  const body = format === "xlsx" ? await xlsxTemplate(kind) : csvTemplate(kind);
  return new Response(Buffer.from(body), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="tarhuna-${kind}-template.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
