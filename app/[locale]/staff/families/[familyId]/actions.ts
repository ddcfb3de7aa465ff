"use server";

import { defineAction } from "@/lib/actions/define-action";
import { issueAccessCode } from "@/lib/family-portal/issue-access-code";
import { issueAccessCodeSchema, liftSignInLockSchema } from "@/lib/family-portal/schemas";
import { liftSignInLock } from "@/lib/family-portal/sign-in-lock";

export const issueFamilyAccessCode = defineAction("families.issueAccessCode", issueAccessCodeSchema, issueAccessCode);

export const liftFamilySignInLock = defineAction("families.liftSignInLock", liftSignInLockSchema, liftSignInLock);
