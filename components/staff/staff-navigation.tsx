import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { StaffSession } from "@/lib/auth/current-session";
import { can } from "@/lib/auth/permissions";
import { Link } from "@/lib/i18n/navigation";
import { STAFF_AREAS } from "./staff-areas";

export async function StaffNavigation({ session }: { session: StaffSession }) {
  const t = await getTranslations("Staff");
  const areas = STAFF_AREAS.filter((area) => can(session.role, area.permission));
  return (
    <div className="rounded-lg border border-line bg-accent-soft">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
        <nav aria-label={t("navigation")} data-testid="staff-navigation">
          <ul className="flex flex-wrap gap-4">
            {areas.map((area) => (
              <li key={area.href}>
                <Link href={area.href} className="text-sm font-medium underline-offset-4 hover:underline">
                  {t(area.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-as">
            {t("signedInAs", { name: session.displayName, role: t(`roles.${session.role}`) })}
          </span>
          <SignOutButton />
        </div>
      </div>
    </div>
  );
}
