import "server-only";
import type { Transaction } from "@/db/client";
import { eq } from "drizzle-orm";
import { belongingRecognitions, belongingViewingSessions, effectPhotos, families } from "@/db/schema";
import type { MediaStore } from "@/lib/belongings/media-store";
import { PHOTO_SIZES } from "@/lib/belongings/photo-limits";
import { processPhoto } from "@/lib/belongings/photo-processing";
import { photoFileKey } from "@/lib/belongings/photo-records";
import { IDENTIFIED_STATUSES } from "@/lib/public/identified";
import { effectDrawingPng } from "./effect-drawings";
import type { DemoDataset } from "./types";

/** How many effects of unidentified bodies get a demo drawing: enough to fill a catalogue page. */
const DRAWN_EFFECTS = 12;
/** The identification the family's recognition of a car key started, later confirmed by DNA (identification-plan.ts). */
const RECOGNISED_REMAINS_CODE = "TRH-GS-02-B011";

function staffId(dataset: DemoDataset, username: string): string {
  const user = dataset.users.find((row) => row.username === username);
  if (!user) throw new Error(`the demo has no ${username} account`);
  return user.id;
}

/** Drawings (never photographs) for some effects of bodies still in the catalogue, stored like an upload. */
async function drawEffectPhotos(tx: Transaction, dataset: DemoDataset, store: MediaStore): Promise<number> {
  const identified = new Set(dataset.identifications.filter((row) => (IDENTIFIED_STATUSES as readonly string[]).includes(row.status ?? "")).map((row) => row.remainsId));
  const effects = dataset.personalEffects.filter((effect) => !identified.has(effect.remainsId)).slice(0, DRAWN_EFFECTS);
  const uploadedBy = staffId(dataset, "forensic");
  for (const effect of effects) {
    const photo = await processPhoto(await effectDrawingPng(effect.category ?? "other", effect.colour));
    const photoId = crypto.randomUUID();
    for (const size of PHOTO_SIZES) await store.put(photoFileKey(photoId, size), photo.files[size], photo.contentType);
    await tx.insert(effectPhotos).values({
      id: photoId,
      effectId: effect.id,
      storageKey: `effects/${photoId}`,
      originalSha256: photo.originalSha256,
      receivedSha256: photo.receivedSha256,
      contentType: photo.contentType,
      width: photo.width,
      height: photo.height,
      byteSize: photo.files.original.byteLength,
      uploadedBy,
    });
  }
  return effects.length;
}

/** The car key a family recognised at the office, followed up by DNA: the identification that came of it. */
async function recordDemoRecognition(tx: Transaction, dataset: DemoDataset): Promise<number> {
  const body = dataset.remains.find((row) => row.code === RECOGNISED_REMAINS_CODE);
  const identification = dataset.identifications.find((row) => row.remainsId === body?.id);
  const effect = dataset.personalEffects.find((row) => row.remainsId === body?.id && row.kind === "car_key");
  const person = dataset.missingPersons.find((row) => row.id === identification?.missingPersonId);
  if (!effect || !person?.familyId) return 0;
  const registrar = staffId(dataset, "registrar");
  const [viewing] = await tx
    .insert(belongingViewingSessions)
    .values({ familyId: person.familyId, openedBy: registrar, openedAt: new Date("2024-03-10T09:00:00Z"), closedAt: new Date("2024-03-10T10:15:00Z") })
    .returning();
  await tx.insert(belongingRecognitions).values({
    effectId: effect.id,
    missingPersonId: person.id,
    familyId: person.familyId,
    viewingSessionId: viewing?.id,
    source: "office",
    recognisedBy: "الأخ (بيانات تجريبية)",
    words: "هذه الميدالية الجلدية أهديتها له، وعليها خدش من جهة اليسار.",
    recordedBy: registrar,
    createdAt: new Date("2024-03-10T09:40:00Z"),
    followedUpAt: new Date("2024-04-02T12:00:00Z"),
    followedUpBy: staffId(dataset, "forensic"),
    followUpNote: "طُلبت مقارنة الحمض النووي مع عينة الأسرة؛ أكدت المطابقة تحديد الهوية.",
  });
  return 1;
}

/** The second demo family (TRH-F-0004, lib/demo/family-access.ts) sees the catalogue in its portal; the first does not. */
const REMOTE_VIEWING_FAMILY = "TRH-F-0004";

async function switchOnRemoteViewing(tx: Transaction): Promise<void> {
  await tx.update(families).set({ remoteViewing: true }).where(eq(families.reference, REMOTE_VIEWING_FAMILY));
}

/** The Book of Belongings' share of the demo, inside the seed's transaction (the files are written beside it). */
export async function seedBelongingsDemo(tx: Transaction, dataset: DemoDataset, store: MediaStore): Promise<{ effectPhotos: number; recognitions: number }> {
  await switchOnRemoteViewing(tx);
  return { effectPhotos: await drawEffectPhotos(tx, dataset, store), recognitions: await recordDemoRecognition(tx, dataset) };
}
