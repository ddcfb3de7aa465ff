import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { liftFamilySignInLock } from "@/app/[locale]/staff/families/[familyId]/actions";
import { families } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { familySignInLock } from "@/lib/family-portal/sign-in-lock";
import { signInFamily } from "@/lib/family-portal/sign-in";
import { actionRequest } from "./support/action-request";
import { auditEntriesAfter, lastAuditEntryId } from "./support/audit-entries";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { familyWithCode } from "./support/family-with-code";
import { uniqueIpAddress } from "./support/sign-in-users";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const WRONG_CODE = "2345-6789-ACEF";

describeOnEachBackend(backends, "a family's sign-in waits on its staff page", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    actionRequest.session = await createStaffSession(db(), "registrar");
  });


  const signsIn = async (reference: string, code: string, ip: string) => (await signInFamily(db(), { reference, code, ip, userAgent: "sign-in-lock-test" })).ok;

  async function keepWaiting(reference: string, ip: string) {
    for (let guess = 0; guess < 5; guess += 1) await signsIn(reference, WRONG_CODE, ip);
  }

  it("shows how many connections wait and until when, and a registrar lifts the waits with an audit entry", async () => {
    const { family, code } = await familyWithCode(db());
    const [first, second] = [uniqueIpAddress(), uniqueIpAddress()];
    expect(await familySignInLock(db(), family.id)).toEqual({ waitingAddresses: 0, waitUntil: null, recentFailures: 0 });
    await keepWaiting(family.reference, first);
    await keepWaiting(family.reference, second);
    const lock = await familySignInLock(db(), family.id);
    expect(lock).toMatchObject({ waitingAddresses: 2, recentFailures: 10 });
    expect(lock.waitUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(await signsIn(family.reference, code, first)).toBe(false);
    const before = await lastAuditEntryId(db());
    expect(await liftFamilySignInLock({ familyId: family.id })).toEqual({ ok: true, data: { lifted: 2 } });
    const [entry, ...others] = await auditEntriesAfter(db(), before);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "family.signInLockLift", entityId: family.id, actorId: actionRequest.session?.userId });
    expect(entry?.before).toMatchObject({ reference: family.reference, waitingAddresses: 2, recentFailures: 10 });
    expect(JSON.stringify(entry)).not.toContain(first);
    expect(await familySignInLock(db(), family.id)).toEqual({ waitingAddresses: 0, waitUntil: null, recentFailures: 0 });
    expect(await signsIn(family.reference, code, first)).toBe(true);
  });

  it.each<Role>(["viewer", "forensic"])("refuses to let %s lift a wait, which stays", async (role) => {
    const { family, code } = await familyWithCode(db());
    const ip = uniqueIpAddress();
    await keepWaiting(family.reference, ip);
    actionRequest.session = await createStaffSession(db(), role);
    expect(await liftFamilySignInLock({ familyId: family.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await familySignInLock(db(), family.id)).waitingAddresses).toBe(1);
    expect(await signsIn(family.reference, code, ip)).toBe(false);
  });

  it("refuses to lift the waits of a voided family", async () => {
    const { family } = await familyWithCode(db());
    await db().update(families).set({ voidedAt: new Date(), voidReason: "خطأ" }).where(eq(families.id, family.id));
    expect(await liftFamilySignInLock({ familyId: family.id })).toMatchObject({ ok: false, error: "notFound" });
  });
});
