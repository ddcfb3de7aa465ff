import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { changePassword } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function ChangePasswordPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requireSignedIn(locale);
  const t = await getTranslations("Account");
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {session.mustChangePassword && (
        <p role="status" className="rounded bg-notice px-3 py-2 text-notice-ink">
          {t("mustChange")}
        </p>
      )}
      <ChangePasswordForm action={changePassword} />
      <p>
        <Link href="/staff/account/second-factor" className="text-accent underline">
          {t("secondFactorLink")}
        </Link>
      </p>
    </section>
  );
}

export default withStaffPageMessages("/staff/account/password", ChangePasswordPage);
