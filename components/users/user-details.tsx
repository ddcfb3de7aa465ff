import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { UserSummary } from "@/lib/users/queries";

export async function UserDetails({ user, locale }: { user: UserSummary; locale: Locale }) {
  const t = await getTranslations("Users");
  const roles = await getTranslations("Staff.roles");
  const locales = await getTranslations("Users.locales");
  const rows: [label: string, value: React.ReactNode][] = [
    [t("username"), <span key="username" dir="ltr">{user.username}</span>],
    [t("displayName"), user.displayName],
    [t("role"), roles(user.role)],
    [t("status"), user.disabled ? t("disabled") : t("enabled")],
    [t("mustChangePassword"), user.mustChangePassword ? t("yes") : t("no")],
    [t("secondFactor"), user.secondFactorSince ? t("secondFactorSince", { since: formatDateTime(locale, user.secondFactorSince) }) : t("no")],
    [t("locale"), user.locale === "en" ? locales("en") : locales("ar")],
    [t("createdAt"), formatDateTime(locale, user.createdAt)],
    [t("lastChange"), formatDateTime(locale, user.updatedAt)],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded border border-line bg-white p-4" data-testid="user-details">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
