import "./support/mock-action-request";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { GET as photoRoute } from "@/app/api/staff/effect-photos/[photoId]/[size]/route";
import { POST as uploadRoute } from "@/app/api/staff/effect-photos/route";
import { auditLog, effectPhotos, fieldDevices, personalEffects } from "@/db/schema";
import { localMediaStore } from "@/lib/belongings/media-store";
import { MAX_PHOTO_BYTES } from "@/lib/belongings/photo-limits";
import { storeEffectPhoto } from "@/lib/belongings/photo-records";
import { forgetEnvironment } from "@/lib/env";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains } from "./support/factories";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const SAME_ORIGIN = { "sec-fetch-site": "same-origin", origin: "http://localhost" };
let mediaRoot: string;
let previousDataDir: string | undefined;

/** A small JPEG as a phone writes it: the camera's make and the GPS position in its EXIF block. */
function cameraPhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#8a5a2b" } })
    .jpeg()
    .withExif({ IFD0: { Make: "TarhunaTestCam", Model: "GPS-9" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "32/1 26/1 0/1" } })
    .toBuffer();
}

function upload(effectId: string, file: File): Request {
  const form = new FormData();
  form.set("effectId", effectId);
  form.set("file", file);
  return new Request("http://localhost/api/staff/effect-photos", { method: "POST", body: form, headers: SAME_ORIGIN });
}

function fetchPhoto(photoId: string, size = "original") {
  return photoRoute(new Request(`http://localhost/api/staff/effect-photos/${photoId}/${size}`, { headers: SAME_ORIGIN }), {
    params: Promise.resolve({ photoId, size }),
  });
}

