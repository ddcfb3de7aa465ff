import type { Permission } from "@/lib/auth/permissions";

/** Each role sees only the areas its permissions open; the pages check again for themselves. */
export const STAFF_AREAS = [
  { href: "/staff", label: "dashboard", permission: "dashboard.read" },
  { href: "/staff/sites", label: "sites", permission: "forensic.read" },
  { href: "/staff/remains", label: "remains", permission: "forensic.read" },
  { href: "/staff/belongings", label: "belongings", permission: "belongings.view" },
  { href: "/staff/field", label: "field", permission: "forensic.write" },
  { href: "/staff/identifications", label: "identifications", permission: "people.read" },
  { href: "/staff/kinship", label: "kinship", permission: "dnaProfiles.use" },
  { href: "/staff/kinship/frequencies", label: "alleleFrequencies", permission: "alleleFrequencies.manage" },
  { href: "/staff/search", label: "search", permission: "people.read" },
  { href: "/staff/families", label: "families", permission: "people.read" },
  { href: "/staff/reports", label: "reports", permission: "people.read" },
  { href: "/staff/persons/duplicates", label: "duplicates", permission: "people.read" },
  { href: "/staff/online-reports", label: "onlineReports", permission: "people.write" },
  { href: "/staff/approvals", label: "approvals", permission: "approvals.decide" },
  { href: "/staff/import", label: "import", permission: "data.import" },
  { href: "/staff/exports", label: "exports", permission: "personalData.export" },
  { href: "/staff/users", label: "users", permission: "users.manage" },
  { href: "/staff/audit", label: "audit", permission: "audit.read" },
  { href: "/staff/settings", label: "settings", permission: "settings.manage" },
  { href: "/staff/account/password", label: "account", permission: "account.manageOwn" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

/**
 * The area a page belongs to, to mark in the navigation: the longest area path the page's path
 * (without its language) starts with, segment by segment; the dashboard only on itself.
 */
export function currentAreaHref(pathname: string, hrefs: readonly string[]): string | undefined {
  const within = (href: string) => pathname === href || (href !== "/staff" && pathname.startsWith(`${href}/`));
  return hrefs.filter(within).sort((left, right) => right.length - left.length)[0];
}
