import "server-only";
import { and, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families } from "@/db/schema";
import { can, type Role } from "@/lib/auth/permissions";
import { contactDetail } from "./contact-details";
import { keysetOrder, pageOf, parsePagePosition, type ListPage, type PagePosition } from "@/lib/lists/keyset";
import { assertReadAccess, type ReadAccess } from "@/lib/auth/read-access";
import { listSearchFromAddress, type ListSearch } from "@/lib/lists/sealed-filter";

export const FAMILIES_PAGE_SIZE = 50;

export interface FamilyListFilters extends PagePosition, ListSearch {}

/** The filters in the list's address; the free text opens only for the staff member who sealed it (lib/lists/sealed-filter.ts). */
export function parseFamilyListFilters(params: Record<string, string | string[] | undefined>, userId: string): FamilyListFilters {
  return { ...parsePagePosition(params), ...listSearchFromAddress(params, userId) };
}

/** The list's address for these filters: the (sealed) search stays, the page position is replaced. */
export function familyListQuery(filters: FamilyListFilters, position: PagePosition = {}): Record<string, string> {
  return { ...(filters.searchAddress ?? {}), ...(position as Record<string, string>) };
}

function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** A viewer's search never matches on the area they may not see. */
function matchesSearch(search: string, role: Role): SQL | undefined {
  const pattern = containsPattern(search);
  return or(
    sql`${families.reference} ilike ${pattern}`,
    sql`${families.contactName} ilike ${pattern}`,
    can(role, "contactDetails.read") ? sql`${families.area} ilike ${pattern}` : undefined,
  );
}

export const familyListColumns = (role: Role) => ({
  id: families.id,
  reference: families.reference,
  contactName: families.contactName,
  phone: contactDetail(role, families.phone),
  area: contactDetail(role, families.area),
  // Spelt out: in a one-table select drizzle writes ${families.id} as a bare "id", which inside
  // this subquery would name the person's own id.
  missingCount: sql<number>`(select count(*)::int from missing_persons p
    where p.family_id = families.id and p.merged_into_id is null and p.voided_at is null)`,
});

export type FamilyListEntry = Awaited<ReturnType<typeof familiesPageQuery>>["rows"][number];

/** One page of live families, newest reference first, with the number of matches; contact details as the role may see them. */
export async function getFamiliesPage(access: ReadAccess<"people.read">, db: Executor, filters: FamilyListFilters) {
  assertReadAccess(access, "people.read");
  // Contact details follow the session's role, never a role the caller names.
  return familiesPageQuery(db, access.session.role, filters);
}

async function familiesPageQuery(db: Executor, role: Role, filters: FamilyListFilters) {
  const conditions = and(isNull(families.voidedAt), filters.search ? matchesSearch(filters.search, role) : undefined);
  const { boundary, orderBy, backwards } = keysetOrder(families.reference, families.id, filters);
  const [fetched, [total]] = await Promise.all([
    db.select(familyListColumns(role)).from(families).where(and(conditions, boundary)).orderBy(...orderBy).limit(FAMILIES_PAGE_SIZE + 1),
    db.select({ matches: sql<number>`count(*)::int` }).from(families).where(conditions),
  ]);
  const page = pageOf(fetched, FAMILIES_PAGE_SIZE, filters, backwards, (row) => row.reference);
  return { ...page, matches: total?.matches ?? 0 } satisfies ListPage<(typeof fetched)[number]>;
}
