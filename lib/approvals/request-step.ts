import "server-only";
import type { Database } from "@/db/client";
import { approvalRequests } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { appendAuditEntry } from "@/lib/audit/append";
import { runTransaction } from "@/lib/audit/run-transaction";
import type { StaffSession } from "@/lib/auth/current-session";
import type { RequestMetadata } from "@/lib/auth/request-metadata";
import { needsSecondPerson } from "./policy";
import type { SecondPersonAction } from "./second-person-actions";
import { SECOND_PERSON_SUBJECTS } from "./subjects";

export const APPROVAL_REQUEST_ENTITY = "approval_request";

/** Thrown to roll back a trial run of the step: it did what it would do, and nothing is kept. */
class TrialRunDone extends Error {}

/**
 * Asks for a second person when the policy requires one for this step; null when it does not (the
 * caller then runs the step itself). The step is first tried and rolled back, so a request that
 * could never be carried out (the body already voided, a site with bodies still on record, a record
 * changed since the form was loaded) is refused now, with the step's own message, not at approval.
 */
export async function requestSecondPersonIfRequired<Input>(
  db: Database,
  action: SecondPersonAction,
  input: Input,
  session: StaffSession,
  metadata: RequestMetadata,
  run: (context: ActionContext<Input>) => Promise<unknown>,
): Promise<{ requestId: string } | null> {
  if (!(await needsSecondPerson(db, action))) return null;
  try {
    await runTransaction(db, async (tx) => {
      await run({ input, session, tx, metadata, audit: (details) => appendAuditEntry(tx, { ...details, actorId: session.userId, actorLabel: session.username, ...metadata }) });
      throw new TrialRunDone();
    });
  } catch (error) {
    if (!(error instanceof TrialRunDone)) throw error;
  }
  const subject = SECOND_PERSON_SUBJECTS[action](input);
  return runTransaction(db, async (tx) => {
    const [request] = await tx
      .insert(approvalRequests)
      .values({ action, input, subjectEntity: subject.entity, subjectId: subject.id, requestedBy: session.userId })
      .returning();
    if (!request) throw new Error("the approval request was not saved");
    await appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: "approval.requested",
      entity: APPROVAL_REQUEST_ENTITY,
      entityId: request.id,
      after: { action, input, subject },
      ...metadata,
    });
    return { requestId: request.id };
  });
}
