"use server";

import { defineAction } from "@/lib/actions/define-action";
import { registerFieldDeviceRecord, reserveCodeBlockRecord } from "@/lib/field/device-records";
import { fieldSyncItemSchema, registerDeviceSchema, reserveCodesSchema } from "@/lib/field/schemas";
import { syncFieldItemRecord } from "@/lib/field/sync-records";

export const registerFieldDevice = defineAction("field.registerDevice", registerDeviceSchema, registerFieldDeviceRecord);
export const reserveFieldCodes = defineAction("field.reserveCodes", reserveCodesSchema, reserveCodeBlockRecord);
// The device calls this once per queued record, oldest first (lib/field/sync-records.ts).
export const syncFieldItem = defineAction("field.sync", fieldSyncItemSchema, syncFieldItemRecord);
