import "./support/mock-action-request";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ACTION_PERMISSIONS, type ActionName } from "@/lib/actions/action-permissions";
import type { StaffSession } from "@/lib/auth/current-session";
import { can, ROLES, type Role } from "@/lib/auth/permissions";
import { actionRequest, TEST_REQUEST_METADATA } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { snapshotTablesExceptAuditLog } from "./support/database-snapshot";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { asRegisteredAction, importActionFileExports, type DiscoveredAction } from "./support/server-actions";
import { createStaffSession } from "./support/staff-users";


const backends = await testBackends();
const actionFileExports = await importActionFileExports();
const actions = actionFileExports.flatMap((entry) => asRegisteredAction(entry) ?? []);
const CHANGE_PASSWORD: ActionName = "account.changePassword";

describe("the server actions and the permission table", () => {
  it("finds the actions.ts files under app/", () => {
    expect(new Set(actionFileExports.map((entry) => entry.file)).size).toBeGreaterThan(0);
  });

  for (const entry of actionFileExports) {
    it(`${entry.file} exports ${entry.exportName} as a server action named in ACTION_PERMISSIONS`, () => {
      expect(asRegisteredAction(entry), "an action outside the permission table").not.toBeNull();
    });
  }

  it("exports every action named in ACTION_PERMISSIONS (no stale entry)", () => {
    const exported = new Set(actions.map((action) => action.name));
    const missing = Object.keys(ACTION_PERMISSIONS).filter((name) => !exported.has(name as ActionName));
    expect(missing).toEqual([]);
  });
});

function permissionOf(action: DiscoveredAction) {
  return ACTION_PERMISSIONS[action.name];
}

describeOnEachBackend(backends, "every server action called by every role", (database) => {
  const sessions = new Map<Role, StaffSession>();

  beforeAll(async () => {
    for (const role of ROLES) sessions.set(role, await createStaffSession(database().db, role));
  });

  beforeEach(() => {
    actionRequest.db = database().db;
    actionRequest.session = null;
  });

  function signInAs(role: Role): StaffSession {
    const session = sessions.get(role);
    if (!session) throw new Error(`no ${role} user was created`);
    actionRequest.session = session;
    return session;
  }

  for (const action of actions) describeAction(action);

  function describeAction(action: DiscoveredAction): void {
    describe(`${action.name} (${action.exportName} in ${action.file})`, () => {
      it("refuses an anonymous caller as unauthenticated and writes nothing", async () => {
        const db = database().db;
        const [tablesBefore, lastEntryBefore] = await Promise.all([snapshotTablesExceptAuditLog(db), lastAuditEntryId(db)]);
        expect(await action.call({})).toMatchObject({ ok: false, error: "unauthenticated" });
        expect(await snapshotTablesExceptAuditLog(db)).toEqual(tablesBefore);
        expect(await auditEntriesAfter(db, lastEntryBefore)).toEqual([]);
      });

      const refusedRoles = ROLES.filter((role) => !can(role, permissionOf(action)));
      const permittedRoles = ROLES.filter((role) => can(role, permissionOf(action)));

      it.skipIf(refusedRoles.length === 0).each(refusedRoles)(
        "refuses %s as forbidden, changes nothing and audits the refusal",
        async (role) => {
          const db = database().db;
          const session = signInAs(role);
          const [tablesBefore, lastEntryBefore] = await Promise.all([snapshotTablesExceptAuditLog(db), lastAuditEntryId(db)]);
          expect(await action.call({})).toMatchObject({ ok: false, error: "forbidden" });
          expect(await snapshotTablesExceptAuditLog(db)).toEqual(tablesBefore);
          expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([
            {
              action: "authz.denied",
              entity: "action",
              entityId: action.name,
              actorId: session.userId,
              actorLabel: session.username,
              ip: TEST_REQUEST_METADATA.ip,
              userAgent: TEST_REQUEST_METADATA.userAgent,
            },
          ]);
        },
      );

      it.skipIf(permittedRoles.length === 0).each(permittedRoles)("lets %s past the sign-in and permission checks", async (role) => {
        const db = database().db;
        signInAs(role);
        const lastEntryBefore = await lastAuditEntryId(db);
        const result = await action.call({});
        expect(result.ok ? "ok" : result.error).not.toBe("unauthenticated");
        expect(result.ok ? "ok" : result.error).not.toBe("forbidden");
        const entries = await auditEntriesAfter(db, lastEntryBefore);
        expect(entries.filter((entry) => entry.action === "authz.denied")).toEqual([]);
      });

      it("is granted to at least one role", () => {
        expect(permittedRoles.length).toBeGreaterThan(0);
      });

      const permittedRole = permittedRoles[0];
      if (action.name === CHANGE_PASSWORD) {
        it.skipIf(permittedRole === undefined)("is open to a user who must change their password first", async () => {
          if (!permittedRole) return;
          actionRequest.session = await createStaffSession(database().db, permittedRole, { mustChangePassword: true });
          const result = await action.call({});
          expect(result.ok ? "ok" : result.error).not.toBe("forbidden");
          expect(result.ok ? "ok" : result.error).not.toBe("unauthenticated");
        });
      } else {
        it.skipIf(permittedRole === undefined)(
          "refuses a user who must change their password first, even in a permitted role",
          async () => {
            if (!permittedRole) return;
            const db = database().db;
            const session = await createStaffSession(db, permittedRole, { mustChangePassword: true });
            actionRequest.session = session;
            const [tablesBefore, lastEntryBefore] = await Promise.all([snapshotTablesExceptAuditLog(db), lastAuditEntryId(db)]);
            expect(await action.call({})).toMatchObject({ ok: false, error: "forbidden" });
            expect(await snapshotTablesExceptAuditLog(db)).toEqual(tablesBefore);
            expect(await auditEntriesAfter(db, lastEntryBefore)).toMatchObject([
              { action: "authz.denied", entityId: action.name, actorId: session.userId },
            ]);
          },
        );
      }
    });
  }
});
