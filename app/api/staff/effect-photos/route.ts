import { z } from "zod";
import { currentRequestMetadata } from "@/lib/auth/request-metadata";
import { mediaStore } from "@/lib/belongings/media-store";
import { MAX_PHOTO_BYTES } from "@/lib/belongings/photo-limits";
import { PhotoRefused } from "@/lib/belongings/photo-processing";
import { storeEffectPhoto, type FieldPhotoCapture } from "@/lib/belongings/photo-records";
import { checkFieldPhoto, fieldPhotoCaptureSchema } from "@/lib/field/photo-uploads";
import { authoriseRoute, privateJson } from "@/lib/people/route-guard";
import { getDb } from "@/lib/server/database";

export const dynamic = "force-dynamic";

const effectIdSchema = z.uuid();

function refusal(reason: PhotoRefused["reason"], status = 422): Response {
  return Response.json({ error: reason }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A photograph of one effect, sent as multipart form data (effectId, file) by the upload form on the
 * body's page. Forensic staff and administrators only; the answer names the new photo's id and the
 * SHA-256 of the file kept, or why it was refused (a key of Belongings.photoRefusals). A field device
 * (issue 25) adds fieldItemId, deviceId and capturedAt: the photograph is kept once per fieldItemId
 * (an upload retried after a lost answer gets the first answer back) and its audit entry says when
 * and on which device it was taken.
 */
export async function POST(request: Request) {
  const authorised = await authoriseRoute(request, "forensic.write");
  if ("response" in authorised) return authorised.response;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_PHOTO_BYTES + 64 * 1024) return refusal("tooLarge", 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refusal("missingFile", 400);
  }
  const file = form.get("file");
  const effectId = effectIdSchema.safeParse(form.get("effectId"));
  if (!effectId.success) return refusal("unknownEffect", 404);
  if (!(file instanceof File) || file.size === 0) return refusal("missingFile", 400);
  if (file.size > MAX_PHOTO_BYTES) return refusal("tooLarge", 413);
  const { session, read } = authorised;
  const db = await getDb();
  let fieldCapture: FieldPhotoCapture | null = null;
  if (form.has("fieldItemId")) {
    const parsed = fieldPhotoCaptureSchema.safeParse({ itemId: form.get("fieldItemId"), deviceId: form.get("deviceId"), capturedAt: form.get("capturedAt") });
    if (!parsed.success) return refusal("unknownDevice", 400);
    const check = await checkFieldPhoto(read, db, parsed.data);
    if (check.kind === "refused") return refusal("unknownDevice", 403);
    if (check.kind === "kept") return privateJson(check.answer);
    fieldCapture = parsed.data;
  }
  const metadata = await currentRequestMetadata();
  try {
    const stored = await storeEffectPhoto(
      db,
      mediaStore(),
      { actorId: session.userId, actorLabel: session.username, ...metadata },
      effectId.data,
      Buffer.from(await file.arrayBuffer()),
      fieldCapture,
    );
    return privateJson(stored);
  } catch (error) {
    if (error instanceof PhotoRefused) return refusal(error.reason, error.reason === "unknownEffect" ? 404 : 422);
    throw error;
  }
}