async function storedFiles(): Promise<string[]> {
  const entries = await fs.readdir(mediaRoot, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

beforeAll(async () => {
  previousDataDir = process.env.DATA_DIR;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-photos-"));
  process.env.DATA_DIR = dataDir;
  mediaRoot = path.join(dataDir, "media");
  forgetEnvironment();
});

afterAll(async () => {
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  forgetEnvironment();
  await fs.rm(path.dirname(mediaRoot), { recursive: true, force: true });
});

describeOnEachBackend(backends, "photographs of effects", (database) => {
  async function createEffect(): Promise<string> {
    const body = await createRemains(database().db);
    const [effect] = await database().db.insert(personalEffects).values({ remainsId: body.id, kind: "clothing", description: "قميص أزرق", category: "clothing_upper" }).returning();
    if (!effect) throw new Error("no effect");
    return effect.id;
  }

  beforeEach(async () => {
    actionRequest.db = database().db;
    await fs.rm(mediaRoot, { recursive: true, force: true });
  });

  it("keeps a forensic user's photo without its EXIF or GPS block, with its SHA-256 in the audit entry", async () => {
    const effectId = await createEffect();
    actionRequest.session = await createStaffSession(database().db, "forensic");
    const sent = await cameraPhoto();
    const response = await uploadRoute(upload(effectId, new File([new Uint8Array(sent)], "IMG_0001.jpg", { type: "image/jpeg" })));
    expect(response.status).toBe(200);
    const { photoId, sha256 } = (await response.json()) as { photoId: string; sha256: string };
    const files = await storedFiles();
    expect(files.map((file) => path.basename(file)).sort()).toEqual(["original.jpg", "thumbnail.jpg", "web.jpg"]);
    for (const file of files) {
      const bytes = await fs.readFile(file);
      expect(bytes.includes("Exif")).toBe(false);
      expect(bytes.includes("TarhunaTestCam")).toBe(false);
      expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    }
    const [row] = await database().db.select().from(effectPhotos).where(eq(effectPhotos.id, photoId));
    expect(row).toMatchObject({ effectId, width: 64, height: 48, originalSha256: sha256 });
    const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.entityId, photoId));
    expect(entry).toMatchObject({ action: "effectPhoto.upload", entity: "effect_photo" });
    expect(entry?.after).toMatchObject({ effectId, sha256 });
    // Served back to staff as the same bytes that were stored.
    const served = Buffer.from(await (await fetchPhoto(photoId)).arrayBuffer());
    expect(served.equals(await fs.readFile(files.find((file) => file.endsWith("original.jpg")) ?? ""))).toBe(true);
  });

  it("refuses a file that is not an image, and a decompression bomb, storing nothing", async () => {
    const effectId = await createEffect();
    actionRequest.session = await createStaffSession(database().db, "forensic");
    const pdf = new File(["%PDF-1.7\n1 0 obj<<>>endobj\n"], "notes.jpg", { type: "image/jpeg" });
    const refusedPdf = await uploadRoute(upload(effectId, pdf));
    expect(refusedPdf.status).toBe(422);
    expect(await refusedPdf.json()).toEqual({ error: "notImage" });
    // 10,000 × 10,000 pixels of one colour: a few kilobytes as PNG, 300 MB once decoded.
    const bomb = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#000" } }).png({ compressionLevel: 9 }).toBuffer();
    const refusedBomb = await uploadRoute(upload(effectId, new File([new Uint8Array(bomb)], "bomb.png", { type: "image/png" })));
    expect(await refusedBomb.json()).toEqual({ error: "tooManyPixels" });
    expect(await storedFiles()).toEqual([]);
    expect(await database().db.select().from(effectPhotos).where(eq(effectPhotos.effectId, effectId))).toEqual([]);
  });

  it("lets only forensic staff and administrators upload, and gives no bytes to a viewer or a signed-out client", async () => {
    const effectId = await createEffect();
    const photo = () => new File([new Uint8Array(0)], "x.jpg", { type: "image/jpeg" });
    actionRequest.session = null;
    expect((await uploadRoute(upload(effectId, photo()))).status).toBe(401);
    for (const role of ["registrar", "viewer"] as const) {
      actionRequest.session = await createStaffSession(database().db, role);
      expect((await uploadRoute(upload(effectId, photo()))).status).toBe(403);
    }
    actionRequest.session = await createStaffSession(database().db, "admin");
    const sent = await cameraPhoto();
    const stored = await uploadRoute(upload(effectId, new File([new Uint8Array(sent)], "a.jpg", { type: "image/jpeg" })));
    const { photoId } = (await stored.json()) as { photoId: string };
    for (const role of ["viewer", null] as const) {
      actionRequest.session = role ? await createStaffSession(database().db, role) : null;
      const refused = await fetchPhoto(photoId, "thumbnail");
      expect(refused.status).toBe(role ? 403 : 401);
      expect(refused.headers.get("content-type")).not.toContain("image");
    }
    actionRequest.session = await createStaffSession(database().db, "registrar");
    const shown = await fetchPhoto(photoId, "thumbnail");
    expect(shown.headers.get("content-type")).toBe("image/jpeg");
  });

  it("refuses a file over 25 MB, storing nothing", async () => {
    const effectId = await createEffect();
    actionRequest.session = await createStaffSession(database().db, "forensic");
    // A JPEG's first bytes, then padding past the limit: refused for its size before it is read as a picture.
    const oversize = Buffer.alloc(MAX_PHOTO_BYTES + 1);
    oversize.set([0xff, 0xd8, 0xff, 0xe0]);
    const refused = await uploadRoute(upload(effectId, new File([new Uint8Array(oversize)], "huge.jpg", { type: "image/jpeg" })));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ error: "tooLarge" });
    expect(await storedFiles()).toEqual([]);
    expect(await database().db.select().from(effectPhotos).where(eq(effectPhotos.effectId, effectId))).toEqual([]);
  });

  it("leaves no file behind when the save's transaction fails after the files were written", async () => {
    const effectId = await createEffect();
    // An uploader the database does not know: the files are written, then the row's foreign key
    // fails and the transaction rolls back, as any failure between the files and the commit would.
    const stranger = { actorId: crypto.randomUUID(), actorLabel: "nobody" };
    const save = storeEffectPhoto(database().db, localMediaStore(mediaRoot), stranger, effectId, await cameraPhoto());
    await expect(save).rejects.toThrow();
    expect(await storedFiles()).toEqual([]);
    expect(await database().db.select().from(effectPhotos).where(eq(effectPhotos.effectId, effectId))).toEqual([]);
    // The same store still keeps a photo whose save succeeds.
    actionRequest.session = await createStaffSession(database().db, "forensic");
    const kept = await storeEffectPhoto(database().db, localMediaStore(mediaRoot), { actorId: actionRequest.session.userId, actorLabel: "forensic" }, effectId, await cameraPhoto());
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toHaveLength(3);
  });

  it("keeps a field device's photograph once per key: a retried upload gets the first answer, the audit entry names the device and the capture time, another user's device is refused", async () => {
    const effectId = await createEffect();
    const session = await createStaffSession(database().db, "forensic");
    actionRequest.session = session;
    const [device] = await database().db.insert(fieldDevices).values({ userId: session.userId, label: "لوح الفريق ب" }).returning();
    if (!device) throw new Error("no device");
    const capture = { fieldItemId: crypto.randomUUID(), deviceId: device.id, capturedAt: "2021-02-11T09:14:00.000Z" };
    const fieldUpload = async () => {
      const request = upload(effectId, new File([new Uint8Array(await cameraPhoto())], "IMG_2101.jpg", { type: "image/jpeg" }));
      const form = await request.formData();
      for (const [name, value] of Object.entries(capture)) form.set(name, value);
      return uploadRoute(new Request(request.url, { method: "POST", body: form, headers: SAME_ORIGIN }));
    };
    const first = await fieldUpload();
    expect(first.status).toBe(200);
    const again = await fieldUpload();
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const rows = await database().db.select().from(effectPhotos).where(eq(effectPhotos.effectId, effectId));
    expect(rows).toHaveLength(1);
    expect(await storedFiles()).toHaveLength(3);
    const [entry] = await database().db.select().from(auditLog).where(eq(auditLog.entityId, rows[0]?.id ?? ""));
    expect(entry?.after).toMatchObject({ fieldCapture: { itemId: capture.fieldItemId, deviceId: device.id, capturedAt: capture.capturedAt } });

    actionRequest.session = await createStaffSession(database().db, "forensic");
    const stranger = await fieldUpload();
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ error: "unknownDevice" });
  });
});
