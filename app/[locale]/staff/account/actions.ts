"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeOwnPassword, changePasswordResult } from "@/lib/auth/change-password";
import { changePasswordSchema } from "@/lib/auth/schemas/change-password";

const changePasswordSteps = defineAction("account.changePassword", changePasswordSchema, changeOwnPassword);

export const changePassword = Object.assign(async (input: unknown) => changePasswordResult(await changePasswordSteps(input)), {
  actionName: changePasswordSteps.actionName,
  inputSchema: changePasswordSteps.inputSchema,
});
