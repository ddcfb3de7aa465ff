import "server-only";
import { and, count, eq, isNull, min, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, families, policeReports, referenceDonors } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import { cachedForRegistryState } from "@/lib/public/change-keyed-cache";

/** One calendar month of work: reports filed, and families who gave their first reference sample. */
export interface MonthOfActivity {
  /** "2021-03" */
  month: string;
  policeReports: number;
  familiesSampled: number;
}

const monthOf = (column: unknown) => sql<string>`to_char(${column}, 'YYYY-MM')`;

async function reportsPerMonth(db: Executor): Promise<Map<string, number>> {
  const month = monthOf(policeReports.filedOn);
  const rows = await db
    .select({ month, reports: count() })
    .from(policeReports)
    .where(isNull(policeReports.voidedAt))
    .groupBy(month);
  return new Map(rows.map((row) => [row.month, row.reports]));
}

/** A family counts in the month of its first reference sample, so the running total is "families sampled". */
async function familiesFirstSampledPerMonth(db: Executor): Promise<Map<string, number>> {
  const firstSamples = db
    .select({ familyId: referenceDonors.familyId, firstCollectedOn: min(dnaSamples.collectedOn).as("first_collected_on") })
    .from(dnaSamples)
    .innerJoin(referenceDonors, eq(referenceDonors.id, dnaSamples.donorId))
    .innerJoin(families, eq(families.id, referenceDonors.familyId))
    .where(
      and(
        eq(dnaSamples.kind, "reference"),
        isNull(dnaSamples.voidedAt),
        isNull(referenceDonors.voidedAt),
        isNull(families.voidedAt),
      ),
    )
    .groupBy(referenceDonors.familyId)
    .as("first_samples");
  const month = monthOf(firstSamples.firstCollectedOn);
  const rows = await db.select({ month, families: count() }).from(firstSamples).groupBy(month);
  return new Map(rows.map((row) => [row.month, row.families]));
}

/** Every month from the first to the last with any activity, quiet months included as zeros. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year = 0, month = 1] = first.split("-").map(Number);
  const [lastYear = 0, lastMonth = 1] = last.split("-").map(Number);
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    months.push(`${year}-${String(month).padStart(2, "0")}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * Counted once per state of the registry (lib/public/change-keyed-cache.ts: every change to a report,
 * a sample, a donor or a family is an audited change that makes it stale), not on every visit of the
 * dashboard: grouping every live police report by month (~100,000 at scale M) was the dashboard's
 * largest cost to the database (issue 30, point 3).
 */
function getMonthlyActivityQuery(db: Executor): Promise<MonthOfActivity[]> {
  return cachedForRegistryState(db, "dashboard.monthlyActivity", () => countMonthlyActivity(db));
}

async function countMonthlyActivity(db: Executor): Promise<MonthOfActivity[]> {
  const [reports, familiesSampled] = await Promise.all([reportsPerMonth(db), familiesFirstSampledPerMonth(db)]);
  const known = [...reports.keys(), ...familiesSampled.keys()].sort();
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return [];
  return monthsBetween(first, last).map((month) => ({
    month,
    policeReports: reports.get(month) ?? 0,
    familiesSampled: familiesSampled.get(month) ?? 0,
  }));
}

export const getMonthlyActivity = defineRead("dashboard.read", getMonthlyActivityQuery);
