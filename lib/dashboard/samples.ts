import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, remains } from "@/db/schema";
import { LAB_STATUSES, SAMPLE_KINDS, type LabStatus, type SampleKind } from "@/lib/enum-values";
import type { GraveSiteFilter } from "./site-filter";
import { defineRead } from "@/lib/auth/read-access";

export { LAB_STATUSES, SAMPLE_KINDS, type LabStatus, type SampleKind };

export type SamplesByLabStatus = Record<LabStatus, Record<SampleKind, number>>;

/**
 * DNA samples at each laboratory stage, families' reference samples apart from the bodies'. A site
 * filter keeps only that site's bodies' samples: a family's sample belongs to no site.
 */
async function getSamplesByLabStatusQuery(db: Executor, site: GraveSiteFilter | null): Promise<SamplesByLabStatus> {
  const rows = await db
    .select({ labStatus: dnaSamples.labStatus, kind: dnaSamples.kind, samples: count() })
    .from(dnaSamples)
    .leftJoin(remains, eq(remains.id, dnaSamples.remainsId))
    .where(and(isNull(dnaSamples.voidedAt), site ? eq(remains.siteId, site.id) : undefined))
    .groupBy(dnaSamples.labStatus, dnaSamples.kind);
  const result = Object.fromEntries(
    LAB_STATUSES.map((status) => [status, { reference: 0, remains: 0 }]),
  ) as SamplesByLabStatus;
  for (const row of rows) result[row.labStatus][row.kind] = row.samples;
  return result;
}

export const getSamplesByLabStatus = defineRead("dashboard.read", getSamplesByLabStatusQuery);
