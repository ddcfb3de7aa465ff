import { getTranslations } from "next-intl/server";
import { inputClassName } from "@/components/forms/field";
import { primaryButtonClassName } from "@/components/users/button-class";

/**
 * One search box for every staff page: a plain HTML form, so it works before any script loads. It
 * posts, so the names searched for stay out of addresses, history and access logs (app/api/staff/search).
 */
export async function SearchBox({ locale, query = "" }: { locale: string; query?: string }) {
  const t = await getTranslations("People");
  return (
    <form action="/api/staff/search" method="post" role="search" className="flex flex-wrap items-end gap-2" data-testid="staff-search">
      <input type="hidden" name="locale" value={locale} />
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="staff-search-q" className="block font-medium">{t("searchLabel")}</label>
        <input id="staff-search-q" name="q" type="search" dir="auto" defaultValue={query} className={inputClassName} aria-describedby="staff-search-hint" />
        <p id="staff-search-hint" className="text-sm text-muted">{t("searchHint")}</p>
      </div>
      <button type="submit" className={`${primaryButtonClassName} mb-6`}>{t("searchButton")}</button>
    </form>
  );
}
