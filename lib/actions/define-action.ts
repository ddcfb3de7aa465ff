import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Transaction } from "@/db/client";
import { appendAuditEntry, type AuditEntryInput } from "@/lib/audit/append";
import { getCurrentSession, type StaffSession } from "@/lib/auth/current-session";
import { can } from "@/lib/auth/permissions";
import { currentRequestMetadata, type RequestMetadata } from "@/lib/auth/request-metadata";
import { getDb } from "@/lib/server/database";
import { errorWithoutValues, logger } from "@/lib/server/logger";
import { ACTION_PERMISSIONS, type ActionName } from "./action-permissions";
import { fieldErrorsOf } from "./field-errors";
import { parseActionInput } from "./parse-input";
import { ActionRefusal, type ActionFailure, type ActionResult } from "./result";
import { fieldsWithNullCharacter } from "./unstorable-text";
import { runTransaction } from "@/lib/audit/run-transaction";
import { requestSecondPersonIfRequired } from "@/lib/approvals/request-step";
import { isSecondPersonAction } from "@/lib/approvals/second-person-actions";

type AuditDetails = Omit<AuditEntryInput, "actorId" | "actorLabel" | "ip" | "userAgent">;

export interface ActionContext<Input> {
  input: Input;
  session: StaffSession;
  tx: Transaction;
  metadata: RequestMetadata;
  /** Records the change in the audit chain, inside the action's transaction. */
  audit(details: AuditDetails): Promise<{ id: number; hash: string }>;
}

export type ServerAction<Data> = ((input: unknown) => Promise<ActionResult<Data>>) & {
  actionName: ActionName;
  /** The zod schema the action parses its input with, so tests can feed it hostile input. */
  inputSchema: z.ZodType;
};

function failure(error: ActionFailure["error"], message: string, fieldErrors?: Record<string, string>): ActionFailure {
  return fieldErrors ? { ok: false, error, message, fieldErrors } : { ok: false, error, message };
}

async function auditRefusal(session: StaffSession, metadata: RequestMetadata, name: ActionName): Promise<void> {
  const db = await getDb();
  await runTransaction(db, (tx) =>
    appendAuditEntry(tx, {
      actorId: session.userId,
      actorLabel: session.username,
      action: "authz.denied",
      entity: "action",
      entityId: name,
      after: { role: session.role, permission: ACTION_PERMISSIONS[name] },
      ...metadata,
    }),
  );
}

/**
 * Every server action runs the same steps in the same order, so none can forget one: who are you
 * (session) → may you (permission table) → what did you send (zod) → (an irreversible step: wait for a
 * second person) → do it in one transaction with its audit entry → refresh what changed → a typed result the form can show.
 */
export function defineAction<Schema extends z.ZodType, Data>(
  name: ActionName,
  schema: Schema,
  run: (context: ActionContext<z.output<Schema>>) => Promise<Data>,
): ServerAction<Data> {
  const action = async (input: unknown): Promise<ActionResult<Data>> => {
    const [session, metadata] = await Promise.all([getCurrentSession(), currentRequestMetadata()]);
    if (!session) return failure("unauthenticated", "Actions.signedOut");
    const mustChangeFirst =
      (session.mustChangePassword && name !== "account.changePassword") || (session.mustEnrolSecondFactor && !name.startsWith("account."));
    if (!can(session.role, ACTION_PERMISSIONS[name]) || mustChangeFirst) {
      await auditRefusal(session, metadata, name);
      logger.warn({ event: "action.forbidden", action: name, role: session.role, ip: metadata.ip }, "action refused");
      return failure("forbidden", "Actions.forbidden");
    }
    const unstorable = fieldsWithNullCharacter(input);
    if (unstorable.length > 0) {
      return failure("invalid", "Actions.invalid", Object.fromEntries(unstorable.map((field) => [field, "unstorableCharacter"])));
    }
    const parsed = parseActionInput(schema, input);
    if (!parsed.success) return failure("invalid", "Actions.invalid", fieldErrorsOf(parsed.error));
    try {
      const db = await getDb();
      if (isSecondPersonAction(name)) {
        const request = await requestSecondPersonIfRequired(db, name, parsed.data, session, metadata, run);
        if (request) {
          revalidatePath("/", "layout");
          return failure("awaitingApproval", "Actions.awaitingApproval");
        }
      }
      const data = await runTransaction(db, async (tx) => {
        let audited = 0;
        const result = await run({
          input: parsed.data,
          session,
          tx,
          metadata,
          audit: (details) => {
            audited += 1;
            return appendAuditEntry(tx, { ...details, actorId: session.userId, actorLabel: session.username, ...metadata });
          },
        });
        // Every action changes the record; one that wrote no audit entry is a bug, and rolls back.
        if (audited === 0) throw new Error(`action ${name} completed without an audit entry`);
        return result;
      });
      revalidatePath("/", "layout");
      return { ok: true, data };
    } catch (error) {
      if (error instanceof ActionRefusal) {
        const refused = failure(error.error, error.messageKey, error.fieldErrors);
        return error.conflict ? { ...refused, conflict: error.conflict } : refused;
      }
      logger.error({ event: "action.failed", action: name, ...errorWithoutValues(error) }, "action failed");
      throw error;
    }
  };
  return Object.assign(action, { actionName: name, inputSchema: schema });
}
