import "server-only";
import { and, count, countDistinct, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  dnaSamples,
  families,
  identifications,
  policeReports,
  referenceDonors,
  remains,
} from "@/db/schema";
import { cachedForRegistryState } from "./change-keyed-cache";
import { PUBLICLY_IDENTIFIED_STATUSES } from "./identified";
import { NEVER_CHANGED, publishedFiguresChangedAt } from "./published-at";
import { getPublicGraveSites } from "./sites";

export { NEVER_CHANGED };

/** The headline figures the public sees; every one is counted from the records, never typed in. */
export interface PublicSummary {
  bodiesRecovered: number;
  identified: number;
  familiesSampled: number;
  policeReports: number;
  graveSites: number;
  /** When the published answer (these figures or the public site list) last changed. */
  updatedAt: string;
}

async function countBodiesRecovered(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(remains).where(isNull(remains.voidedAt));
  return row?.n ?? 0;
}

async function countIdentified(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(identifications.remainsId) })
    .from(identifications)
    .innerJoin(remains, eq(remains.id, identifications.remainsId))
    .where(and(inArray(identifications.status, [...PUBLICLY_IDENTIFIED_STATUSES]), isNull(remains.voidedAt)));
  return row?.n ?? 0;
}

async function countFamiliesSampled(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(families.id) })
    .from(families)
    .innerJoin(referenceDonors, eq(referenceDonors.familyId, families.id))
    .innerJoin(dnaSamples, eq(dnaSamples.donorId, referenceDonors.id))
    .where(
      and(
        isNull(families.voidedAt),
        isNull(referenceDonors.voidedAt),
        isNull(dnaSamples.voidedAt),
        eq(dnaSamples.kind, "reference"),
      ),
    );
  return row?.n ?? 0;
}

async function countPoliceReports(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(policeReports).where(isNull(policeReports.voidedAt));
  return row?.n ?? 0;
}


/** The figures for the registry as it stands, counted once per change rather than once per visitor. */
export function getPublicSummary(db: Executor): Promise<PublicSummary> {
  return cachedForRegistryState(db, "summary", () => countPublicSummary(db));
}

async function countPublicSummary(db: Executor): Promise<PublicSummary> {
  const [bodiesRecovered, identified, familiesSampled, policeReports, publicSites] = await Promise.all([
    countBodiesRecovered(db),
    countIdentified(db),
    countFamiliesSampled(db),
    countPoliceReports(db),
    getPublicGraveSites(db),
  ]);
  // Only the sites staff have made public are counted, as only they are on the map.
  const figures = { bodiesRecovered, identified, familiesSampled, policeReports, graveSites: publicSites.length };
  return { ...figures, updatedAt: await publishedFiguresChangedAt(db, { figures, publicSites }) };
}
