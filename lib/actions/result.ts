/**
 * Why an action did not happen; the form shows `message` and each field's own message.
 * "awaitingApproval": an irreversible step now waits for a second staff member (lib/approvals).
 */
export type ActionError = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "notFound" | "refused" | "awaitingApproval";

export interface ActionFailure {
  ok: false;
  error: ActionError;
  /** A key of the "Actions" message namespace (or a more specific one), never raw text. */
  message: string;
  /** Field name → key of the "Validation" message namespace. */
  fieldErrors?: Record<string, string>;
  /** For a conflict: who saved first, when, and what they saved. */
  conflict?: { changedBy: string; changedAt: string; theirValues: unknown };
}

export type ActionResult<Data = null> = { ok: true; data: Data } | ActionFailure;

/**
 * Thrown inside an action's transaction to refuse cleanly: the transaction rolls back and the caller
 * receives an ActionFailure, not an exception.
 */
export class ActionRefusal extends Error {
  constructor(
    readonly error: Exclude<ActionError, "unauthenticated" | "forbidden" | "awaitingApproval">,
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string>,
    readonly conflict?: ActionFailure["conflict"],
  ) {
    super(messageKey);
    this.name = "ActionRefusal";
  }
}
