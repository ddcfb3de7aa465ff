"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeOwnPassword } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas/change-password";

export const changePassword = defineAction("account.changePassword", changePasswordSchema, changeOwnPassword);
