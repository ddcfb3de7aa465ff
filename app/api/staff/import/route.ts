import { authoriseRoute } from "@/lib/people/route-guard";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { readImportForm } from "@/lib/import/import-form";
import { runImport, type ImportEvent } from "@/lib/import/run-import";
import { getDb } from "@/lib/server/database";
import { errorWithoutValues, logger } from "@/lib/server/logger";

export const dynamic = "force-dynamic";
export const maxDuration = 300;

/**
 * Dry run or commit of a spreadsheet import. The answer is NDJSON: progress lines while the file is
 * read and saved, then one outcome line, so the page can show a progress bar for 100,000 rows.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "data.import");
  if ("response" in authorised) return authorised.response;
  const form = await readImportForm(request);
  if ("response" in form) return form.response;
  const { session } = authorised;
  const metadata = await currentRequestMetadata();
  const db = await getDb();
  const encoder = new TextEncoder();
  // A confirmed import goes on when the browser leaves mid-way; there is just nobody to tell.
  let listening = true;
  const body = new ReadableStream<Uint8Array>({
    cancel() {
      listening = false;
    },
    async start(controller) {
      const emit = (event: ImportEvent) => {
        if (listening) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      try {
        await runImport(db, { ...form.request, actor: { actorId: session.userId, actorLabel: session.username, ...metadata } }, emit);
      } catch (error) {
        logger.error({ event: "import.failed", ...errorWithoutValues(error) }, "import failed");
        emit({ type: "fileError", key: "failed", values: {} });
      }
      if (listening) controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
