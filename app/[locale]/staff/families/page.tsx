import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ListFilterForm } from "@/components/people/list-filter-form";
import { ListPagination } from "@/components/people/list-pagination";
import { SearchBox } from "@/components/people/search-box";
import { primaryButtonClassName } from "@/components/users/button-class";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { familyListQuery, getFamiliesPage, parseFamilyListFilters } from "@/lib/people/family-list";
import { getDb } from "@/lib/server/database";
import { recordPageRead } from "@/lib/audit/record-read";
import { LtrText } from "@/components/layout/ltr-text";
import { ScrollTable } from "@/components/layout/scroll-table";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface FamiliesPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

async function FamiliesPage({ params, searchParams }: FamiliesPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "people.read");
  const { session } = read;
  const filters = parseFamilyListFilters(await searchParams, session.userId);
  const [t, tEdits, page] = await Promise.all([
    getTranslations("People"),
    getTranslations("PeopleEdits"),
    getDb().then((db) => getFamiliesPage(read, db, filters)),
  ]);
  // One entry for the page: the families whose contact details it shows.
  await recordPageRead(session, "family", page.rows.map((family) => family.id));
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("familiesTitle")}</h1>
          <p className="text-muted">{t("familiesIntro")}</p>
        </div>
        {can(session.role, "people.write") && (
          <Link href="/staff/families/new" className={primaryButtonClassName}>{t("newFamily")}</Link>
        )}
      </header>
      <SearchBox locale={locale} />
      <ListFilterForm locale={locale} list="families" search={filters.search} searchExpired={filters.searchExpired} hint={tEdits("familiesFilterHint")} />
      <p role="status" className="font-medium" data-testid="families-count">{tEdits("familiesCount", { count: page.matches })}</p>
      <ScrollTable label={t("familiesTitle")}>
      <table className="w-full text-start">
        <thead>
          <tr className="border-b border-line text-start">
            <th className="py-2 text-start">{t("reference")}</th>
            <th className="py-2 text-start">{t("contactName")}</th>
            <th className="py-2 text-start">{t("phone")}</th>
            <th className="py-2 text-start">{t("area")}</th>
            <th className="py-2 text-start">{t("missingCount")}</th>
          </tr>
        </thead>
        <tbody data-testid="family-rows">
          {page.rows.map((family) => (
            <tr key={family.id} className="border-b border-line">
              <td className="py-2"><Link href={`/staff/families/${family.id}`} className="text-accent underline"><LtrText>{family.reference}</LtrText></Link></td>
              <td className="py-2">{family.contactName}</td>
              <td className="py-2"><LtrText>{family.phone ?? "—"}</LtrText></td>
              <td className="py-2">{family.area ?? "—"}</td>
              <td className="py-2">{family.missingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollTable>
      {page.rows.length === 0 && <p className="text-muted">{tEdits("noMatches")}</p>}
      <ListPagination pathname="/staff/families" query={familyListQuery(filters)} nextCursor={page.nextCursor} previousCursor={page.previousCursor} />
    </section>
  );
}

export default withStaffPageMessages("/staff/families", FamiliesPage);
