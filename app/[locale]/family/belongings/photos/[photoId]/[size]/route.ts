import type { NextRequest } from "next/server";
import { mediaStore } from "@/lib/belongings/media-store";
import { parsePhotoRequest, readPortalPhotoFile } from "@/lib/belongings/photo-reads";
import { photoResponse } from "@/lib/belongings/photo-response";
import { isSameOrigin } from "@/lib/family-portal/portal-request";
import { readFamilySession } from "@/lib/family-portal/session";
import { FAMILY_SESSION_COOKIE } from "@/lib/family-portal/session-token";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/** A catalogue photograph for a signed-in family with remote viewing on; the web and thumbnail sizes only. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ photoId: string; size: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "crossSite" }, { status: 403, headers: NO_STORE });
  const db = await getDb();
  const session = await readFamilySession(db, request.cookies.get(FAMILY_SESSION_COOKIE)?.value);
  if (!session) return Response.json({ error: "unauthenticated" }, { status: 401, headers: NO_STORE });
  const wanted = parsePhotoRequest(await params);
  const bytes = wanted ? await readPortalPhotoFile(db, mediaStore(), session.familyId, wanted.photoId, wanted.size) : null;
  return bytes && wanted ? photoResponse(bytes, wanted.size) : Response.json({ error: "notFound" }, { status: 404, headers: NO_STORE });
}
