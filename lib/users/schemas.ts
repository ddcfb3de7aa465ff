import { z } from "zod";
import { checkNewPassword, newPasswordFields } from "@/lib/auth/schemas/new-password";
import type { Role } from "@/lib/auth/permissions";

export const USER_ROLES = ["admin", "registrar", "forensic", "viewer"] as const satisfies readonly Role[];
export const USER_LOCALES = ["ar", "en"] as const;

const username = z.string().trim().regex(/^[A-Za-z0-9._-]{3,32}$/, { error: "usernameFormat" });
const displayName = z.string().trim().min(1, { error: "required" }).max(120, { error: "tooLong" });
const role = z.enum(USER_ROLES, { error: "invalidChoice" });
const locale = z.enum(USER_LOCALES, { error: "invalidChoice" });
const userId = z.uuid({ error: "invalidChoice" });
/** The row version the form read: an update is refused when someone changed the user since. */
const version = z.int32().positive();

/** Who the new account is; the command line checks these before it asks for the password. */
export const newUserIdentitySchema = z.object({ username, displayName, role, locale });

export const createUserSchema = newUserIdentitySchema
  .extend(newPasswordFields)
  .superRefine((values, context) => checkNewPassword(values, context, values.username));

export const changeRoleSchema = z.object({ userId, role, version });

export const setDisabledSchema = z.object({ userId, disabled: z.boolean(), version });

// The username is not in the form; the server checks that the password does not contain it.
export const resetPasswordSchema = z
  .object({ userId, version, ...newPasswordFields })
  .superRefine((values, context) => checkNewPassword(values, context));

/** Lifting an account's sign-in locks touches no field of the account, so no version is needed. */
export const liftSignInLocksSchema = z.object({ userId });

export const resetSecondFactorSchema = z.object({ userId, version });

export type CreateUserValues = z.infer<typeof createUserSchema>;
export type ChangeRoleValues = z.infer<typeof changeRoleSchema>;
export type SetDisabledValues = z.infer<typeof setDisabledSchema>;
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;
export type LiftSignInLocksValues = z.infer<typeof liftSignInLocksSchema>;
export type ResetSecondFactorValues = z.infer<typeof resetSecondFactorSchema>;
