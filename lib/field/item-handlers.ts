import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { remains } from "@/db/schema";
import type { ActionName } from "@/lib/actions/action-permissions";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { recordCustodyEventRecord } from "@/lib/forensic/custody-records";
import { refuseField } from "@/lib/forensic/duplicate-code";
import { createGraveSiteRecord } from "@/lib/forensic/grave-site-records";
import { liveEffectsOf } from "@/lib/forensic/personal-effects";
import { createRemainsRecord, updateRemainsRecord } from "@/lib/forensic/remains-records";
import { recordCustodyEventSchema } from "@/lib/forensic/schemas/custody";
import { createGraveSiteSchema } from "@/lib/forensic/schemas/grave-site";
import { createRemainsSchema } from "@/lib/forensic/schemas/remains";
import { reservingDevice } from "./code-blocks";
import { fieldNoteSchema, type FieldItemKind, type FieldNoteValues } from "./schemas";

/** The context an item runs in: the online action's own, plus the device that captured it. */
export type ItemContext<Input> = ActionContext<Input> & { deviceId: string };

export interface ItemHandler {
  /** The online action whose permission and rules the item follows. */
  action: ActionName;
  schema: z.ZodType;
  /** Payload fields that may name a record queued on the same device ("item:<key>"). */
  references: readonly ("siteId" | "remainsId")[];
  apply(context: ItemContext<unknown>): Promise<Record<string, unknown>>;
}

function handler<Schema extends z.ZodType>(
  action: ActionName,
  schema: Schema,
  references: ItemHandler["references"],
  apply: (context: ItemContext<z.output<Schema>>) => Promise<Record<string, unknown>>,
): ItemHandler {
  return { action, schema, references, apply: (context) => apply(context as ItemContext<z.output<Schema>>) };
}

/** A number another device reserved is not this device's to use: it would collide when that one syncs. */
async function refuseOthersReservation(context: ItemContext<unknown>, siteId: string | null, code: string, field: string) {
  const number = Number(/(\d+)$/.exec(code)?.[1] ?? "0");
  const holder = await reservingDevice(context.tx, siteId, number);
  if (holder !== null && holder !== context.deviceId) refuseField(field, "Field.codeReservedElsewhere");
}

/** The body's notes as written on the device, over the version it last saw; everything else stays. */
async function writeFieldNote(context: ItemContext<FieldNoteValues>) {
  const { input, tx } = context;
  const [current] = await tx.select().from(remains).where(eq(remains.id, input.remainsId));
  if (!current) throw new ActionRefusal("notFound", "Actions.notFound");
  const { code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation } = current;
  await updateRemainsRecord({
    ...context,
    input: { remainsId: current.id, version: input.version, code, recoveredOn, estimatedSex, ageMin, ageMax, condition, storageLocation, notes: input.notes, effects: [] },
  });
  return { remainsId: current.id, version: input.version + 1 };
}

export const ITEM_HANDLERS: Record<FieldItemKind, ItemHandler> = {
  "graveSite.create": handler("graveSites.create", createGraveSiteSchema, [], async (context) => {
    await refuseOthersReservation(context, null, context.input.code, "code");
    return createGraveSiteRecord(context);
  }),
  "remains.create": handler("remains.create", createRemainsSchema, ["siteId"], async (context) => {
    await refuseOthersReservation(context, context.input.siteId, context.input.code, "code");
    const { remainsId } = await createRemainsRecord(context);
    const effects = await liveEffectsOf(context.tx, remainsId);
    // The device keeps these to upload each effect's photographs (matched by kind and description:
    // effects saved in one transaction share their creation time) and to write notes over version 1.
    return { remainsId, version: 1, effects: effects.map((effect) => ({ effectId: effect.id, kind: effect.kind, description: effect.description })) };
  }),
  "custody.record": handler("custody.record", recordCustodyEventSchema, ["remainsId"], recordCustodyEventRecord),
  "remains.fieldNote": handler("remains.update", fieldNoteSchema, ["remainsId"], writeFieldNote),
};
