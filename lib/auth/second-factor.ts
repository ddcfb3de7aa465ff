import "server-only";
import { eq, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import type { ConfirmSecondFactorValues } from "./schemas/second-factor";
import { acceptedTotpStep, newTotpSecret, totpUri } from "./totp";

export interface SecondFactorEnrolment {
  /** The otpauth:// address, for apps that take a link or a typed key. */
  uri: string;
  /** The same secret as text, in groups of four, for typing in by hand. */
  secret: string;
  /** The address as a QR code image (a data: URL). */
  qrCode: string;
}

async function ownAccount(context: ActionContext<unknown>) {
  const [user] = await context.tx.select().from(users).where(eq(users.id, context.session.userId)).for("update");
  if (!user) throw new ActionRefusal("notFound", "Actions.signedOut");
  return user;
}

/**
 * A new secret, kept aside until a code from the app proves it was set up. The secret leaves the
 * server only in this answer: once switched on it is never shown again, and a new start replaces it.
 */
export async function startSecondFactorEnrolment(context: ActionContext<Record<string, never>>): Promise<SecondFactorEnrolment> {
  const user = await ownAccount(context);
  if (user.totpEnabledAt) throw new ActionRefusal("refused", "Account.secondFactorAlreadyOn");
  const secret = newTotpSecret();
  await context.tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, user.id));
  await context.audit({ action: "user.startSecondFactor", entity: "user", entityId: user.id });
  const uri = totpUri(secret, user.username);
  return { uri, secret: secret.match(/.{1,4}/g)?.join(" ") ?? secret, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Switches the second factor on once a code of the new secret is right; from then on sign-in asks for one. */
export async function confirmSecondFactorEnrolment(context: ActionContext<ConfirmSecondFactorValues>): Promise<null> {
  const user = await ownAccount(context);
  if (user.totpEnabledAt) throw new ActionRefusal("refused", "Account.secondFactorAlreadyOn");
  if (!user.totpPendingSecret) throw new ActionRefusal("refused", "Account.secondFactorNotStarted");
  const step = acceptedTotpStep(user.totpPendingSecret, user.username, context.input.code);
  if (step === null) throw new ActionRefusal("invalid", "Actions.invalid", { code: "authenticatorCodeWrong" });
  await context.tx
    .update(users)
    .set({
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpEnabledAt: sql`now()`,
      totpLastStep: step,
      version: sql`${users.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await context.audit({ action: "user.enableSecondFactor", entity: "user", entityId: user.id, after: { secondFactor: true } });
  return null;
}
