"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  changeUserAccountRole,
  createUserAccount,
  liftUserSignInLocks,
  resetUserAccountPassword,
  resetUserSecondFactor,
  setUserAccountDisabled,
} from "@/lib/users/manage";
import {
  changeRoleSchema,
  createUserSchema,
  liftSignInLocksSchema,
  resetPasswordSchema,
  resetSecondFactorSchema,
  setDisabledSchema,
} from "@/lib/users/schemas";

export const createUser = defineAction("users.create", createUserSchema, createUserAccount);
export const changeUserRole = defineAction("users.changeRole", changeRoleSchema, changeUserAccountRole);
export const setUserDisabled = defineAction("users.setDisabled", setDisabledSchema, setUserAccountDisabled);
export const resetUserPassword = defineAction("users.resetPassword", resetPasswordSchema, resetUserAccountPassword);
export const liftSignInLocks = defineAction("users.liftSignInLocks", liftSignInLocksSchema, liftUserSignInLocks);
export const resetSecondFactor = defineAction("users.resetSecondFactor", resetSecondFactorSchema, resetUserSecondFactor);
