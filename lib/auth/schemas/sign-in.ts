import { z } from "zod";

export const signInSchema = z.object({
  username: z.string().trim().min(1, { error: "required" }).max(64, { error: "tooLong" }),
  password: z.string().min(1, { error: "required" }).max(256, { error: "tooLong" }),
  /** Only accounts that switched two-step sign-in on need it; left empty otherwise. */
  code: z.string().trim().max(16, { error: "tooLong" }),
});

export type SignInValues = z.infer<typeof signInSchema>;

/** Why the last sign-in failed, as the form shows it: the wait is told only for a throttled try. */
export type SignInProblem = { kind: "failed" } | { kind: "callbackUrl" } | { kind: "throttled"; minutes: number };

/** Reads next-auth's error code ("CredentialsSignin", "SignInThrottled:15", "CallbackUrl", …). */
export function signInProblemOf(error: string | null | undefined): SignInProblem | null {
  if (!error) return null;
  const throttled = /^SignInThrottled:(\d{1,4})$/.exec(error);
  if (throttled?.[1]) return { kind: "throttled", minutes: Number(throttled[1]) };
  return error === "CallbackUrl" ? { kind: "callbackUrl" } : { kind: "failed" };
}
