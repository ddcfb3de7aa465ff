import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SearchBox } from "@/components/people/search-box";
import { primaryButtonClassName } from "@/components/users/button-class";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { listFamilies } from "@/lib/people/family-queries";
import { getDb } from "@/lib/server/database";

export default async function FamiliesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "people.read");
  const [t, families] = await Promise.all([getTranslations("People"), getDb().then((db) => listFamilies(db, session.role))]);
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
        <tbody>
          {families.map((family) => (
            <tr key={family.id} className="border-b border-line">
              <td className="py-2" dir="ltr"><Link href={`/staff/families/${family.id}`} className="text-accent underline">{family.reference}</Link></td>
              <td className="py-2">{family.contactName}</td>
              <td className="py-2" dir="ltr">{family.phone ?? "—"}</td>
              <td className="py-2">{family.area ?? "—"}</td>
              <td className="py-2">{family.missingCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
