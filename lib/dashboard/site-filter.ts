import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { graveSites } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";

export interface GraveSiteFilter {
  id: string;
  code: string;
}

/** The site a dashboard's ?site=CODE names, or null for all sites (also when the code is unknown). */
async function findGraveSiteFilterQuery(db: Executor, code: string | undefined): Promise<GraveSiteFilter | null> {
  if (!code) return null;
  const [site] = await db
    .select({ id: graveSites.id, code: graveSites.code })
    .from(graveSites)
    .where(and(eq(graveSites.code, code), isNull(graveSites.voidedAt)))
    .limit(1);
  return site ?? null;
}

export const findGraveSiteFilter = defineRead("dashboard.read", findGraveSiteFilterQuery);
