import { and, count, countDistinct, eq, inArray, isNull, max } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  auditLog,
  dnaSamples,
  families,
  graveSites,
  identifications,
  policeReports,
  referenceDonors,
  remains,
} from "@/db/schema";
import { cachedForRegistryState } from "./change-keyed-cache";
import { IDENTIFIED_STATUSES } from "./identified";
import { isChangeEntry } from "@/lib/audit/read-actions";

/** The headline figures the public sees; every one is counted from the records, never typed in. */
export interface PublicSummary {
  bodiesRecovered: number;
  identified: number;
  familiesSampled: number;
  policeReports: number;
  graveSites: number;
  /** When a case last changed: the time of the newest audit entry. */
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
    .where(and(inArray(identifications.status, [...IDENTIFIED_STATUSES]), isNull(remains.voidedAt)));
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

async function countGraveSites(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(graveSites).where(isNull(graveSites.voidedAt));
  return row?.n ?? 0;
}

/** updatedAt of a registry in which nothing has been recorded yet. */
export const NEVER_CHANGED = new Date(0).toISOString();

async function lastChangedAt(db: Executor): Promise<string> {
  // A read of personal data is audited too, but changes no figure.
  const [row] = await db.select({ at: max(auditLog.occurredAt) }).from(auditLog).where(isChangeEntry());
  return row?.at ? row.at.toISOString() : NEVER_CHANGED;
}

/** The figures for the registry as it stands, counted once per change rather than once per visitor. */
export function getPublicSummary(db: Executor): Promise<PublicSummary> {
  return cachedForRegistryState(db, "summary", () => countPublicSummary(db));
}

async function countPublicSummary(db: Executor): Promise<PublicSummary> {
  const [bodiesRecovered, identified, familiesSampled, reports, sites, updatedAt] = await Promise.all([
    countBodiesRecovered(db),
    countIdentified(db),
    countFamiliesSampled(db),
    countPoliceReports(db),
    countGraveSites(db),
    lastChangedAt(db),
  ]);
  return {
    bodiesRecovered,
    identified,
    familiesSampled,
    policeReports: reports,
    graveSites: sites,
    updatedAt,
  };
}
