import { z } from "zod";

/** The forms of the Book of Belongings, shared by their pages and actions. Messages are keys. */
const recordId = z.uuid({ error: "invalidChoice" });
const requiredText = (maximum: number) => z.string().trim().min(1, { error: "required" }).max(maximum, { error: "tooLong" });
const optionalText = (maximum: number) => z.string().trim().max(maximum, { error: "tooLong" });

export const openViewingSchema = z.object({ familyId: recordId });
export const closeViewingSchema = z.object({ viewingSessionId: recordId });

/** What the relative said, who they are and for whom: the words of "tentatively recognised by … for …". */
const recognitionFields = {
  effectId: recordId,
  missingPersonId: recordId,
  recognisedBy: requiredText(200),
  words: optionalText(2000),
};

export const recordRecognitionSchema = z.object({ ...recognitionFields, viewingSessionId: recordId });
export const portalRecognitionSchema = z.object(recognitionFields);
export const followUpRecognitionSchema = z.object({ recognitionId: recordId, note: requiredText(1000) });
export const setRemoteViewingSchema = z.object({ familyId: recordId, remoteViewing: z.boolean() });

export type RecordRecognitionValues = z.infer<typeof recordRecognitionSchema>;
export type PortalRecognitionValues = z.infer<typeof portalRecognitionSchema>;
