import "server-only";
import { and, eq, exists, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, identifications, remains } from "@/db/schema";
import { PIPELINE_STAGES, type PipelineStage } from "./pipeline-stages";
import type { GraveSiteFilter } from "./site-filter";
import { defineRead } from "@/lib/auth/read-access";

export { PIPELINE_STAGES, type PipelineStage };

export type IdentificationPipeline = Record<PipelineStage, number>;

type IdentificationStatus = (typeof identifications.status.enumValues)[number];

/** An identification at a stage has also passed every stage before it; rejected and retracted ones count nowhere. */
const STATUSES_FROM: Record<"proposed" | "confirmed" | "notified" | "returned", IdentificationStatus[]> = {
  proposed: ["proposed", "confirmed", "family_notified", "remains_returned"],
  confirmed: ["confirmed", "family_notified", "remains_returned"],
  notified: ["family_notified", "remains_returned"],
  returned: ["remains_returned"],
};

function hasRemainsSample(db: Executor, profiledOnly: boolean): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(dnaSamples)
      .where(
        and(
          eq(dnaSamples.remainsId, remains.id),
          eq(dnaSamples.kind, "remains"),
          isNull(dnaSamples.voidedAt),
          profiledOnly ? eq(dnaSamples.labStatus, "profiled") : undefined,
        ),
      ),
  );
}

function hasIdentification(db: Executor, statuses: IdentificationStatus[]): SQL {
  return exists(
    db
      .select({ one: sql`1` })
      .from(identifications)
      .where(and(eq(identifications.remainsId, remains.id), inArray(identifications.status, statuses))),
  );
}

const countWhere = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** How many bodies (of one site, or all) have reached each stage; each stage counts bodies, not samples. */
async function getIdentificationPipelineQuery(
  db: Executor,
  site: GraveSiteFilter | null,
): Promise<IdentificationPipeline> {
  const [row] = await db
    .select({
      recovered: sql<number>`count(*)`.mapWith(Number),
      sampled: countWhere(hasRemainsSample(db, false)),
      profiled: countWhere(hasRemainsSample(db, true)),
      proposed: countWhere(hasIdentification(db, STATUSES_FROM.proposed)),
      confirmed: countWhere(hasIdentification(db, STATUSES_FROM.confirmed)),
      notified: countWhere(hasIdentification(db, STATUSES_FROM.notified)),
      returned: countWhere(hasIdentification(db, STATUSES_FROM.returned)),
    })
    .from(remains)
    .where(and(isNull(remains.voidedAt), site ? eq(remains.siteId, site.id) : undefined));
  return row ?? { recovered: 0, sampled: 0, profiled: 0, proposed: 0, confirmed: 0, notified: 0, returned: 0 };
}

export const getIdentificationPipeline = defineRead("dashboard.read", getIdentificationPipelineQuery);
