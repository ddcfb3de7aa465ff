"use server";

import { defineAction } from "@/lib/actions/define-action";
import { approveRequestSchema, approveSecondPersonRequest, refuseRequestSchema, refuseSecondPersonRequest } from "@/lib/approvals/requests";

export const approveRequest = defineAction("approvals.approve", approveRequestSchema, approveSecondPersonRequest);
export const refuseRequest = defineAction("approvals.refuse", refuseRequestSchema, refuseSecondPersonRequest);
