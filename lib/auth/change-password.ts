import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import { hashPassword, verifyPassword } from "./argon2";
import { passwordProblem } from "./password-policy";
import type { ChangePasswordValues } from "./schemas/change-password";

/**
 * Changes the signed-in user's own password. The token version moves on, so every session of this
 * account, this one included, ends and the new password is needed from now on.
 */
export async function changeOwnPassword({ input, session, tx, audit }: ActionContext<ChangePasswordValues>): Promise<null> {
  const [user] = await tx.select().from(users).where(eq(users.id, session.userId)).for("update");
  if (!user) throw new ActionRefusal("notFound", "Actions.signedOut");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ActionRefusal("invalid", "Actions.invalid", { currentPassword: "currentPasswordWrong" });
  }
  if (passwordProblem(input.newPassword, user.username) === "containsUsername") {
    throw new ActionRefusal("invalid", "Actions.invalid", { newPassword: "passwordContainsUsername" });
  }
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
  // The hash itself never enters the audit log.
  await audit({ action: "user.changePassword", entity: "user", entityId: user.id });
  return null;
}
