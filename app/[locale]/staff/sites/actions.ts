"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createGraveSiteRecord, updateGraveSiteRecord } from "@/lib/forensic/grave-site-records";
import { createGraveSiteSchema, updateGraveSiteSchema } from "@/lib/forensic/schemas/grave-site";
import { voidRecordSchema } from "@/lib/forensic/schemas/void-record";
import { voidGraveSiteRecord } from "@/lib/forensic/void-records";

export const createGraveSite = defineAction("graveSites.create", createGraveSiteSchema, createGraveSiteRecord);
export const updateGraveSite = defineAction("graveSites.update", updateGraveSiteSchema, updateGraveSiteRecord);
export const voidGraveSite = defineAction("graveSites.void", voidRecordSchema, voidGraveSiteRecord);
