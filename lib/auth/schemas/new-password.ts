import { z } from "zod";
import { passwordProblem } from "../password-policy";

/** The Validation message of each reason the policy refuses a password. */
export const PASSWORD_PROBLEM_MESSAGES = {
  tooShort: "passwordTooShort",
  tooCommon: "passwordTooCommon",
  containsUsername: "passwordContainsUsername",
} as const;

/** A new password and its confirmation, checked against the policy on both sides of the wire. */
export const newPasswordFields = {
  newPassword: z.string().max(256, { error: "tooLong" }),
  confirmPassword: z.string(),
};

export function checkNewPassword(
  values: { newPassword: string; confirmPassword: string },
  context: z.RefinementCtx,
  username = "",
): void {
  const problem = passwordProblem(values.newPassword, username);
  if (problem) context.addIssue({ code: "custom", path: ["newPassword"], message: PASSWORD_PROBLEM_MESSAGES[problem] });
  if (values.confirmPassword !== values.newPassword) {
    context.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordsDoNotMatch" });
  }
}
