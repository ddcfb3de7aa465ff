import { z } from "zod";
import { SECOND_PERSON_ACTIONS, type SecondPersonAction } from "./second-person-actions";

export type ApprovalPolicy = Record<SecondPersonAction, boolean>;

/** Every step needs a second person until an administrator relaxes it. */
export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.fromEntries(SECOND_PERSON_ACTIONS.map((action) => [action, true])) as ApprovalPolicy;

export const approvalPolicySchema = z.object({
  required: z.partialRecord(z.enum(SECOND_PERSON_ACTIONS), z.boolean()),
});

export type ApprovalPolicyValues = z.infer<typeof approvalPolicySchema>;
