"use server";

import { defineAction } from "@/lib/actions/define-action";
import { saveApprovalPolicy } from "@/lib/approvals/policy";
import { approvalPolicySchema } from "@/lib/approvals/policy-values";
import { saveOfficeContact } from "@/lib/settings/office-contact";
import { officeContactSchema } from "@/lib/settings/office-contact-values";

export const updateOfficeContact = defineAction("settings.updateOfficeContact", officeContactSchema, saveOfficeContact);

export const updateApprovalPolicy = defineAction("settings.updateApprovalPolicy", approvalPolicySchema, saveApprovalPolicy);
