import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { graveSites, personalEffects, remains } from "@/db/schema";
import { checkedPosition, keysetOrder, pageOf, type ListPage } from "@/lib/lists/keyset";
import type { RemainsFilters } from "./remains-filters";

export const REMAINS_PAGE_SIZE = 50;

/** ILIKE treats % and _ as wildcards; a search for "B_01" means those characters literally. */
function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Each branch of the union can use its own trigram index (remains code, effect description); an OR
 * across the two tables could use neither.
 */
function matchesSearch(search: string): SQL {
  const pattern = containsPattern(search);
  return sql`${remains.id} in (
    select ${remains.id} from ${remains} where ${remains.code} ilike ${pattern}
    union
    select ${personalEffects.remainsId} from ${personalEffects}
      where ${personalEffects.description} ilike ${pattern} and ${personalEffects.voidedAt} is null)`;
}

const hasEffects = sql`exists (select 1 from ${personalEffects}
  where ${personalEffects.remainsId} = ${remains.id} and ${personalEffects.voidedAt} is null)`;

function filterConditions(filters: RemainsFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [
    isNull(remains.voidedAt),
    filters.siteId ? eq(remains.siteId, filters.siteId) : undefined,
    filters.siteStatus ? eq(graveSites.status, filters.siteStatus) : undefined,
    filters.sex ? eq(remains.estimatedSex, filters.sex) : undefined,
    filters.condition ? eq(remains.condition, filters.condition) : undefined,
    filters.effects === "with" ? hasEffects : filters.effects === "without" ? sql`not ${hasEffects}` : undefined,
    filters.search ? matchesSearch(filters.search) : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/** The sort column, and the page position with any cursor the column could not compare dropped. */
function ordering(filters: RemainsFilters) {
  const byCode = filters.sort === "code" || filters.sort === "-code";
  const ascending = !filters.sort.startsWith("-");
  const position = checkedPosition(filters, byCode ? z.string() : z.iso.date());
  return { byCode, ascending, position, column: byCode ? remains.code : remains.recoveredOn };
}

const listColumns = {
  id: remains.id,
  code: remains.code,
  recoveredOn: remains.recoveredOn,
  estimatedSex: remains.estimatedSex,
  ageMin: remains.ageMin,
  ageMax: remains.ageMax,
  condition: remains.condition,
  siteId: remains.siteId,
  siteCode: graveSites.code,
  siteStatus: graveSites.status,
  effectsCount: sql<number>`(select count(*)::int from ${personalEffects}
    where ${personalEffects.remainsId} = ${remains.id} and ${personalEffects.voidedAt} is null)`,
};

export type RemainsListEntry = Awaited<ReturnType<typeof getRemainsPage>>["rows"][number];

/**
 * One page of live remains, by keyset (never OFFSET, so page 2,000 costs what page 1 does), with
 * the number of matches and the cursors of the pages either side.
 */
export async function getRemainsPage(db: Executor, filters: RemainsFilters) {
  const conditions = filterConditions(filters);
  const { byCode, ascending, position, column } = ordering(filters);
  const { boundary, orderBy, backwards } = keysetOrder(column, remains.id, position, { ascending });
  const [fetched, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(remains)
      .innerJoin(graveSites, eq(graveSites.id, remains.siteId))
      .where(and(...conditions, boundary))
      .orderBy(...orderBy)
      .limit(REMAINS_PAGE_SIZE + 1),
    db.select({ matches: sql<number>`count(*)::int` }).from(remains).innerJoin(graveSites, eq(graveSites.id, remains.siteId)).where(and(...conditions)),
  ]);
  const page = pageOf(fetched, REMAINS_PAGE_SIZE, position, backwards, (row) => (byCode ? row.code : row.recoveredOn));
  return { ...page, matches: total?.matches ?? 0 } satisfies ListPage<(typeof fetched)[number]>;
}
