import "server-only";
import { and, eq, isNull, max, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fieldCodeBlocks, graveSites, remains } from "@/db/schema";

/** The highest body number reserved by any device at a site (0 when none): online suggestions start past it. */
export async function highestReservedRemainsNumber(db: Executor, siteId: string): Promise<number> {
  const [row] = await db.select({ highest: max(fieldCodeBlocks.lastNumber) }).from(fieldCodeBlocks).where(eq(fieldCodeBlocks.siteId, siteId));
  return row?.highest ?? 0;
}

/** The highest grave-site number reserved by any device (0 when none). */
export async function highestReservedSiteNumber(db: Executor): Promise<number> {
  const [row] = await db.select({ highest: max(fieldCodeBlocks.lastNumber) }).from(fieldCodeBlocks).where(isNull(fieldCodeBlocks.siteId));
  return row?.highest ?? 0;
}

/** The highest body number in use at a site, voided bodies included (codes are never reused). */
export async function highestUsedRemainsNumber(db: Executor, siteId: string): Promise<number> {
  const [row] = await db
    .select({ highest: sql<number | null>`max(substring(${remains.code} from '-B(\\d+)$')::int)` })
    .from(remains)
    .where(eq(remains.siteId, siteId));
  return row?.highest ?? 0;
}

export async function highestUsedSiteNumber(db: Executor): Promise<number> {
  const [row] = await db
    .select({ highest: sql<number | null>`max(substring(${graveSites.code} from '^TRH-GS-(\\d+)$')::int)` })
    .from(graveSites);
  return row?.highest ?? 0;
}

/** The device that reserved a number of this scope, when another device did: its code is not this device's to use. */
export async function reservingDevice(db: Executor, siteId: string | null, number: number): Promise<string | null> {
  const [block] = await db
    .select({ deviceId: fieldCodeBlocks.deviceId })
    .from(fieldCodeBlocks)
    .where(
      and(
        siteId === null ? isNull(fieldCodeBlocks.siteId) : eq(fieldCodeBlocks.siteId, siteId),
        sql`${number} between ${fieldCodeBlocks.firstNumber} and ${fieldCodeBlocks.lastNumber}`,
      ),
    )
    .limit(1);
  return block?.deviceId ?? null;
}
