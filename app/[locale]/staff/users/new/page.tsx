import type { Locale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CreateUserForm } from "@/components/users/create-user-form";
import { requirePagePermission } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { createUser } from "../actions";
import { withStaffPageMessages } from "@/components/i18n/staff-page-messages";

async function NewUserPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePagePermission(locale, "users.manage");
  const t = await getTranslations("Users");
  return (
    <section className="mx-auto max-w-md space-y-6">
      <Link href="/staff/users" className="text-sm text-accent underline">
        {t("allUsers")}
      </Link>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
        <p className="text-muted">{t("newIntro")}</p>
      </header>
      <CreateUserForm action={createUser} />
    </section>
  );
}

export default withStaffPageMessages("/staff/users/new", NewUserPage);
