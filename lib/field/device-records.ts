import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { fieldCodeBlocks, fieldDevices, graveSites } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { ActionRefusal } from "@/lib/actions/result";
import type { StaffSession } from "@/lib/auth/current-session";
import {
  highestReservedRemainsNumber,
  highestReservedSiteNumber,
  highestUsedRemainsNumber,
  highestUsedSiteNumber,
} from "./code-blocks";
import type { RegisterDeviceValues, ReserveCodesValues } from "./schemas";

export const FIELD_DEVICE_ENTITY = "field_device";

/** Body codes run to B9999 and site codes to TRH-GS-999 (lib/forensic/schemas). */
const LAST_REMAINS_NUMBER = 9999;
const LAST_SITE_NUMBER = 999;

/** Any fixed number: the lock that serialises site-code reservations (a body block locks its site row). */
const SITE_CODE_LOCK_KEY = 7_310_025;

export async function registerFieldDeviceRecord({ input, session, tx, audit }: ActionContext<RegisterDeviceValues>) {
  const [device] = await tx.insert(fieldDevices).values({ userId: session.userId, label: input.label }).returning();
  if (!device) throw new Error("the device was not registered");
  await audit({ action: "field.registerDevice", entity: FIELD_DEVICE_ENTITY, entityId: device.id, after: { label: device.label, userId: device.userId } });
  return { deviceId: device.id, label: device.label };
}

/** The caller's own live device: a device records for the one staff member who registered it. */
export async function ownDevice(tx: Transaction, session: StaffSession, deviceId: string) {
  const [device] = await tx
    .select()
    .from(fieldDevices)
    .where(and(eq(fieldDevices.id, deviceId), eq(fieldDevices.userId, session.userId), isNull(fieldDevices.revokedAt)));
  if (!device) throw new ActionRefusal("refused", "Field.deviceUnknown");
  return device;
}

/** The next free numbers of a site's bodies, under the site row's lock so two devices queue one after the other. */
async function nextRemainsNumber(tx: Transaction, siteId: string): Promise<{ siteCode: string; next: number }> {
  const [site] = await tx.select({ code: graveSites.code, voidedAt: graveSites.voidedAt }).from(graveSites).where(eq(graveSites.id, siteId)).for("update");
  if (!site || site.voidedAt) throw new ActionRefusal("invalid", "Actions.invalid", { siteId: "Forensic.siteUnknown" });
  const highest = Math.max(await highestUsedRemainsNumber(tx, siteId), await highestReservedRemainsNumber(tx, siteId));
  return { siteCode: site.code, next: highest + 1 };
}

async function nextSiteNumber(tx: Transaction): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SITE_CODE_LOCK_KEY})`);
  return Math.max(await highestUsedSiteNumber(tx), await highestReservedSiteNumber(tx)) + 1;
}

/**
 * Reserves the next `count` body numbers of a site (or site numbers) for one device, past every code
 * in use and every block already reserved: the device suggests codes from it while offline.
 */
export async function reserveCodeBlockRecord({ input, session, tx, audit }: ActionContext<ReserveCodesValues>) {
  await ownDevice(tx, session, input.deviceId);
  const { siteCode, next } = input.siteId ? await nextRemainsNumber(tx, input.siteId) : { siteCode: null, next: await nextSiteNumber(tx) };
  const lastNumber = next + input.count - 1;
  if (lastNumber > (input.siteId ? LAST_REMAINS_NUMBER : LAST_SITE_NUMBER)) throw new ActionRefusal("refused", "Field.codesExhausted");
  const [block] = await tx
    .insert(fieldCodeBlocks)
    .values({ deviceId: input.deviceId, siteId: input.siteId, firstNumber: next, lastNumber })
    .returning();
  if (!block) throw new Error("the code block was not reserved");
  const reserved = { siteId: input.siteId, siteCode, firstNumber: block.firstNumber, lastNumber: block.lastNumber };
  await audit({ action: "field.reserveCodes", entity: FIELD_DEVICE_ENTITY, entityId: input.deviceId, after: reserved });
  return reserved;
}
