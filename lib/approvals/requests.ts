import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { approvalRequests } from "@/db/schema";
import { ACTION_PERMISSIONS } from "@/lib/actions/action-permissions";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { recordId } from "@/lib/forensic/schemas/fields";
import { refuseRequestValuesSchema } from "./decision-values";
import { SECOND_PERSON_STEPS } from "./runners";
import { APPROVAL_REQUEST_ENTITY } from "./request-step";
import { isSecondPersonAction } from "./second-person-actions";

export const approveRequestSchema = z.object({ requestId: recordId });
export const refuseRequestSchema = refuseRequestValuesSchema;

async function lockPendingRequest(context: ActionContext<{ requestId: string }>) {
  const { input, session, tx } = context;
  const [request] = await tx.select().from(approvalRequests).where(eq(approvalRequests.id, input.requestId)).for("update");
  if (!request) throw new ActionRefusal("notFound", "Actions.notFound");
  if (request.status !== "pending") throw new ActionRefusal("refused", "Approvals.alreadyDecided");
  if (request.requestedBy === session.userId) throw new ActionRefusal("refused", "Approvals.ownRequest");
  if (!isSecondPersonAction(request.action)) throw new Error(`approval request for an unknown step ${request.action}`);
  // The second person must be allowed to take the step themselves.
  if (!can(session.role, ACTION_PERMISSIONS[request.action])) throw new ActionRefusal("refused", "Approvals.notAllowedToApprove");
  return { ...request, action: request.action };
}

async function decide(context: ActionContext<{ requestId: string }>, status: "approved" | "refused", reason: string | null) {
  const { input, session, tx, audit } = context;
  const decidedAt = new Date();
  await tx
    .update(approvalRequests)
    .set({ status, decidedBy: session.userId, decidedAt, decisionReason: reason })
    .where(and(eq(approvalRequests.id, input.requestId), eq(approvalRequests.status, "pending")));
  await audit({
    action: status === "approved" ? "approval.approved" : "approval.refused",
    entity: APPROVAL_REQUEST_ENTITY,
    entityId: input.requestId,
    before: { status: "pending" },
    after: { status, decidedBy: session.userId, decidedAt: decidedAt.toISOString(), reason },
  });
}

/** The second person approves: the step runs now, as it was asked for, in the same transaction. */
export async function approveSecondPersonRequest(context: ActionContext<z.output<typeof approveRequestSchema>>): Promise<{ requestId: string }> {
  const request = await lockPendingRequest(context);
  const step = SECOND_PERSON_STEPS[request.action];
  const parsed = step.schema.safeParse(request.input);
  if (!parsed.success) throw new ActionRefusal("refused", "Approvals.unreadableRequest");
  await step.run({ ...context, input: parsed.data });
  await decide(context, "approved", null);
  return { requestId: request.id };
}

/** The second person refuses, saying why: nothing else changes. */
export async function refuseSecondPersonRequest(context: ActionContext<z.output<typeof refuseRequestSchema>>): Promise<{ requestId: string }> {
  const request = await lockPendingRequest(context);
  await decide(context, "refused", context.input.reason);
  return { requestId: request.id };
}
