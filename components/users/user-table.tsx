import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/format";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { UserSummary } from "@/lib/users/queries";
import { ScrollTable } from "@/components/layout/scroll-table";

interface UserTableProps {
  users: UserSummary[];
  locale: Locale;
  /** The end of the longest sign-in lock in force, by lowercased username. */
  lockedUntil: ReadonlyMap<string, Date>;
}

export async function UserTable({ users, locale, lockedUntil }: UserTableProps) {
  const t = await getTranslations("Users");
  const roles = await getTranslations("Staff.roles");
  if (users.length === 0) return <p className="text-muted" data-testid="users-empty">{t("empty")}</p>;
  const cell = "border-b border-line px-3 py-2 text-start";
  return (
    <ScrollTable label={t("caption")}>
      <table className="w-full border-collapse bg-white text-sm" data-testid="users-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-accent-soft">
          <tr>
            <th scope="col" className={cell}>{t("username")}</th>
            <th scope="col" className={cell}>{t("displayName")}</th>
            <th scope="col" className={cell}>{t("role")}</th>
            <th scope="col" className={cell}>{t("status")}</th>
            <th scope="col" className={cell}>{t("mustChangePassword")}</th>
            <th scope="col" className={cell}>{t("signIn")}</th>
            <th scope="col" className={cell}>{t("lastChange")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className={`${cell} font-normal`}>
                <Link href={`/staff/users/${user.id}`} dir="ltr" className="text-accent underline">
                  {user.username}
                </Link>
              </th>
              <td className={cell}>{user.displayName}</td>
              <td className={cell}>{roles(user.role)}</td>
              <td className={cell}>{user.disabled ? t("disabled") : t("enabled")}</td>
              <td className={cell}>{user.mustChangePassword ? t("yes") : t("no")}</td>
              <td className={cell}>
                <SignInState until={lockedUntil.get(user.username.toLowerCase())} locale={locale} />
              </td>
              <td className={cell}>
                <time dateTime={user.updatedAt.toISOString()}>{formatDateTime(locale, user.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

async function SignInState({ until, locale }: { until: Date | undefined; locale: Locale }) {
  const t = await getTranslations("Users");
  if (!until) return t("signInOpen");
  return (
    <strong className="font-medium text-red-900" data-testid="user-locked">
      {t("lockedUntil", { time: formatDateTime(locale, until) })}
    </strong>
  );
}
