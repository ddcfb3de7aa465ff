import { getTranslations } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { REMAINS_SORTS, type RemainsFilters } from "@/lib/forensic/remains-filters";
import { GRAVE_SITE_STATUSES, REMAINS_CONDITIONS, SEXES } from "@/lib/forensic/vocabulary";
import { FilterChoice } from "@/components/forms/filter-choice";

interface FilterFormProps {
  filters: RemainsFilters;
  sites: { id: string; code: string }[];
}

/** A plain GET form: the filters live in the address, so a filtered list can be shared and reloaded. */
export async function RemainsFilterForm({ filters, sites }: FilterFormProps) {
  const [t, forensic, statuses] = await Promise.all([getTranslations("Remains"), getTranslations("Forensic"), getTranslations("SiteStatus")]);
  return (
    <form method="get" role="search" aria-label={t("filters")} className="grid gap-3 rounded border border-line p-4 sm:grid-cols-3 lg:grid-cols-4" data-testid="remains-filters">
      <label className="space-y-1 text-sm sm:col-span-3 lg:col-span-4">
        <span className="block font-medium">{t("search")}</span>
        <input type="search" name="search" defaultValue={filters.search ?? ""} className={inputClassName} />
      </label>
      <FilterChoice name="siteId" label={t("site")} value={filters.siteId} options={[["", t("allSites")], ...sites.map((site): [string, string] => [site.id, site.code])]} />
      <FilterChoice name="siteStatus" label={t("siteStatus")} value={filters.siteStatus} options={[["", t("allStatuses")], ...GRAVE_SITE_STATUSES.map((value): [string, string] => [value, statuses(value)])]} />
      <FilterChoice name="sex" label={t("estimatedSex")} value={filters.sex} options={[["", t("anySex")], ...SEXES.map((value): [string, string] => [value, forensic(`sexes.${value}`)])]} />
      <FilterChoice name="condition" label={t("condition")} value={filters.condition} options={[["", t("anyCondition")], ...REMAINS_CONDITIONS.map((value): [string, string] => [value, forensic(`conditions.${value}`)])]} />
      <FilterChoice name="effects" label={t("effectsFilter")} value={filters.effects} options={[["", t("anyEffects")], ["with", t("withEffects")], ["without", t("withoutEffects")]]} />
      <FilterChoice name="sort" label={t("sort")} value={filters.sort} options={REMAINS_SORTS.map((value): [string, string] => [value, t(`sorts.${value}`)])} />
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white">
          {t("apply")}
        </button>
        <a href="?" className="rounded border border-line px-4 py-2">
          {t("clear")}
        </a>
      </div>
    </form>
  );
}
