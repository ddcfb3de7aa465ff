import { z } from "zod";
import { todayInLibya } from "../dates";

/** Shared field rules of the forensic forms; messages are keys ("required", or "Forensic.…"). */
export const requiredText = (maximum: number) =>
  z.string().trim().min(1, { error: "required" }).max(maximum, { error: "tooLong" });

export const optionalText = (maximum: number) => z.string().trim().max(maximum, { error: "tooLong" });

export const recordId = z.uuid({ error: "invalidChoice" });

/** The row version the form was loaded with: saving over a newer one is refused (an integer column). */
export const rowVersion = z.int32().positive();

/** A calendar date (YYYY-MM-DD) that has already happened in Libya. */
export const pastDate = z.iso
  .date({ error: "Forensic.dateFormat" })
  // PostgreSQL has no year 0: such a date would fail the insert instead of the form.
  .refine((value) => value >= "0001-01-01", { error: "Forensic.dateFormat" })
  .refine((value) => value <= todayInLibya(), { error: "Forensic.dateInFuture" });

export const choiceOf = <Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: "invalidChoice" });
