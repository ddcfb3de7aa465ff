import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Where a page sends a role without its permission: a plain refusal, not an error. */
async function ForbiddenPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireSignedIn(locale);
  const t = await getTranslations("Staff");
  return (
    <section role="alert" data-testid="forbidden" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-semibold">{t("forbiddenTitle")}</h1>
      <p className="mt-4 text-muted">{t("forbiddenBody")}</p>
      <Link href="/staff" className="mt-6 inline-block text-accent underline">
        {t("backToDashboard")}
      </Link>
    </section>
  );
}

export default withStaffPageMessages("/staff/forbidden", ForbiddenPage);
