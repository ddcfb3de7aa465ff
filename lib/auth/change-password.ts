import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal, type ActionResult } from "@/lib/actions/result";
import { hashPassword, verifyPassword } from "./argon2";
import { serverPasswordProblem } from "./breached-passwords";
import type { ChangePasswordValues } from "./schemas/change-password";
import { PASSWORD_PROBLEM_MESSAGES } from "./schemas/new-password";
import { reserveSignInTry, returnSignInTry } from "./sign-in-throttle";

/**
 * What a change-password attempt ended in. A wrong current password is not an exception: the try it
 * used must stay counted (and audited), so the action's transaction commits and the refusal is data.
 */
export type ChangePasswordOutcome = "changed" | "currentPasswordWrong" | "sessionEnded";

/** Ends every session of the account: the next request of each, this one included, signs in again. */
function signOutEverywhere(context: ActionContext<ChangePasswordValues>) {
  return context.tx
    .update(users)
    .set({ tokenVersion: sql`${users.tokenVersion} + 1` })
    .where(eq(users.id, context.session.userId));
}

/**
 * Changes the signed-in user's own password. The current password is a sign-in secret like any other:
 * each wrong one takes a try from the same throttle as signing in (username from this address), so a
 * borrowed session cannot be used to guess it, and once the tries are spent the session ends.
 */
export async function changeOwnPassword(context: ActionContext<ChangePasswordValues>): Promise<ChangePasswordOutcome> {
  const { input, session, tx, audit, metadata } = context;
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for("update");
  if (!user) throw new ActionRefusal("notFound", "Actions.signedOut");
  const reservation = await reserveSignInTry(tx, user.username, metadata.ip);
  const currentRight = reservation.allowed && (await verifyPassword(user.passwordHash, input.currentPassword));
  if (!currentRight) {
    const lastTry = !reservation.allowed || reservation.triesLeft === 0;
    if (lastTry) await signOutEverywhere(context);
    await audit({ action: "user.changePasswordRefused", entity: "user", entityId: user.id, after: { sessionEnded: lastTry } });
    return lastTry ? "sessionEnded" : "currentPasswordWrong";
  }
  const problem = await serverPasswordProblem(input.newPassword, user.username);
  if (problem) throw new ActionRefusal("invalid", "Actions.invalid", { newPassword: PASSWORD_PROBLEM_MESSAGES[problem] });
  await tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      tokenVersion: sql`${users.tokenVersion} + 1`,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await returnSignInTry(tx, user.username, metadata.ip);
  // The hash itself never enters the audit log.
  await audit({ action: "user.changePassword", entity: "user", entityId: user.id });
  return "changed";
}

/** The form's answer: a wrong current password next to its field; a spent last try signs the person out. */
export function changePasswordResult(result: ActionResult<ChangePasswordOutcome>): ActionResult<null> {
  if (!result.ok) return result;
  if (result.data === "currentPasswordWrong") {
    return { ok: false, error: "invalid", message: "Actions.invalid", fieldErrors: { currentPassword: "currentPasswordWrong" } };
  }
  if (result.data === "sessionEnded") return { ok: false, error: "unauthenticated", message: "Account.signedOutAfterFailures" };
  return { ok: true, data: null };
}
