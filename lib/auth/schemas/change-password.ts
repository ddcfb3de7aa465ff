import { z } from "zod";
import { checkNewPassword, newPasswordFields } from "./new-password";

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "required" }).max(256, { error: "tooLong" }),
    ...newPasswordFields,
  })
  .superRefine((values, context) => {
    checkNewPassword(values, context);
    if (values.newPassword === values.currentPassword) {
      context.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
    }
  });

export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;
