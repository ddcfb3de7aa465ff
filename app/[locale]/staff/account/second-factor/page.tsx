import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SecondFactorEnrolment } from "@/components/auth/second-factor-enrolment";
import { requireSignedIn } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/i18n/format";
import { getDb } from "@/lib/server/database";
import { getOwnAccount } from "@/lib/users/queries";
import { confirmSecondFactor, startSecondFactor } from "./actions";
import { authoriseRead } from "@/lib/auth/read-access";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

/** Where every staff member switches on the authenticator code, and where REQUIRE_MFA sends those who must. */
async function SecondFactorPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const session = await requireSignedIn(locale);
  const [t, user] = await Promise.all([getTranslations("Account"), getDb().then((db) => getOwnAccount(authoriseRead(session, "account.manageOwn"), db))]);
  return (
    <section className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">{t("secondFactorTitle")}</h1>
      {session.mustEnrolSecondFactor && (
        <p role="status" className="rounded bg-notice px-3 py-2 text-notice-ink">
          {t("secondFactorRequired")}
        </p>
      )}
      <p className="text-muted">{t("secondFactorIntro")}</p>
      {user?.secondFactorSince ? (
        <p data-testid="second-factor-on">{t("secondFactorOn", { since: formatDateTime(locale, user.secondFactorSince) })}</p>
      ) : (
        <>
          <p>{t("secondFactorOff")}</p>
          <SecondFactorEnrolment start={startSecondFactor} confirm={confirmSecondFactor} />
        </>
      )}
    </section>
  );
}

export default withStaffPageMessages("/staff/account/second-factor", SecondFactorPage);
