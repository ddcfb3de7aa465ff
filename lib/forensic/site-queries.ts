import "server-only";
import { and, asc, count, countDistinct, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { graveSites, identifications, remains } from "@/db/schema";
import { IDENTIFIED_STATUSES } from "@/lib/public/identified";
import { defineRead } from "@/lib/auth/read-access";
import { highestReservedRemainsNumber, highestReservedSiteNumber, highestUsedRemainsNumber, highestUsedSiteNumber } from "@/lib/field/code-blocks";
import { remainsCodeOf, siteCodeOf } from "@/lib/field/schemas";

export type GraveSiteRow = typeof graveSites.$inferSelect;
export type GraveSiteListEntry = Awaited<ReturnType<typeof listGraveSitesQuery>>[number];

async function countsBySite(db: Executor) {
  const [recovered, identified] = await Promise.all([
    db.select({ siteId: remains.siteId, total: count() }).from(remains).where(isNull(remains.voidedAt)).groupBy(remains.siteId),
    db
      .select({ siteId: remains.siteId, total: countDistinct(identifications.remainsId) })
      .from(identifications)
      .innerJoin(remains, eq(remains.id, identifications.remainsId))
      .where(and(inArray(identifications.status, [...IDENTIFIED_STATUSES]), isNull(remains.voidedAt)))
      .groupBy(remains.siteId),
  ]);
  return {
    recovered: new Map(recovered.map((row) => [row.siteId, row.total])),
    identified: new Map(identified.map((row) => [row.siteId, row.total])),
  };
}

/** The live sites with their live remains and identified bodies; voided sites and bodies are not counted. */
async function listGraveSitesQuery(db: Executor) {
  const [sites, counts] = await Promise.all([
    db.select().from(graveSites).where(isNull(graveSites.voidedAt)).orderBy(asc(graveSites.code)),
    countsBySite(db),
  ]);
  return sites.map((site) => ({
    ...site,
    remainsCount: counts.recovered.get(site.id) ?? 0,
    identifiedCount: counts.identified.get(site.id) ?? 0,
  }));
}

/** One site, voided or not (a voided record stays readable with its reason); null for an unknown id. */
async function getGraveSiteQuery(db: Executor, siteId: string): Promise<GraveSiteRow | null> {
  if (!z.uuid().safeParse(siteId).success) return null;
  const [site] = await db.select().from(graveSites).where(eq(graveSites.id, siteId));
  return site ?? null;
}

/** The live sites as choices for a filter or a new body's form. */
function graveSiteChoicesQuery(db: Executor) {
  return db
    .select({ id: graveSites.id, code: graveSites.code, nameAr: graveSites.nameAr, nameEn: graveSites.nameEn, discoveredOn: graveSites.discoveredOn })
    .from(graveSites)
    .where(isNull(graveSites.voidedAt))
    .orderBy(asc(graveSites.code));
}

/**
 * The next site code after the highest in use (voided ones included: codes are never reused) and
 * after every number a field device reserved (issue 25), which that device may be using offline.
 */
async function suggestNextSiteCodeQuery(db: Executor): Promise<string> {
  const highest = Math.max(await highestUsedSiteNumber(db), await highestReservedSiteNumber(db));
  return siteCodeOf(highest + 1);
}

/** The next free body code of a site (TRH-GS-03-B017): past voided bodies' codes and field devices' reserved blocks. */
async function suggestNextRemainsCodeQuery(db: Executor, site: { id: string; code: string }): Promise<string> {
  const highest = Math.max(await highestUsedRemainsNumber(db, site.id), await highestReservedRemainsNumber(db, site.id));
  return remainsCodeOf(site.code, highest + 1);
}

export const getGraveSite = defineRead("forensic.read", getGraveSiteQuery);
export const graveSiteChoices = defineRead("forensic.read", graveSiteChoicesQuery);
export const suggestNextRemainsCode = defineRead("forensic.write", suggestNextRemainsCodeQuery);
export const listGraveSites = defineRead("forensic.read", listGraveSitesQuery);
export const suggestNextSiteCode = defineRead("forensic.write", suggestNextSiteCodeQuery);
