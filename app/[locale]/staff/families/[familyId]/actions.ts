"use server";

import { defineAction } from "@/lib/actions/define-action";
import { issueAccessCode } from "@/lib/family-portal/issue-access-code";
import { issueAccessCodeSchema } from "@/lib/family-portal/schemas";

export const issueFamilyAccessCode = defineAction("families.issueAccessCode", issueAccessCodeSchema, issueAccessCode);
