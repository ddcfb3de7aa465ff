import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { graveSites, personalEffects, remains } from "@/db/schema";

/** One body with its site and live personal effects, voided or not; null for an unknown id. */
export async function getRemainsRecord(db: Executor, remainsId: string) {
  if (!z.uuid().safeParse(remainsId).success) return null;
  const [row] = await db
    .select({ remains, site: { id: graveSites.id, code: graveSites.code, nameAr: graveSites.nameAr, nameEn: graveSites.nameEn, discoveredOn: graveSites.discoveredOn } })
    .from(remains)
    .innerJoin(graveSites, eq(graveSites.id, remains.siteId))
    .where(eq(remains.id, remainsId));
  if (!row) return null;
  const effects = await db
    .select({ id: personalEffects.id, kind: personalEffects.kind, description: personalEffects.description })
    .from(personalEffects)
    .where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)))
    .orderBy(asc(personalEffects.createdAt), asc(personalEffects.id));
  return { ...row.remains, site: row.site, effects };
}

export type RemainsRecord = NonNullable<Awaited<ReturnType<typeof getRemainsRecord>>>;

/** The live bodies of one site, for its detail page. */
export function listRemainsOfSite(db: Executor, siteId: string) {
  return db
    .select({ id: remains.id, code: remains.code, recoveredOn: remains.recoveredOn, condition: remains.condition, estimatedSex: remains.estimatedSex })
    .from(remains)
    .where(and(eq(remains.siteId, siteId), isNull(remains.voidedAt)))
    .orderBy(asc(remains.code));
}
