import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { GraveSiteTable } from "@/components/forensic/grave-site-table";
import { primaryButtonClassName } from "@/components/users/button-class";
import { requirePageRead } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { listGraveSites } from "@/lib/forensic/site-queries";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function GraveSitesPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "forensic.read");
  const { session } = read;
  const [t, sites] = await Promise.all([getTranslations("GraveSites"), getDb().then((db) => listGraveSites(read, db))]);
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
        </div>
        {can(session.role, "forensic.write") && (
          <Link href="/staff/sites/new" className={primaryButtonClassName} data-testid="new-site">
            {t("newSite")}
          </Link>
        )}
      </header>
      <GraveSiteTable sites={sites} locale={locale} />
    </section>
  );
}

export default withStaffPageMessages("/staff/sites", GraveSitesPage);
