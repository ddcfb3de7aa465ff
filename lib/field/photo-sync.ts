import { PHOTO_REFUSALS } from "@/lib/belongings/photo-limits";
import { PHOTO_PREFIX, type QueuedItem, type QueuedPhoto } from "./device-state";
import type { FieldStore } from "./encrypted-store";

/** Sends one upload (the effect-photo route, /api/staff/effect-photos); a network failure throws. */
export type PhotoUpload = (body: FormData) => Promise<Response>;

interface SyncedEffect {
  effectId: string;
  kind: string;
  description: string | null;
}

/**
 * The server id of the effect a photograph shows: from the answer its body's sync received, matched by
 * kind and description as written on the form (two identical effects of one body share the first).
 */
function effectIdOf(photo: QueuedPhoto, body: QueuedItem): string | null {
  if (body.outcome?.status !== "applied") return null;
  const effects = (body.outcome.data.effects ?? []) as SyncedEffect[];
  const match = effects.find((effect) => effect.kind === photo.effectKind && (effect.description ?? "") === photo.effectDescription);
  return match?.effectId ?? null;
}

async function refusalKey(response: Response): Promise<string> {
  const answer: unknown = await response.json().catch(() => null);
  const reason = typeof answer === "object" && answer !== null && "error" in answer ? answer.error : null;
  return (PHOTO_REFUSALS as readonly unknown[]).includes(reason) ? `Belongings.photoRefusals.${String(reason)}` : "Belongings.photoRefusals.failed";
}

/**
 * Uploads the photographs waiting on the device once their body is synced, oldest first, each under
 * its own idempotency key (photoId): an upload whose answer was lost is sent again and the server
 * answers with the photograph it kept, never a second copy. A sent photograph's bytes are removed
 * from the device. A network failure or a signed-out session stops the run with the rest waiting.
 */
export async function syncPhotos(store: FieldStore, upload: PhotoUpload, deviceId: string, queue: readonly QueuedItem[], photos: readonly QueuedPhoto[]): Promise<{ photos: QueuedPhoto[]; stoppedBy: string | null }> {
  const byId = new Map(photos.map((photo) => [photo.photoId, photo]));
  const save = async (photo: QueuedPhoto) => {
    byId.set(photo.photoId, photo);
    await store.put(PHOTO_PREFIX + photo.photoId, photo);
  };
  const waiting = photos.filter((photo) => photo.state === "waiting").sort((first, second) => first.capturedAt.localeCompare(second.capturedAt));
  for (const photo of waiting) {
    const body = queue.find((item) => item.itemId === photo.bodyItemId);
    if (!body || body.state === "refused" || body.state === "conflict") {
      await save({ ...photo, state: "error", lastError: "Field.photoBodyNotKept" });
      continue;
    }
    // The body is not on the server yet: the photograph waits for it.
    if (body.state !== "applied") continue;
    const effectId = effectIdOf(photo, body);
    const bytes = await store.getBytes(PHOTO_PREFIX + photo.photoId);
    if (!effectId || !bytes) {
      await save({ ...photo, state: "error", lastError: effectId ? "Belongings.photoRefusals.missingFile" : "Belongings.photoRefusals.unknownEffect" });
      continue;
    }
    const form = new FormData();
    form.set("effectId", effectId);
    form.set("fieldItemId", photo.photoId);
    form.set("deviceId", deviceId);
    form.set("capturedAt", photo.capturedAt);
    form.set("file", new File([bytes], photo.fileName, { type: photo.contentType }));
    let response: Response;
    try {
      response = await upload(form);
    } catch {
      await save({ ...photo, lastError: "Field.networkFailed" });
      return { photos: [...byId.values()], stoppedBy: "Field.networkFailed" };
    }
    if (response.ok) {
      await save({ ...photo, state: "sent", lastError: null });
      await store.deleteBytes(PHOTO_PREFIX + photo.photoId);
    } else if (response.status === 401 || response.status === 403) {
      const key = await refusalKey(response);
      if (key !== "Belongings.photoRefusals.unknownDevice") {
        await save({ ...photo, lastError: "Field.syncStopped" });
        return { photos: [...byId.values()], stoppedBy: "Field.syncStopped" };
      }
      await save({ ...photo, state: "error", lastError: key });
    } else if (response.status >= 500) {
      // The server failed, not the photograph: it is tried again at the next sync.
      await save({ ...photo, lastError: "Belongings.photoRefusals.failed" });
    } else {
      await save({ ...photo, state: "error", lastError: await refusalKey(response) });
    }
  }
  return { photos: [...byId.values()], stoppedBy: null };
}
