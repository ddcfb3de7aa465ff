"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addFollowUpSchema, completeFollowUpSchema, issueDocumentSchema, remainsHandoverSchema } from "@/lib/aftercare/aftercare-values";
import { issueDocumentRecord } from "@/lib/aftercare/documents";
import { addFollowUpRecord, completeFollowUpRecord } from "@/lib/aftercare/follow-ups";
import { recordRemainsHandover } from "@/lib/aftercare/handover";
import { recordNotificationMeeting } from "@/lib/identifications/meetings";
import { notificationMeetingSchema } from "@/lib/identifications/meeting-values";
import { proposeIdentificationRecord } from "@/lib/identifications/propose";
import {
  confirmIdentificationSchema,
  proposeIdentificationSchema,
  reasonedStepSchema,
  recordNotificationSchema,
  recordReturnSchema,
} from "@/lib/identifications/schemas";
import {
  confirmIdentificationRecord,
  recordNotificationRecord,
  recordReturnRecord,
  rejectIdentificationRecord,
  retractIdentificationRecord,
} from "@/lib/identifications/transitions";

export const proposeIdentification = defineAction("identifications.propose", proposeIdentificationSchema, proposeIdentificationRecord);
export const confirmIdentification = defineAction("identifications.confirm", confirmIdentificationSchema, confirmIdentificationRecord);
export const rejectIdentification = defineAction("identifications.reject", reasonedStepSchema, rejectIdentificationRecord);
export const retractIdentification = defineAction("identifications.retract", reasonedStepSchema, retractIdentificationRecord);
export const recordNotification = defineAction("identifications.recordNotification", recordNotificationSchema, recordNotificationRecord);
export const recordReturn = defineAction("identifications.recordReturn", recordReturnSchema, recordReturnRecord);
export const recordMeeting = defineAction("identifications.recordMeeting", notificationMeetingSchema, recordNotificationMeeting);
export const recordHandover = defineAction("identifications.recordHandover", remainsHandoverSchema, recordRemainsHandover);
export const issueDocument = defineAction("identifications.issueDocument", issueDocumentSchema, issueDocumentRecord);
export const addFollowUp = defineAction("identifications.addFollowUp", addFollowUpSchema, addFollowUpRecord);
export const completeFollowUp = defineAction("identifications.completeFollowUp", completeFollowUpSchema, completeFollowUpRecord);
