import "server-only";
import type { Locale } from "next-intl";
import { redirect } from "@/lib/i18n/navigation";
import { getCurrentSession, type StaffSession } from "./current-session";
import { can, type Permission } from "./permissions";
import { authoriseRead, type ReadAccess } from "./read-access";

/**
 * The first line of every staff page: signed-out visitors go to the sign-in page, accounts that must
 * change their password or (REQUIRE_MFA=1) set up two-step sign-in go there first, and a role without the permission sees the refusal page.
 * Layouts are not enough (they do not re-run on every navigation), so each page calls this itself.
 */
export async function requirePagePermission(locale: Locale, permission: Permission): Promise<StaffSession> {
  const session = await requireSignedIn(locale);
  if (session.mustChangePassword) return redirect({ href: "/staff/account/password", locale });
  if (session.mustEnrolSecondFactor) return redirect({ href: "/staff/account/second-factor", locale });
  if (!can(session.role, permission)) return redirect({ href: "/staff/forbidden", locale });
  return session;
}

/** Signed in, whatever the role: for the account pages every staff member may use. */
export async function requireSignedIn(locale: Locale): Promise<StaffSession> {
  const session = await getCurrentSession();
  if (!session) return redirect({ href: "/login", locale });
  return session;
}

/** requirePagePermission for a page that reads what the permission guards: the capability its reads take (session included). */
export async function requirePageRead<P extends Permission>(locale: Locale, permission: P): Promise<ReadAccess<P>> {
  return authoriseRead(await requirePagePermission(locale, permission), permission);
}
