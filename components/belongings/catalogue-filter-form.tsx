import { getTranslations } from "next-intl/server";
import type { CatalogueFilters } from "@/lib/belongings/catalogue-filters";
import { BELONGING_CATEGORIES, BELONGING_COLOURS, BELONGING_MATERIALS } from "@/lib/belongings/vocabulary";
import { FilterChoice } from "@/components/forms/filter-choice";

/** A plain GET form: the filters live in the address. `keep` carries hidden values across (a warning already read). */
export async function CatalogueFilterForm({ filters, keep = {} }: { filters: CatalogueFilters; keep?: Record<string, string> }) {
  const t = await getTranslations("Belongings");
  return (
    <form method="get" role="search" aria-label={t("filter")} className="grid gap-3 rounded border border-line p-4 sm:grid-cols-4" data-testid="catalogue-filters">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FilterChoice name="category" label={t("category")} value={filters.category} options={[["", t("anyCategory")], ...BELONGING_CATEGORIES.map((value): [string, string] => [value, t(`categories.${value}`)])]} />
      <FilterChoice name="colour" label={t("colour")} value={filters.colour} options={[["", t("anyColour")], ...BELONGING_COLOURS.map((value): [string, string] => [value, t(`colours.${value}`)])]} />
      <FilterChoice name="material" label={t("material")} value={filters.material} options={[["", t("anyMaterial")], ...BELONGING_MATERIALS.map((value): [string, string] => [value, t(`materials.${value}`)])]} />
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white">
          {t("filter")}
        </button>
        <a href={`?${new URLSearchParams(keep).toString()}`} className="rounded border border-line px-4 py-2">
          {t("clearFilters")}
        </a>
      </div>
    </form>
  );
}
