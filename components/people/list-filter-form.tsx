import type { Locale } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { inputClassName } from "@/components/forms/field";

/**
 * A staff list's filter. The form posts (app/api/staff/list-filter), which seals the free text, a
 * name perhaps, into the list's address: the filtered list can still be reloaded and paged, but no
 * name is ever in an address, the browser's history or the proxy's log.
 */
export async function ListFilterForm({ locale, list, search, searchExpired, hint, children }: { locale: Locale; list: "families" | "reports"; search?: string; searchExpired?: boolean; hint: string; children?: ReactNode }) {
  const [t, tPeople] = await Promise.all([getTranslations("PeopleEdits"), getTranslations("People")]);
  return (
    <form method="post" action="/api/staff/list-filter" role="search" aria-label={t("filterLabel")} className="flex flex-wrap items-end gap-3 rounded border border-line p-4" data-testid="list-filter">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="list" value={list} />
      <label className="min-w-64 flex-1 space-y-1 text-sm">
        <span className="block font-medium">{t("filterLabel")}</span>
        <input type="search" name="q" dir="auto" maxLength={100} defaultValue={search ?? ""} className={inputClassName} aria-describedby="list-filter-hint" />
        <span id="list-filter-hint" className="block text-muted">{hint}</span>
        {searchExpired && <span role="status" className="block" data-testid="list-filter-expired">{tPeople("searchExpired")}</span>}
      </label>
      {children}
      <button type="submit" className="mb-6 rounded bg-accent px-4 py-2 font-medium text-white">{t("applyFilter")}</button>
      <a href="?" className="mb-6 rounded border border-line px-4 py-2">{t("clearFilter")}</a>
    </form>
  );
}
