"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  closeViewingSchema,
  followUpRecognitionSchema,
  openViewingSchema,
  recordRecognitionSchema,
  setRemoteViewingSchema,
} from "@/lib/belongings/schemas";
import {
  closeViewingRecord,
  followUpRecognitionRecord,
  openViewingRecord,
  recordRecognitionRecord,
  setRemoteViewingRecord,
} from "@/lib/belongings/viewing-records";

export const openViewing = defineAction("belongings.openViewing", openViewingSchema, openViewingRecord);
export const closeViewing = defineAction("belongings.closeViewing", closeViewingSchema, closeViewingRecord);
export const recordRecognition = defineAction("belongings.recordRecognition", recordRecognitionSchema, recordRecognitionRecord);
export const setRemoteViewing = defineAction("belongings.setRemoteViewing", setRemoteViewingSchema, setRemoteViewingRecord);
export const followUpRecognition = defineAction("belongings.followUpRecognition", followUpRecognitionSchema, followUpRecognitionRecord);
