import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { policeReportCategory, policeReports } from "@/db/schema";
import { single } from "@/lib/lists/address-parameter";
import { checkedPosition, keysetOrder, pageOf, parsePagePosition, type ListPage, type PagePosition } from "@/lib/lists/keyset";
import { matchesNormalisedText, TEXT_MATCH_THRESHOLDS } from "@/lib/names/text-search";
import { prefixPattern, withTrigramThresholds } from "./trigram";
import { defineRead } from "@/lib/auth/read-access";
import { listSearchFromAddress, type ListSearch } from "@/lib/lists/sealed-filter";
import { cachedForRegistryState } from "@/lib/public/change-keyed-cache";

export const REPORTS_PAGE_SIZE = 50;

export interface ReportListFilters extends PagePosition, ListSearch {
  category?: (typeof policeReportCategory.enumValues)[number];
}

/** The filters in the list's address; the free text opens only for the staff member who sealed it (lib/lists/sealed-filter.ts). */
export function parseReportListFilters(params: Record<string, string | string[] | undefined>, userId: string): ReportListFilters {
  const category = z.enum(policeReportCategory.enumValues).safeParse(single(params.category));
  return {
    ...parsePagePosition(params),
    ...listSearchFromAddress(params, userId),
    ...(category.success ? { category: category.data } : {}),
  };
}

/** The list's address for these filters: the (sealed) search and the category stay, the page position is replaced. */
export function reportListQuery(filters: ReportListFilters, position: PagePosition = {}): Record<string, string> {
  return {
    ...(filters.searchAddress ?? {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(position as Record<string, string>),
  };
}

/**
 * A report number from its start (the way it is quoted), or the reporter's name as the staff search
 * finds a name: normalised ("احمد" finds "أحمد"), any part of it, or trigram-alike.
 */
function matchesSearch(search: string) {
  return or(sql`${policeReports.reportNumber} like ${prefixPattern(search)}`, matchesNormalisedText(policeReports.reporterNameSearch, search));
}

const reportColumns = {
  id: policeReports.id,
  station: policeReports.station,
  reportNumber: policeReports.reportNumber,
  filedOn: policeReports.filedOn,
  reporterName: policeReports.reporterName,
  category: policeReports.category,
  personCount: sql<number>`(select count(*)::int from police_report_persons rp where rp.report_id = police_reports.id)`,
};

/**
 * One page of live police reports, latest filed first, with the number of matches; a search runs
 * under the free-text trigram thresholds. Unfiltered, the number of matches is every live report:
 * counted once per state of the registry (every change to a report is an audited change that makes
 * it stale, lib/public/change-keyed-cache.ts) instead of scanning all of them on every visit
 * (~100,000 at scale M: the list page's largest cost to the database, issue 30 point 3).
 */
function getReportsPageQuery(db: Executor, filters: ReportListFilters) {
  if (!filters.search) return readReportsPage(db, filters);
  return withTrigramThresholds(db, TEXT_MATCH_THRESHOLDS, (tx) => readReportsPage(tx, filters));
}

async function readReportsPage(db: Executor, filters: ReportListFilters) {
  const conditions = and(
    isNull(policeReports.voidedAt),
    filters.category ? eq(policeReports.category, filters.category) : undefined,
    filters.search ? matchesSearch(filters.search) : undefined,
  );
  // A hand-edited cursor whose date the column cannot compare shows the first page, not an error.
  const position = checkedPosition(filters, z.iso.date());
  const { boundary, orderBy, backwards } = keysetOrder(policeReports.filedOn, policeReports.id, position);
  const countMatches = async () => (await db.select({ matches: sql<number>`count(*)::int` }).from(policeReports).where(conditions))[0]?.matches ?? 0;
  const [fetched, matches] = await Promise.all([
    db.select(reportColumns).from(policeReports).where(and(conditions, boundary)).orderBy(...orderBy).limit(REPORTS_PAGE_SIZE + 1),
    filters.search || filters.category ? countMatches() : cachedForRegistryState(db, "policeReports.live", countMatches),
  ]);
  const page = pageOf(fetched, REPORTS_PAGE_SIZE, position, backwards, (row) => row.filedOn);
  return { ...page, matches } satisfies ListPage<(typeof fetched)[number]>;
}

export const getReportsPage = defineRead("people.read", getReportsPageQuery);
