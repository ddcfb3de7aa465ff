"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordCustodyEventRecord } from "@/lib/forensic/custody-records";
import { createRemainsRecord, updateRemainsRecord } from "@/lib/forensic/remains-records";
import { recordCustodyEventSchema } from "@/lib/forensic/schemas/custody";
import { createRemainsSchema, updateRemainsSchema } from "@/lib/forensic/schemas/remains";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { voidRemainsRecord } from "@/lib/forensic/void-records";
import { savePostmortemRecord } from "@/lib/am-pm/records";
import { postmortemSchema } from "@/lib/am-pm/schemas";

export const createRemains = defineAction("remains.create", createRemainsSchema, createRemainsRecord);
export const updateRemains = defineAction("remains.update", updateRemainsSchema, updateRemainsRecord);
export const voidRemains = defineAction("remains.void", voidRecordSchema, voidRemainsRecord);
// Custody belongs to a body here; the DNA sample pages can call the same action with a sampleId.
export const recordCustodyEvent = defineAction("custody.record", recordCustodyEventSchema, recordCustodyEventRecord);
export const savePostmortem = defineAction("postmortem.save", postmortemSchema, savePostmortemRecord);
