import { mediaStore } from "@/lib/belongings/media-store";
import { parsePhotoRequest, readStaffPhotoFile } from "@/lib/belongings/photo-reads";
import { photoResponse } from "@/lib/belongings/photo-response";
import { authoriseRoute } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

/**
 * One photograph of an effect, by its random id, to signed-in staff who may see the Book of
 * Belongings (not a viewer). Same-origin only, so no other site can embed it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ photoId: string; size: string }> }) {
  const authorised = await authoriseRoute(request, "belongings.view");
  if ("response" in authorised) return authorised.response;
  const wanted = parsePhotoRequest(await params);
  if (!wanted) return Response.json({ error: "notFound" }, { status: 404 });
  const bytes = await readStaffPhotoFile(authorised.read, await getDb(), mediaStore(), wanted.photoId, wanted.size);
  return bytes ? photoResponse(bytes, wanted.size) : Response.json({ error: "notFound" }, { status: 404 });
}
