import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { primaryButtonClassName } from "@/components/users/button-class";
import { UserTable } from "@/components/users/user-table";
import { requirePageRead } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/lib/server/database";
import { listUsers, signInLockEnds } from "@/lib/users/queries";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function UsersPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const read = await requirePageRead(locale, "users.manage");
  const db = await getDb();
  const [t, users] = await Promise.all([getTranslations("Users"), listUsers(read, db)]);
  const lockedUntil = await signInLockEnds(read, db, users.map((user) => user.username));
  return (
    <section className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <p className="text-muted">{t("intro")}</p>
        </div>
        <Link href="/staff/users/new" className={primaryButtonClassName}>
          {t("newUser")}
        </Link>
      </header>
      <UserTable users={users} locale={locale} lockedUntil={lockedUntil} />
    </section>
  );
}

export default withStaffPageMessages("/staff/users", UsersPage);
