import { z } from "zod";
import { libyanLocalTimeToDate } from "../dates";
import { CUSTODY_ACTIONS } from "../vocabulary";
import { choiceOf, optionalText, recordId } from "./fields";

/** The first instant that can be written: timestamps go as ISO text, and PostgreSQL refuses year 0000. */
const FIRST_STORABLE_INSTANT = new Date("0001-01-01T00:00:00Z").getTime();

/**
 * 2024-02-30T25:61 matches the pattern but names no moment; year 0 cannot be stored, and neither can
 * the first two hours of year 1 in Libya, which fall in year 0 in UTC.
 */
function isRealLocalTime(value: string): boolean {
  const [hours, minutes] = [Number(value.slice(11, 13)), Number(value.slice(14, 16))];
  return (
    z.iso.date().safeParse(value.slice(0, 10)).success &&
    hours < 24 &&
    minutes < 60 &&
    libyanLocalTimeToDate(value).getTime() >= FIRST_STORABLE_INSTANT
  );
}

/** Clocks disagree by a little; an event a few minutes "ahead" is still the present. */
const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** A moment that has happened, as Libyan local time from a datetime-local input (2024-05-01T09:30). */
export const pastLibyanLocalTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Forensic.dateTimeFormat" })
  .refine(isRealLocalTime, { error: "Forensic.dateTimeFormat" })
  .refine((value) => libyanLocalTimeToDate(value).getTime() <= Date.now() + CLOCK_TOLERANCE_MS, {
    error: "Forensic.dateInFuture",
  });

export const recordCustodyEventSchema = z
  .object({
    /** Exactly one of the two: a body or a DNA sample. */
    remainsId: recordId.nullable(),
    sampleId: recordId.nullable(),
    action: choiceOf(CUSTODY_ACTIONS),
    fromParty: optionalText(200),
    toParty: optionalText(200),
    place: optionalText(200),
    /** Libyan local time from a datetime-local input, e.g. 2024-05-01T09:30. */
    occurredAt: pastLibyanLocalTime,
    notes: optionalText(2000),
    /** The entry this one corrects: the wrong entry stays, linked to its correction. */
    correctsEventId: recordId.nullable(),
  })
  .superRefine((values, context) => {
    if ((values.remainsId === null) === (values.sampleId === null)) {
      context.addIssue({ code: "custom", path: ["form"], message: "Forensic.custodySubject" });
    }
    if (values.action === "transferred" && values.toParty === "") {
      context.addIssue({ code: "custom", path: ["toParty"], message: "required" });
    }
  });

export type RecordCustodyEventValues = z.infer<typeof recordCustodyEventSchema>;
