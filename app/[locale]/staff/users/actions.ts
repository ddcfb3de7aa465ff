"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  changeUserAccountRole,
  createUserAccount,
  resetUserAccountPassword,
  setUserAccountDisabled,
} from "@/lib/users/manage";
import { changeRoleSchema, createUserSchema, resetPasswordSchema, setDisabledSchema } from "@/lib/users/schemas";

export const createUser = defineAction("users.create", createUserSchema, createUserAccount);
export const changeUserRole = defineAction("users.changeRole", changeRoleSchema, changeUserAccountRole);
export const setUserDisabled = defineAction("users.setDisabled", setDisabledSchema, setUserAccountDisabled);
export const resetUserPassword = defineAction("users.resetPassword", resetPasswordSchema, resetUserAccountPassword);
