import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, missingPersons } from "@/db/schema";
import { familyCatalogueQuery, type FamilyCatalogueItem } from "./catalogue";
import type { CatalogueFilters } from "./catalogue-filters";

export interface PortalCatalogue {
  items: FamilyCatalogueItem[];
  persons: { id: string; givenName: string; fatherName: string; grandfatherName: string; familyName: string }[];
}

/**
 * The catalogue for a signed-in family, or null while staff have not switched remote viewing on for
 * it (the default): a family never reaches the pictures on its own.
 */
export async function portalCatalogue(db: Executor, familyId: string, filters: CatalogueFilters): Promise<PortalCatalogue | null> {
  const [family] = await db.select({ remoteViewing: families.remoteViewing }).from(families).where(and(eq(families.id, familyId), isNull(families.voidedAt)));
  if (!family?.remoteViewing) return null;
  const persons = await db
    .select({ id: missingPersons.id, givenName: missingPersons.givenName, fatherName: missingPersons.fatherName, grandfatherName: missingPersons.grandfatherName, familyName: missingPersons.familyName })
    .from(missingPersons)
    .where(and(eq(missingPersons.familyId, familyId), isNull(missingPersons.voidedAt)))
    .orderBy(asc(missingPersons.caseNumber));
  return { items: await familyCatalogueQuery(db, filters), persons };
}

/** Whether the portal shows this family the link to the catalogue. */
export async function familyHasRemoteViewing(db: Executor, familyId: string): Promise<boolean> {
  const [family] = await db.select({ remoteViewing: families.remoteViewing }).from(families).where(eq(families.id, familyId));
  return family?.remoteViewing ?? false;
}
