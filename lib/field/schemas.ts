import { z } from "zod";
import { optionalText, recordId, requiredText, rowVersion } from "@/lib/forensic/schemas/fields";

/**
 * The field-capture forms and their sync envelope (issue 25). Client-safe: the offline forms parse
 * with these and with the online forms' own schemas (lib/forensic/schemas/*), so a record that passes
 * on the device passes the same rules on the server.
 */

/** What a device may queue; each kind runs through the online action of the same name. */
export const FIELD_ITEM_KINDS = ["graveSite.create", "remains.create", "custody.record", "remains.fieldNote"] as const;
export type FieldItemKind = (typeof FIELD_ITEM_KINDS)[number];

/** How many codes a device reserves at once, and at most. */
export const DEFAULT_CODE_BLOCK_SIZE = 20;
export const MAX_CODE_BLOCK_SIZE = 100;

/**
 * A record queued offline may name another queued record that has no server id yet ("item:<its
 * idempotency key>"): a body at a site recorded on the same device. The server resolves it.
 */
export const LOCAL_REFERENCE_PREFIX = "item:";

export function localReference(itemId: string): string {
  return `${LOCAL_REFERENCE_PREFIX}${itemId}`;
}

export const registerDeviceSchema = z.object({
  /** A name the staff member recognises ("tablet 2, team B"); shown in the audit entries. */
  label: requiredText(100),
});

export const reserveCodesSchema = z.object({
  deviceId: recordId,
  /** The site whose body codes to reserve; null for grave-site codes. */
  siteId: recordId.nullable(),
  count: z.int32({ error: "invalidChoice" }).min(1, { error: "invalidChoice" }).max(MAX_CODE_BLOCK_SIZE, { error: "invalidChoice" }),
});

/** A field note written on the device over the body's notes as it last saw them (their version). */
export const fieldNoteSchema = z.object({
  remainsId: recordId,
  version: rowVersion,
  notes: optionalText(4000),
});

/** A phone's clock may be off; a capture time far in the future is refused, not believed. */
const CAPTURE_CLOCK_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** When the device says a record or photograph was captured (its clock, within the tolerance). */
export const capturedAtSchema = z.iso
  .datetime({ offset: true, error: "Forensic.dateTimeFormat" })
  .refine((value) => new Date(value).getTime() <= Date.now() + CAPTURE_CLOCK_TOLERANCE_MS, { error: "Forensic.dateInFuture" });

export const fieldSyncItemSchema = z.object({
  deviceId: recordId,
  /** The idempotency key, made on the device when the record was queued. */
  itemId: recordId,
  kind: z.enum(FIELD_ITEM_KINDS, { error: "invalidChoice" }),
  capturedAt: capturedAtSchema,
  /** The device's GPS accuracy in metres when a position was taken; kept in the audit entry. */
  positionAccuracyMetres: z.number().min(0).max(100_000).nullable(),
  /** Parsed by the server with the online form's schema of this kind, once local references are resolved. */
  payload: z.record(z.string(), z.unknown()),
});

export type RegisterDeviceValues = z.infer<typeof registerDeviceSchema>;
export type ReserveCodesValues = z.infer<typeof reserveCodesSchema>;
export type FieldNoteValues = z.infer<typeof fieldNoteSchema>;
export type FieldSyncItemValues = z.infer<typeof fieldSyncItemSchema>;

/** What the server answers for one item; the device keeps it beside the item. */
export type FieldSyncOutcome =
  | { status: "applied"; data: Record<string, unknown> }
  | { status: "conflict"; message: string; mine: unknown; theirs: unknown; changedBy: string; changedAt: string }
  | { status: "refused"; message: string; fieldErrors?: Record<string, string> };

export type FieldSyncAnswer = FieldSyncOutcome & { itemId: string; replayed: boolean };

/** A body code from a reserved number: TRH-GS-03 and 17 → TRH-GS-03-B017. */
export function remainsCodeOf(siteCode: string, number: number): string {
  return `${siteCode}-B${String(number).padStart(3, "0")}`;
}

export function siteCodeOf(number: number): string {
  return `TRH-GS-${String(number).padStart(2, "0")}`;
}
