import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/field-errors";
import { parseActionInput } from "@/lib/actions/parse-input";
import { LOCAL_REFERENCE_PREFIX, type FieldItemKind, type FieldSyncOutcome } from "./schemas";

/**
 * What the device keeps between visits, encrypted in its store (lib/field/encrypted-store.ts):
 * its registration, the codes it reserved, the sites and bodies it may record against, and its queue.
 * Client-safe: no server module.
 */

/** A site the device may record bodies at: a server id, or "item:<key>" for one it recorded offline. */
export interface KnownSite {
  ref: string;
  code: string;
  name: string;
  discoveredOn: string;
  /** Next body number and the last of the block this device holds for the site (inclusive). */
  nextBody: number;
  lastBody: number;
}

export interface KnownBody {
  ref: string;
  code: string;
  /** Known once synced: a field note is written over this version. */
  remainsId: string | null;
  version: number | null;
  notes: string;
}

export interface DeviceState {
  deviceId: string;
  label: string;
  nextSite: number;
  lastSite: number;
  sites: KnownSite[];
  bodies: KnownBody[];
  lastSyncAt: string | null;
}

export interface QueuedItem {
  itemId: string;
  sequence: number;
  kind: FieldItemKind;
  capturedAt: string;
  positionAccuracyMetres: number | null;
  payload: Record<string, unknown>;
  /** What the list shows: the site or body code. */
  label: string;
  state: "queued" | FieldSyncOutcome["status"];
  outcome: FieldSyncOutcome | null;
  /** Why the last attempt did not go through (a message key): the item stays queued. */
  lastError: string | null;
}

/**
 * A photograph of an effect of a body queued on this device, taken with the camera or chosen from
 * the files; its bytes lie encrypted beside it (FieldStore.putBytes under the same id). Sent once the
 * body is synced and the server named its effects; photoId is the upload's idempotency key.
 */
export interface QueuedPhoto {
  photoId: string;
  /** The remains.create item whose effect it shows, and that effect as written on the form. */
  bodyItemId: string;
  effectKind: string;
  effectDescription: string;
  effectNumber: number;
  label: string;
  fileName: string;
  contentType: string;
  capturedAt: string;
  state: "waiting" | "sent" | "error";
  /** A message key: why the last attempt failed (waiting: tried again; error: the server refused it). */
  lastError: string | null;
}

export const DEVICE_STATE_ID = "device";
export const QUEUE_PREFIX = "queue:";
export const PHOTO_PREFIX = "photo:";

/** Any valid id: stands in for a local reference while the online schema checks the rest of the form. */
const PLACEHOLDER_ID = "00000000-0000-4000-8000-000000000000";

/**
 * The online form's schema applied on the device. A field naming a record queued on this device
 * ("item:<key>") holds no server id yet; it passes as a placeholder, and the server parses the
 * resolved record again with the same schema.
 */
export function parseOffline<Schema extends z.ZodType>(schema: Schema, values: Record<string, unknown>):
  | { ok: true; data: z.output<Schema> & Record<string, unknown> }
  | { ok: false; fieldErrors: Record<string, string> } {
  const checked = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [field, typeof value === "string" && value.startsWith(LOCAL_REFERENCE_PREFIX) ? PLACEHOLDER_ID : value]),
  );
  const parsed = parseActionInput(schema, checked);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  return { ok: true, data: { ...(parsed.data as object), ...Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === "string" && value.startsWith(LOCAL_REFERENCE_PREFIX))) } as z.output<Schema> & Record<string, unknown> };
}

export function waitingItems(queue: readonly QueuedItem[]): QueuedItem[] {
  return queue.filter((item) => item.state === "queued").sort((first, second) => first.sequence - second.sequence);
}
