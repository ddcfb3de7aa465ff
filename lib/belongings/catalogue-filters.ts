import { z } from "zod";
import { single as first } from "@/lib/lists/address-parameter";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "./vocabulary";

/** The catalogue's filters, read from the page's address; an unknown value is no filter. */
export const catalogueFiltersSchema = z.object({
  category: z.enum(BELONGING_CATEGORIES).optional().catch(undefined),
  colour: z.enum(BELONGING_COLOURS).optional().catch(undefined),
  material: z.enum(BELONGING_MATERIALS).optional().catch(undefined),
});

export type CatalogueFilters = z.infer<typeof catalogueFiltersSchema>;

export function readCatalogueFilters(searchParams: Record<string, string | string[] | undefined>): CatalogueFilters {
  return catalogueFiltersSchema.parse({
    category: first(searchParams.category),
    colour: first(searchParams.colour),
    material: first(searchParams.material),
  });
}
