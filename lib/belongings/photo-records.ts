import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { effectPhotos, fieldSyncItems, personalEffects, remains } from "@/db/schema";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { MediaStore } from "./media-store";
import { PHOTO_SIZES, type PhotoSize } from "./photo-limits";
import { PhotoRefused, processPhoto } from "./photo-processing";

export const EFFECT_PHOTO_ENTITY = "effect_photo";

type Actor = Pick<AuditEntryInput, "actorId" | "actorLabel" | "ip" | "userAgent"> & { actorId: string };

/**
 * A photograph taken on a field device (issue 25): the key the device made when it was taken (its
 * idempotency key: a retried upload is answered, never stored twice), the device and the capture time.
 */
export interface FieldPhotoCapture {
  itemId: string;
  deviceId: string;
  capturedAt: string;
}

/** The kind a field photograph's idempotency row carries in field_sync_items. */
export const FIELD_PHOTO_KIND = "effectPhoto.upload";

export function photoFileKey(photoId: string, size: PhotoSize): string {
  return `effects/${photoId}/${size}.jpg`;
}

/**
 * Keeps a photograph of a live effect of a live body: the files are written inside the transaction,
 * once the effect is known to exist, then the row and its audit entry, which holds both SHA-256
 * digests. When the transaction fails the files it wrote are removed again, so a failed save leaves
 * neither a row without its files nor files without their row. (Should the process die between
 * the write and the commit, an unreferenced file is left: it harms nobody and is never served.)
 * Throws PhotoRefused with the reason a user should read.
 */
export async function storeEffectPhoto(db: Database, store: MediaStore, actor: Actor, effectId: string, bytes: Buffer, fieldCapture: FieldPhotoCapture | null = null) {
  const photo = await processPhoto(bytes);
  // Chosen once, outside the transaction: a retried transaction writes the same keys again.
  const photoId = crypto.randomUUID();
  const written: string[] = [];
  try {
    return await runTransaction(db, async (tx) => {
      const [effect] = await tx
        .select({ id: personalEffects.id, remainsId: personalEffects.remainsId })
        .from(personalEffects)
        .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
        .where(and(eq(personalEffects.id, effectId), isNull(personalEffects.voidedAt), isNull(remains.voidedAt)));
      if (!effect) throw new PhotoRefused("unknownEffect");
      const storageKey = `effects/${photoId}`;
      for (const size of PHOTO_SIZES) {
        const key = photoFileKey(photoId, size);
        written.push(key);
        await store.put(key, photo.files[size], photo.contentType);
      }
      const row = {
        id: photoId,
        effectId,
        storageKey,
        originalSha256: photo.originalSha256,
        receivedSha256: photo.receivedSha256,
        contentType: photo.contentType,
        width: photo.width,
        height: photo.height,
        byteSize: photo.files.original.byteLength,
        uploadedBy: actor.actorId,
      };
      await tx.insert(effectPhotos).values(row);
      const answer = { photoId, sha256: row.originalSha256 };
      // Its key taken in the same transaction: a second upload of it that raced this one fails here.
      if (fieldCapture) {
        await tx.insert(fieldSyncItems).values({ itemId: fieldCapture.itemId, deviceId: fieldCapture.deviceId, userId: actor.actorId, kind: FIELD_PHOTO_KIND, status: "applied", outcome: { status: "applied", data: answer }, capturedAt: new Date(fieldCapture.capturedAt) });
      }
      await appendAuditEntry(tx, {
        ...actor,
        action: "effectPhoto.upload",
        entity: EFFECT_PHOTO_ENTITY,
        entityId: photoId,
        after: {
          effectId, remainsId: effect.remainsId, sha256: row.originalSha256, receivedSha256: row.receivedSha256, width: row.width, height: row.height, byteSize: row.byteSize,
          ...(fieldCapture ? { fieldCapture: { ...fieldCapture, syncedAt: new Date().toISOString() } } : {}),
        },
      });
      return answer;
    });
  } catch (error) {
    // The transaction rolled back: nothing refers to these files. Every removal is tried, and the
    // save's own error is the one reported.
    await Promise.allSettled([...new Set(written)].map((key) => store.remove(key)));
    throw error;
  }
}
