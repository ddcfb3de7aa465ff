import "./support/mock-action-request";
import { beforeEach, expect, it } from "vitest";
import { changePassword } from "@/app/[locale]/staff/account/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { actionRequest, readUser, signInAs, TEST_REQUEST_METADATA } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUserWithPassword, uniqueIpAddress } from "./support/sign-in-users";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a quiet evening in misrata";
const backends = await testBackends();

function change(currentPassword: string) {
  return changePassword({ currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
}

describeOnEachBackend(backends, "changing one's own password", (database) => {
  const db = () => database().db;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it("counts wrong current passwords like failed sign-ins and ends the session after the fifth", async () => {
    const user = await createUserWithPassword(db(), PASSWORD);
    signInAs(user);
    for (let wrong = 1; wrong <= 4; wrong += 1) {
      expect(await change(`wrong guess number ${wrong}`)).toMatchObject({ ok: false, fieldErrors: { currentPassword: "currentPasswordWrong" } });
      expect((await readUser(db(), user.id)).tokenVersion).toBe(user.tokenVersion);
    }
    expect(await change("wrong guess number 5")).toMatchObject({ ok: false, error: "unauthenticated", message: "Account.signedOutAfterFailures" });
    // A new token version ends every session of the account at its next request.
    expect((await readUser(db(), user.id)).tokenVersion).toBe(user.tokenVersion + 1);

    // Signing in again from the same address waits for the lock, as after five wrong sign-ins.
    const again = { username: user.username, password: PASSWORD, ...TEST_REQUEST_METADATA };
    expect(await authenticate(db(), again)).toMatchObject({ kind: "throttled" });
    expect(await authenticate(db(), { ...again, ip: uniqueIpAddress() })).toMatchObject({ kind: "signedIn" });
  });

  it("the right current password changes it and gives the earlier wrong tries back", async () => {
    const user = await createUserWithPassword(db(), PASSWORD);
    signInAs(user);
    for (let wrong = 1; wrong <= 3; wrong += 1) expect((await change(`wrong guess ${wrong}`)).ok).toBe(false);
    expect(await change(PASSWORD)).toEqual({ ok: true, data: null });
    const again = { username: user.username, password: NEW_PASSWORD, ...TEST_REQUEST_METADATA };
    expect(await authenticate(db(), again)).toMatchObject({ kind: "signedIn" });
  });

  it("refuses a new password found in the breached-password list", async () => {
    const user = await createUserWithPassword(db(), PASSWORD);
    signInAs(user);
    const breached = "leavemealone";
    expect(await changePassword({ currentPassword: PASSWORD, newPassword: breached, confirmPassword: breached })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: "passwordTooCommon" },
    });
  });
});
