import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { StaffSession } from "@/lib/auth/current-session";
import { can } from "@/lib/auth/permissions";
import { STAFF_AREAS } from "./staff-areas";
import { StaffNavigationLinks } from "./staff-navigation-links";

export async function StaffNavigation({ session }: { session: StaffSession }) {
  const t = await getTranslations("Staff");
  const areas = STAFF_AREAS.filter((area) => can(session.role, area.permission));
  return (
    <div className="rounded-lg border border-line bg-accent-soft">
      <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-2">
        <StaffNavigationLinks areas={areas.map((area) => ({ href: area.href, label: t(area.label) }))} label={t("navigation")} menuLabel={t("menu")} />
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
