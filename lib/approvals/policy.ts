import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { systemSettings } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { approvalPolicySchema, DEFAULT_APPROVAL_POLICY, type ApprovalPolicy, type ApprovalPolicyValues } from "./policy-values";
import type { SecondPersonAction } from "./second-person-actions";

export const APPROVAL_POLICY_KEY = "approval_policy";

function parseStored(value: unknown): ApprovalPolicy {
  const parsed = approvalPolicySchema.safeParse(value);
  // An unreadable setting falls back to the safe side: a second person for every step.
  return { ...DEFAULT_APPROVAL_POLICY, ...(parsed.success ? parsed.data.required : {}) };
}

export async function getApprovalPolicy(db: Executor): Promise<ApprovalPolicy> {
  const [row] = await db.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, APPROVAL_POLICY_KEY));
  return parseStored(row?.value);
}

export async function needsSecondPerson(db: Executor, action: SecondPersonAction): Promise<boolean> {
  return (await getApprovalPolicy(db))[action];
}

/** An administrator requires or relaxes the second person per step; audited with before and after. */
export async function saveApprovalPolicy({ input, tx, audit }: ActionContext<ApprovalPolicyValues>): Promise<ApprovalPolicy> {
  const [row] = await tx.select({ value: systemSettings.value }).from(systemSettings).where(eq(systemSettings.key, APPROVAL_POLICY_KEY)).for("update");
  const before = parseStored(row?.value);
  const after: ApprovalPolicy = { ...before, ...input.required };
  await tx
    .insert(systemSettings)
    .values({ key: APPROVAL_POLICY_KEY, value: { required: after } })
    .onConflictDoUpdate({ target: systemSettings.key, set: { value: { required: after }, updatedAt: new Date() } });
  await audit({ action: "settings.approvalPolicy.update", entity: "system_setting", entityId: APPROVAL_POLICY_KEY, before, after });
  return after;
}
