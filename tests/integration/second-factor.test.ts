import "./support/mock-action-request";
import { Secret, TOTP } from "otpauth";
import { beforeEach, expect, it } from "vitest";
import { createUser as createUserAction, resetSecondFactor } from "@/app/[locale]/staff/users/actions";
import { confirmSecondFactor, startSecondFactor } from "@/app/[locale]/staff/account/second-factor/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { getUser } from "@/lib/users/queries";
import { actionRequest, auditEntriesFor, readUser, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser, uniqueSuffix } from "./support/factories";
import { createUserWithPassword, uniqueIpAddress } from "./support/sign-in-users";
import { readAs } from "./support/read-access";

const PASSWORD = "correct horse battery staple";
const STEP_MILLISECONDS = 30_000;
const backends = await testBackends();

/** The code the authenticator app shows, `steps` time steps from now. */
function codeOf(secretText: string, steps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secretText.replace(/\s+/g, "")), timestamp: Date.now() + steps * STEP_MILLISECONDS });
}

describeOnEachBackend(backends, "two-step sign-in with an authenticator code", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  async function enrolledUser() {
    const user = await createUserWithPassword(db(), PASSWORD, { role: "forensic" });
    signInAs(user);
    const started = await startSecondFactor({});
    if (!started.ok) expect.fail(`refused: ${JSON.stringify(started)}`);
    expect(await confirmSecondFactor({ code: codeOf(started.data.secret) })).toEqual({ ok: true, data: null });
    return { user, secret: started.data.secret };
  }

  const signIn = (username: string, code?: string, password = PASSWORD) =>
    authenticate(db(), { username, password, code, ip: uniqueIpAddress(), userAgent: "second-factor test" });

  it("enrolment shows the secret once, as an otpauth address, a key and a QR code, and is switched on only by a right code", async () => {
    const user = await createUserWithPassword(db(), PASSWORD);
    signInAs(user);
    const started = await startSecondFactor({});
    if (!started.ok) expect.fail(`refused: ${JSON.stringify(started)}`);
    expect(started.data.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(started.data.uri).toContain(started.data.secret.replace(/\s+/g, ""));
    expect(started.data.qrCode).toMatch(/^data:image\/png;base64,/);

    const wrong = codeOf(started.data.secret, 10);
    expect(await confirmSecondFactor({ code: wrong })).toMatchObject({ ok: false, fieldErrors: { code: "authenticatorCodeWrong" } });
    expect((await readUser(db(), user.id)).totpEnabledAt).toBeNull();
    expect(await signIn(user.username)).toMatchObject({ kind: "signedIn" });

    expect(await confirmSecondFactor({ code: codeOf(started.data.secret) })).toEqual({ ok: true, data: null });
    expect((await readUser(db(), user.id)).totpEnabledAt).not.toBeNull();
    // Once on, the secret is never handed out again: a new start is refused, and the user pages never carry it.
    expect(await startSecondFactor({})).toMatchObject({ ok: false, message: "Account.secondFactorAlreadyOn" });
    expect(JSON.stringify(await getUser(readAs("admin", "users.manage"), db(), user.id))).not.toContain(started.data.secret.replace(/\s+/g, ""));
    const changes = (await auditEntriesFor(db(), "user", user.id)).map((entry) => entry.action).filter((action) => action.startsWith("user."));
    expect(changes).toEqual(["user.startSecondFactor", "user.enableSecondFactor"]);
  });

  it("once on, sign-in needs the right code besides the password, and a code works only once", async () => {
    const { user, secret } = await enrolledUser();
    expect(await signIn(user.username)).toEqual({ kind: "refused" });
    expect(await signIn(user.username, "000000")).toEqual({ kind: "refused" });
    const next = codeOf(secret, 1);
    expect(await signIn(user.username, next, "a wrong password here")).toEqual({ kind: "refused" });
    expect(await signIn(user.username, next)).toMatchObject({ kind: "signedIn" });
    expect(await signIn(user.username, next)).toEqual({ kind: "refused" });
  });

  it("an administrator resets a lost second factor: audited, the user signed out everywhere, the password alone works again", async () => {
    const { user } = await enrolledUser();
    const admin = signInAs(await createUser(db(), "admin"));
    const before = await readUser(db(), user.id);
    expect(await resetSecondFactor({ userId: user.id, version: before.version })).toMatchObject({ ok: true });
    const after = await readUser(db(), user.id);
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, tokenVersion: before.tokenVersion + 1 });
    expect((await auditEntriesFor(db(), "user", user.id)).at(-1)).toMatchObject({ action: "user.resetSecondFactor", actorId: admin.userId });
    expect(await signIn(user.username)).toMatchObject({ kind: "signedIn" });
  });

  it("with a second factor required and not yet set up, everything but the account's own set-up is refused", async () => {
    const admin = await createUser(db(), "admin");
    actionRequest.session = { ...signInAs(admin), mustEnrolSecondFactor: true };
    const input = { username: `mfa.${uniqueSuffix()}`, displayName: "x", role: "viewer", locale: "ar", newPassword: "a long walk to tarhuna", confirmPassword: "a long walk to tarhuna" };
    expect(await createUserAction(input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await startSecondFactor({})).toMatchObject({ ok: true });
  });
});
