import "./support/mock-action-request";
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { isUniqueViolation } from "@/db/unique-violation";
import { verifyPassword } from "@/lib/auth/argon2";
import { changeUserRole, createUser, liftSignInLocks, resetUserPassword, setUserDisabled } from "@/app/[locale]/staff/users/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { signInLockEnds } from "@/lib/users/queries";
import { actionRequest, auditEntriesFor, readUser, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow, uniqueSuffix } from "./support/factories";
import { createUserWithPassword, uniqueIpAddress } from "./support/sign-in-users";
import { readAs } from "./support/read-access";


const TEMPORARY_PASSWORD = "a long walk to tarhuna";
const backends = await testBackends();

function newUserInput(overrides: Record<string, unknown> = {}) {
  return {
    username: `Samira.${uniqueSuffix()}`,
    displayName: "سميرة المبروك",
    role: "registrar",
    locale: "ar",
    newPassword: TEMPORARY_PASSWORD,
    confirmPassword: TEMPORARY_PASSWORD,
    ...overrides,
  };
}

describeOnEachBackend(backends, "user management actions", (database) => {
  const db = () => database().db;
  const countUsersNamed = async (username: string) =>
    (await db().select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()))).length;

  beforeEach(() => {
    actionRequest.db = db();
    actionRequest.session = null;
  });

  it("creates an account that must change its temporary password, audited without the password", async () => {
    const admin = signInAs(await createUserRow(db(), "admin"));
    const input = newUserInput();
    const result = await createUser(input);
    if (!result.ok) expect.fail(`refused: ${JSON.stringify(result)}`);

    const created = await readUser(db(), result.data.userId);
    expect(created).toMatchObject({ username: input.username, role: "registrar", mustChangePassword: true, disabled: false });
    expect(await verifyPassword(created.passwordHash, TEMPORARY_PASSWORD)).toBe(true);
    const [entry, ...others] = await auditEntriesFor(db(), "user", created.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "user.create", actorId: admin.userId, ip: "10.0.0.9" });
    expect(entry?.after).toMatchObject({ role: "registrar", disabled: false, mustChangePassword: true });
    const recorded = JSON.stringify(entry);
    expect(recorded).not.toContain(TEMPORARY_PASSWORD);
    expect(recorded).not.toContain(created.passwordHash);
  });

  it("refuses a username already in use in any letter case, and creates nothing", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const input = newUserInput();
    expect((await createUser(input)).ok).toBe(true);
    const entriesBefore = await db().$count(auditLog);

    const again = await createUser(newUserInput({ username: input.username.toUpperCase() }));
    expect(again).toMatchObject({ ok: false, error: "invalid", fieldErrors: { username: "usernameTaken" } });
    expect(await countUsersNamed(input.username)).toBe(1);
    expect(await db().$count(auditLog)).toBe(entriesBefore);
  });

  it("gives one of two simultaneous creations of the same username the usernameTaken error", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const input = newUserInput();
    const results = await Promise.all([createUser(input), createUser(newUserInput({ username: input.username.toLowerCase() }))]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ fieldErrors: { username: "usernameTaken" } });
    expect(await countUsersNamed(input.username)).toBe(1);
  });

  it("recognises the unique violation of a duplicate username whichever driver reports it", async () => {
    const existing = await createUserRow(db(), "viewer");
    const duplicate = db().insert(users).values({ ...existing, id: undefined, username: existing.username.toUpperCase() });
    expect(await duplicate.then(() => false, isUniqueViolation)).toBe(true);
  });

  it.each([
    ["short", "passwordTooShort"],
    ["password1234", "passwordTooCommon"],
  ])("refuses the weak temporary password %j with its field error", async (password, message) => {
    signInAs(await createUserRow(db(), "admin"));
    const input = newUserInput({ newPassword: password, confirmPassword: password });
    expect(await createUser(input)).toMatchObject({ ok: false, error: "invalid", fieldErrors: { newPassword: message } });
    expect(await countUsersNamed(input.username)).toBe(0);
  });

  it("refuses a temporary password that contains the username", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const username = `nadia${uniqueSuffix()}`;
    const password = `${username} tarhuna`;
    const result = await createUser(newUserInput({ username, newPassword: password, confirmPassword: password }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: "passwordContainsUsername" } });
  });

  it.each(["registrar", "forensic", "viewer"] as const)("forbids a %s to create users, and audits the refusal", async (role) => {
    const caller = signInAs(await createUserRow(db(), role));
    const input = newUserInput();
    expect(await createUser(input)).toEqual({ ok: false, error: "forbidden", message: "Actions.forbidden" });
    expect(await countUsersNamed(input.username)).toBe(0);
    const [denied] = await auditEntriesFor(db(), "action", "users.create").then((entries) =>
      entries.filter((entry) => entry.actorId === caller.userId),
    );
    expect(denied).toMatchObject({ action: "authz.denied", after: { role, permission: "users.manage" } });
  });

  it("forbids an administrator who must still change their own password", async () => {
    const admin = await createUserRow(db(), "admin");
    signInAs({ ...admin, mustChangePassword: true });
    const input = newUserInput();
    expect(await createUser(input)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await countUsersNamed(input.username)).toBe(0);
  });

  it("refuses a role change made on a stale version, changing nothing", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const target = await createUserRow(db(), "viewer");
    await db().update(users).set({ version: target.version + 1 }).where(eq(users.id, target.id));

    const stale = await changeUserRole({ userId: target.id, role: "registrar", version: target.version });
    expect(stale).toMatchObject({ ok: false, error: "conflict", message: "Users.changedBySomeoneElse" });
    expect(await readUser(db(), target.id)).toMatchObject({ role: "viewer", tokenVersion: target.tokenVersion });
    expect(await auditEntriesFor(db(), "user", target.id)).toEqual([]);
  });

  it("changes a role, signing the user out everywhere, with the change audited", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const target = await createUserRow(db(), "viewer");
    const result = await changeUserRole({ userId: target.id, role: "forensic", version: target.version });
    expect(result).toEqual({ ok: true, data: { version: target.version + 1 } });
    expect(await readUser(db(), target.id)).toMatchObject({ role: "forensic", tokenVersion: target.tokenVersion + 1 });
    const [entry] = await auditEntriesFor(db(), "user", target.id);
    expect(entry).toMatchObject({ action: "user.changeRole", before: { role: "viewer" }, after: { role: "forensic" } });
  });

  it("disables a user, moving the token version on so every session ends", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const target = await createUserRow(db(), "registrar");
    expect((await setUserDisabled({ userId: target.id, disabled: true, version: target.version })).ok).toBe(true);
    expect(await readUser(db(), target.id)).toMatchObject({ disabled: true, tokenVersion: target.tokenVersion + 1 });
    const [entry] = await auditEntriesFor(db(), "user", target.id);
    expect(entry).toMatchObject({ action: "user.disable", before: { disabled: false }, after: { disabled: true } });
  });

  it("resets a password to a temporary one the user must change, audited without it", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const target = await createUserRow(db(), "forensic");
    const reset = { userId: target.id, version: target.version, newPassword: TEMPORARY_PASSWORD, confirmPassword: TEMPORARY_PASSWORD };
    expect(await resetUserPassword(reset)).toEqual({ ok: true, data: { version: target.version + 1 } });
    const after = await readUser(db(), target.id);
    expect(after).toMatchObject({ mustChangePassword: true, tokenVersion: target.tokenVersion + 1 });
    expect(await verifyPassword(after.passwordHash, TEMPORARY_PASSWORD)).toBe(true);
    const [entry] = await auditEntriesFor(db(), "user", target.id);
    expect(entry).toMatchObject({ action: "user.resetPassword", before: { mustChangePassword: false }, after: { mustChangePassword: true } });
    expect(JSON.stringify(entry)).not.toContain(TEMPORARY_PASSWORD);
  });

  it("refuses to let an administrator disable or demote themselves", async () => {
    const admin = await createUserRow(db(), "admin");
    signInAs(admin);
    const disable = await setUserDisabled({ userId: admin.id, disabled: true, version: admin.version });
    const demote = await changeUserRole({ userId: admin.id, role: "viewer", version: admin.version });
    for (const result of [disable, demote]) {
      expect(result).toMatchObject({ ok: false, error: "refused", message: "Users.cannotLockOutSelf" });
    }
    expect(await readUser(db(), admin.id)).toMatchObject({ role: "admin", disabled: false, version: admin.version });
  });

  it("never disables or demotes the last enabled administrator", async () => {
    const lastAdmin = await createUserRow(db(), "admin");
    // The test supplies the session, so its caller may act although every other administrator is disabled.
    signInAs(await createUserRow(db(), "admin"));
    await db().update(users).set({ disabled: true }).where(sql`${users.role} = 'admin' and ${users.id} <> ${lastAdmin.id}`);

    const disable = await setUserDisabled({ userId: lastAdmin.id, disabled: true, version: lastAdmin.version });
    const demote = await changeUserRole({ userId: lastAdmin.id, role: "registrar", version: lastAdmin.version });
    for (const result of [disable, demote]) {
      expect(result).toMatchObject({ ok: false, error: "refused", message: "Users.cannotLockOutLastAdmin" });
    }
    expect(await readUser(db(), lastAdmin.id)).toMatchObject({ role: "admin", disabled: false, tokenVersion: lastAdmin.tokenVersion });
    await db().update(users).set({ disabled: false }).where(eq(users.role, "admin"));
  });

  it("refuses a temporary password from the breached-password list, which the form's own rules let through", async () => {
    signInAs(await createUserRow(db(), "admin"));
    const result = await createUser(newUserInput({ newPassword: "leavemealone", confirmPassword: "leavemealone" }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { newPassword: "passwordTooCommon" } });
  });

  it("shows an account's sign-in locks to the administrator, who lifts them with an audited action", async () => {
    const password = "correct horse battery staple";
    const user = await createUserWithPassword(db(), password);
    const ip = uniqueIpAddress();
    const signIn = (guess: string) => authenticate(db(), { username: user.username, password: guess, ip, userAgent: "users test" });
    for (let guess = 0; guess < 6; guess += 1) await signIn(`wrong guess ${guess}`);
    expect(await signIn(password)).toMatchObject({ kind: "throttled" });
    const locks = await signInLockEnds(readAs("admin", "users.manage"), db(), [user.username]);
    expect(locks.get(user.username.toLowerCase())?.getTime()).toBeGreaterThan(Date.now());

    const admin = signInAs(await createUserRow(db(), "admin"));
    expect(await liftSignInLocks({ userId: user.id })).toEqual({ ok: true, data: { lifted: 2 } });
    expect((await signInLockEnds(readAs("admin", "users.manage"), db(), [user.username])).size).toBe(0);
    const entry = (await auditEntriesFor(db(), "user", user.id)).at(-1);
    expect(entry).toMatchObject({ action: "user.liftSignInLocks", actorId: admin.userId });
    expect(JSON.stringify(entry?.before)).toContain("lockedUntil");
    expect(await signIn(password)).toMatchObject({ kind: "signedIn" });
  });
});
