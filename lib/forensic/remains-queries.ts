import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { graveSites, personalEffects, remains } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

/** One body with its site and live personal effects, voided or not; null for an unknown id. */
async function getRemainsRecordQuery(db: Executor, remainsId: string) {
  if (!z.uuid().safeParse(remainsId).success) return null;
  const [row] = await db
    .select({ remains, site: { id: graveSites.id, code: graveSites.code, nameAr: graveSites.nameAr, nameEn: graveSites.nameEn, discoveredOn: graveSites.discoveredOn } })
    .from(remains)
    .innerJoin(graveSites, eq(graveSites.id, remains.siteId))
    .where(eq(remains.id, remainsId));
  if (!row) return null;
  const effects = await db
    .select({
      id: personalEffects.id,
      kind: personalEffects.kind,
      description: personalEffects.description,
      category: personalEffects.category,
      colour: personalEffects.colour,
      material: personalEffects.material,
    })
    .from(personalEffects)
    .where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)))
    .orderBy(asc(personalEffects.createdAt), asc(personalEffects.id));
  return { ...row.remains, site: row.site, effects };
}

export type RemainsRecord = NonNullable<Awaited<ReturnType<typeof getRemainsRecordQuery>>>;

/** The live bodies of one site, for its detail page. */
function listRemainsOfSiteQuery(db: Executor, siteId: string) {
  return db
    .select({ id: remains.id, code: remains.code, recoveredOn: remains.recoveredOn, condition: remains.condition, estimatedSex: remains.estimatedSex })
    .from(remains)
    .where(and(eq(remains.siteId, siteId), isNull(remains.voidedAt)))
    .orderBy(asc(remains.code));
}

export const getRemainsRecord = defineRead("forensic.read", getRemainsRecordQuery);
export const listRemainsOfSite = defineRead("forensic.read", listRemainsOfSiteQuery);
