import { notFound } from "next/navigation";
import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { UserAccountForms } from "@/components/users/user-account-forms";
import { UserDetails } from "@/components/users/user-details";
import { requirePageRead } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { FormSection } from "@/components/users/form-section";
import { LiftLocksForm } from "@/components/users/lift-locks-form";
import { formatDateTime } from "@/lib/i18n/format";
import { getUser, userSignInLocks } from "@/lib/users/queries";
import { changeUserRole, liftSignInLocks, resetSecondFactor, resetUserPassword, setUserDisabled } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function UserPage({ params }: { params: Promise<{ locale: Locale; userId: string }> }) {
  const { locale, userId } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "users.manage");
  const { session } = read;
  const db = await getDb();
  const [t, user] = await Promise.all([getTranslations("Users"), getUser(read, db, userId)]);
  if (!user) notFound();
  const locks = (await userSignInLocks(read, db, [user.username])).map((lock) => {
    const time = formatDateTime(locale, lock.lockedUntil);
    return lock.address ? t("lockFromAddress", { address: lock.address, time }) : t("lockEverywhere", { time });
  });
  // Nobody demotes, disables or resets themselves here: the server refuses the first two anyway.
  const ownAccount = user.id === session.userId;
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <Link href="/staff/users" className="text-sm text-accent underline">
        {t("allUsers")}
      </Link>
      <h1 className="text-2xl font-semibold">{user.displayName}</h1>
      <UserDetails user={user} locale={locale} />
      {ownAccount ? (
        <p role="note" className="rounded bg-notice px-3 py-2 text-notice-ink">
          {t("ownAccount")}
        </p>
      ) : (
        <UserAccountForms
          user={{ id: user.id, role: user.role, disabled: user.disabled, version: user.version, secondFactorOn: user.secondFactorSince !== null }}
          changeRole={changeUserRole}
          setDisabled={setUserDisabled}
          resetPassword={resetUserPassword}
          resetSecondFactor={resetSecondFactor}
        />
      )}
      <FormSection id="sign-in-locks" heading={t("locksHeading")} intro={t("locksIntro")}>
        <LiftLocksForm userId={user.id} locks={locks} action={liftSignInLocks} />
      </FormSection>
    </section>
  );
}

export default withStaffPageMessages("/staff/users/[userId]", UserPage);
