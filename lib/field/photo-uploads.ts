import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { fieldDevices, fieldSyncItems } from "@/db/schema";
import type { FieldPhotoCapture } from "@/lib/belongings/photo-records";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import { capturedAtSchema } from "./schemas";

/** The fields a field device adds to a photograph's upload (lib/field/photo-sync.ts sends them). */
export const fieldPhotoCaptureSchema = z.object({ itemId: z.uuid(), deviceId: z.uuid(), capturedAt: capturedAtSchema });

export type FieldPhotoCheck = { kind: "new" } | { kind: "kept"; answer: unknown } | { kind: "refused" };

/**
 * Before a field photograph is processed: the device must be the uploader's own and not withdrawn,
 * and a key already used answers with what was kept then (the device lost the first answer), or is
 * refused when another device or person used it.
 */
export async function checkFieldPhoto(access: ReadAccess<"forensic.write">, db: Database, capture: FieldPhotoCapture): Promise<FieldPhotoCheck> {
  assertReadAccess(access, "forensic.write");
  const { session } = access;
  const [device] = await db
    .select({ id: fieldDevices.id })
    .from(fieldDevices)
    .where(and(eq(fieldDevices.id, capture.deviceId), eq(fieldDevices.userId, session.userId), isNull(fieldDevices.revokedAt)));
  if (!device) return { kind: "refused" };
  const [earlier] = await db.select().from(fieldSyncItems).where(eq(fieldSyncItems.itemId, capture.itemId));
  if (!earlier) return { kind: "new" };
  if (earlier.userId !== session.userId || earlier.deviceId !== capture.deviceId) return { kind: "refused" };
  const outcome = earlier.outcome as { data?: unknown };
  return { kind: "kept", answer: outcome.data };
}
