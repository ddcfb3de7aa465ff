import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NewRemainsForm } from "@/components/forensic/remains-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { getGraveSite, graveSiteChoices, suggestNextRemainsCode } from "@/lib/forensic/site-queries";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { createRemains } from "../actions";
import { LtrText } from "@/components/layout/ltr-text";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

interface NewRemainsPageProps {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<{ site?: string }>;
}

async function NewRemainsPage({ params, searchParams }: NewRemainsPageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requirePagePermission(locale, "forensic.write");
  const read = authoriseRead(session, "forensic.read");
  const [{ site: siteId }, db, t] = await Promise.all([searchParams, getDb(), getTranslations("Remains")]);
  const site = siteId ? await getGraveSite(read, db, siteId) : null;
  if (!site || site.voidedAt) {
    const sites = await graveSiteChoices(read, db);
    return (
      <section className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p>{t("chooseSite")}</p>
        <ul className="space-y-1">
          {sites.map((choice) => (
            <li key={choice.id}>
              <Link href={`/staff/remains/new?site=${choice.id}`} className="text-accent underline">
                <LtrText>{choice.code}</LtrText> · {locale === "ar" ? choice.nameAr : choice.nameEn}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const suggestedCode = await suggestNextRemainsCode(authoriseRead(session, "forensic.write"), db, site);
  return (
    <section className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold">
        {t("newTitle")} · <LtrText>{site.code}</LtrText>
      </h1>
      <NewRemainsForm action={createRemains} siteId={site.id} suggestedCode={suggestedCode} />
    </section>
  );
}

export default withStaffPageMessages("/staff/remains/new", NewRemainsPage);
