import "server-only";
import { and, asc, eq, exists, inArray, isNull, not, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { effectPhotos, identifications, personalEffects, remains } from "@/db/schema";
import { defineRead } from "@/lib/auth/read-access";
import { IDENTIFIED_STATUSES } from "@/lib/public/identified";
import type { CatalogueFilters } from "./catalogue-filters";
import type { BelongingCategory, BelongingColour, BelongingMaterial } from "./vocabulary";

/** How many items one catalogue page shows; a filter narrows the rest. */
export const CATALOGUE_LIMIT = 200;

/** What a family may see of an item: what it is and what it looks like, nothing that points to a grave. */
export interface FamilyCatalogueItem {
  effectId: string;
  category: BelongingCategory;
  colour: BelongingColour | null;
  material: BelongingMaterial | null;
  description: string;
  photoIds: string[];
}

/** What staff see on top: the body it was found with. */
export interface StaffCatalogueItem extends FamilyCatalogueItem {
  remainsId: string;
  remainsCode: string;
}

/** Live effects of live bodies that no confirmed identification has named yet. */
export function catalogueConditions(filters: CatalogueFilters): SQL[] {
  const identified = exists(
    sql`(select 1 from ${identifications} where ${identifications.remainsId} = ${remains.id} and ${inArray(identifications.status, [...IDENTIFIED_STATUSES])})`,
  );
  return [
    isNull(personalEffects.voidedAt),
    isNull(remains.voidedAt),
    not(identified),
    ...(filters.category ? [eq(personalEffects.category, filters.category)] : []),
    ...(filters.colour ? [eq(personalEffects.colour, filters.colour)] : []),
    ...(filters.material ? [eq(personalEffects.material, filters.material)] : []),
  ];
}

async function photosOf(db: Executor, effectIds: string[]): Promise<Map<string, string[]>> {
  const byEffect = new Map<string, string[]>();
  if (effectIds.length === 0) return byEffect;
  const rows = await db
    .select({ id: effectPhotos.id, effectId: effectPhotos.effectId })
    .from(effectPhotos)
    .where(and(inArray(effectPhotos.effectId, effectIds), isNull(effectPhotos.voidedAt)))
    .orderBy(asc(effectPhotos.createdAt), asc(effectPhotos.id));
  for (const row of rows) byEffect.set(row.effectId, [...(byEffect.get(row.effectId) ?? []), row.id]);
  return byEffect;
}

/**
 * The catalogue as a family sees it. Ordered by category and then by the effect's random id, never
 * by recovery date or code, so the order itself tells nothing about graves.
 */
export async function familyCatalogueQuery(db: Executor, filters: CatalogueFilters): Promise<FamilyCatalogueItem[]> {
  const rows = await db
    .select({
      effectId: personalEffects.id,
      category: personalEffects.category,
      colour: personalEffects.colour,
      material: personalEffects.material,
      description: personalEffects.description,
    })
    .from(personalEffects)
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .where(and(...catalogueConditions(filters)))
    .orderBy(asc(personalEffects.category), asc(personalEffects.id))
    .limit(CATALOGUE_LIMIT);
  const photos = await photosOf(db, rows.map((row) => row.effectId));
  return rows.map((row) => ({ ...row, photoIds: photos.get(row.effectId) ?? [] }));
}

async function staffCatalogueQuery(db: Executor, filters: CatalogueFilters): Promise<StaffCatalogueItem[]> {
  const rows = await db
    .select({
      effectId: personalEffects.id,
      category: personalEffects.category,
      colour: personalEffects.colour,
      material: personalEffects.material,
      description: personalEffects.description,
      remainsId: remains.id,
      remainsCode: remains.code,
    })
    .from(personalEffects)
    .innerJoin(remains, eq(remains.id, personalEffects.remainsId))
    .where(and(...catalogueConditions(filters)))
    .orderBy(asc(personalEffects.category), asc(remains.code), asc(personalEffects.id))
    .limit(CATALOGUE_LIMIT);
  const photos = await photosOf(db, rows.map((row) => row.effectId));
  return rows.map((row) => ({ ...row, photoIds: photos.get(row.effectId) ?? [] }));
}

/** The staff catalogue (with each item's body) and the one shown to a family at the office (without). */
export const getStaffCatalogue = defineRead("belongings.view", staffCatalogueQuery);
export const getViewingCatalogue = defineRead("belongings.view", familyCatalogueQuery);
