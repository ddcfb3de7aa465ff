import { z } from "zod";

/** Six digits from the authenticator app; spaces are allowed, as some apps show "123 456". */
export const authenticatorCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, { error: "authenticatorCodeFormat" });

export const confirmSecondFactorSchema = z.object({ code: authenticatorCode });

export const startSecondFactorSchema = z.object({});

export type ConfirmSecondFactorValues = z.infer<typeof confirmSecondFactorSchema>;
