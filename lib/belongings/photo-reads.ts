import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { effectPhotos, families, personalEffects, remains } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import { catalogueConditions } from "./catalogue";
import type { MediaStore } from "./media-store";
import { PHOTO_SIZES, type PhotoSize } from "./photo-limits";
import { photoFileKey } from "./photo-records";

const photoRequestSchema = z.object({ photoId: z.uuid(), size: z.enum(PHOTO_SIZES) });

/** A photo id and size from an address; null for anything else, which the route answers with 404. */
export function parsePhotoRequest(params: { photoId?: string; size?: string }): { photoId: string; size: PhotoSize } | null {
  const parsed = photoRequestSchema.safeParse(params);
  return parsed.success ? parsed.data : null;
}

/** A live photograph of a live effect of a live body: staff see it wherever it is in the case. */
async function staffPhotoFileQuery(db: Executor, store: MediaStore, photoId: string, size: PhotoSize): Promise<Buffer | null> {
  const [photo] = await db
    .select({ id: effectPhotos.id })
    .from(effectPhotos)
    .innerJoin(personalEffects, eq(personalEffects.id, effectPhotos.effectId))
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .where(and(eq(effectPhotos.id, photoId), isNull(effectPhotos.voidedAt), isNull(personalEffects.voidedAt), isNull(remains.voidedAt)));
  return photo ? store.get(photoFileKey(photo.id, size)) : null;
}

/** The photographs of each effect of one body, for its page. */
async function photosOfRemainsQuery(db: Executor, remainsId: string): Promise<Record<string, string[]>> {
  if (!z.uuid().safeParse(remainsId).success) return {};
  const rows = await db
    .select({ id: effectPhotos.id, effectId: effectPhotos.effectId })
    .from(effectPhotos)
    .innerJoin(personalEffects, eq(personalEffects.id, effectPhotos.effectId))
    .where(and(eq(personalEffects.remainsId, remainsId), isNull(effectPhotos.voidedAt)))
    .orderBy(asc(effectPhotos.createdAt), asc(effectPhotos.id));
  const byEffect: Record<string, string[]> = {};
  for (const row of rows) (byEffect[row.effectId] ??= []).push(row.id);
  return byEffect;
}

export const readStaffPhotoFile = defineRead("belongings.view", staffPhotoFileQuery);
export const photosOfRemains = defineRead("belongings.view", photosOfRemainsQuery);

/**
 * A photograph for a signed-in family's portal: only while staff have switched remote viewing on
 * for that family, and only of an item the catalogue shows (an unidentified body's).
 */
export async function readPortalPhotoFile(db: Executor, store: MediaStore, familyId: string, photoId: string, size: PhotoSize): Promise<Buffer | null> {
  if (size === "original") return null;
  const [photo] = await db
    .select({ id: effectPhotos.id })
    .from(effectPhotos)
    .innerJoin(personalEffects, eq(personalEffects.id, effectPhotos.effectId))
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .innerJoin(families, and(eq(families.id, familyId), eq(families.remoteViewing, true), isNull(families.voidedAt)))
    .where(and(eq(effectPhotos.id, photoId), isNull(effectPhotos.voidedAt), ...catalogueConditions({})));
  return photo ? store.get(photoFileKey(photo.id, size)) : null;
}

