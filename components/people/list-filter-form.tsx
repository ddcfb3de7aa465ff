import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { inputClassName } from "@/components/forms/field";

/** A plain GET form: the filter lives in the address, so a filtered list can be shared, reloaded and paged. */
export async function ListFilterForm({ search, hint, children }: { search?: string; hint: string; children?: ReactNode }) {
  const t = await getTranslations("PeopleEdits");
  return (
    <form method="get" role="search" aria-label={t("filterLabel")} className="flex flex-wrap items-end gap-3 rounded border border-line p-4" data-testid="list-filter">
      <label className="min-w-64 flex-1 space-y-1 text-sm">
        <span className="block font-medium">{t("filterLabel")}</span>
        <input type="search" name="q" dir="auto" defaultValue={search ?? ""} className={inputClassName} aria-describedby="list-filter-hint" />
        <span id="list-filter-hint" className="block text-muted">{hint}</span>
      </label>
      {children}
      <button type="submit" className="mb-6 rounded bg-accent px-4 py-2 font-medium text-white">{t("applyFilter")}</button>
      <a href="?" className="mb-6 rounded border border-line px-4 py-2">{t("clearFilter")}</a>
    </form>
  );
}
