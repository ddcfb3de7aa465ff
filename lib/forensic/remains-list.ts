import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { graveSites, personalEffectKind, personalEffects, remains } from "@/db/schema";
import { checkedPosition, keysetOrder, pageOf, type ListPage } from "@/lib/lists/keyset";
import { containsPattern, matchesNormalisedText, TEXT_MATCH_THRESHOLDS } from "@/lib/names/text-search";
import { withTrigramThresholds } from "@/lib/people/trigram";
import type { RemainsFilters } from "./remains-filters";
import { defineRead } from "@/lib/auth/read-access";

export const REMAINS_PAGE_SIZE = 50;
/** How many effects a row of the list names, and how much of each description it shows. */
export const LISTED_EFFECTS = 3;
export const LISTED_DESCRIPTION_LENGTH = 40;

export interface ListedEffect {
  kind: (typeof personalEffectKind.enumValues)[number];
  /** At most LISTED_DESCRIPTION_LENGTH characters of the description; `shortened` when there is more. */
  description: string;
  shortened: boolean;
}

/**
 * A code by any part of it; an effect as the staff search finds a name (normalised, trigram-matched).
 * Each branch of the union can use its own trigram index (remains code, effect description); an OR
 * across the two tables could use neither.
 */
function matchesSearch(search: string): SQL {
  return sql`${remains.id} in (
    select ${remains.id} from ${remains} where ${remains.code} ilike ${containsPattern(search)}
    union
    select ${personalEffects.remainsId} from ${personalEffects}
      where ${matchesNormalisedText(personalEffects.descriptionSearch, search)} and ${personalEffects.voidedAt} is null)`;
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
  // The first few effects, shortened: enough to recognise a lead in the list without opening the body.
  effects: sql<ListedEffect[]>`(select coalesce(json_agg(json_build_object('kind', listed.kind, 'description', listed.description, 'shortened', listed.shortened) order by listed.position), '[]'::json)
    from (select ${personalEffects.kind} as kind, left(${personalEffects.description}, ${LISTED_DESCRIPTION_LENGTH}) as description,
                 length(${personalEffects.description}) > ${LISTED_DESCRIPTION_LENGTH} as shortened,
                 row_number() over (order by ${personalEffects.createdAt}, ${personalEffects.id}) as position
            from ${personalEffects}
           where ${personalEffects.remainsId} = ${remains.id} and ${personalEffects.voidedAt} is null
           order by ${personalEffects.createdAt}, ${personalEffects.id}
           limit ${LISTED_EFFECTS}) listed)`,
};

export type RemainsListEntry = Awaited<ReturnType<typeof getRemainsPageQuery>>["rows"][number];

/**
 * One page of live remains, by keyset (never OFFSET, so page 2,000 costs what page 1 does), with
 * the number of matches and the cursors of the pages either side. A search runs under the
 * free-text trigram thresholds, set for its own transaction.
 */
function getRemainsPageQuery(db: Executor, filters: RemainsFilters) {
  if (!filters.search) return readRemainsPage(db, filters);
  return withTrigramThresholds(db, TEXT_MATCH_THRESHOLDS, (tx) => readRemainsPage(tx, filters));
}

async function readRemainsPage(db: Executor, filters: RemainsFilters) {
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

export const getRemainsPage = defineRead("forensic.read", getRemainsPageQuery);
