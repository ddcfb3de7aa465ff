import type { Permission } from "@/lib/auth/permissions";

/** Each role sees only the areas its permissions open; the pages check again for themselves. */
export const STAFF_AREAS = [
  { href: "/staff", label: "dashboard", permission: "dashboard.read" },
  { href: "/staff/sites", label: "sites", permission: "forensic.read" },
  { href: "/staff/remains", label: "remains", permission: "forensic.read" },
  { href: "/staff/identifications", label: "identifications", permission: "people.read" },
  { href: "/staff/kinship", label: "kinship", permission: "dnaProfiles.use" },
  { href: "/staff/kinship/frequencies", label: "alleleFrequencies", permission: "alleleFrequencies.manage" },
  { href: "/staff/search", label: "search", permission: "people.read" },
  { href: "/staff/families", label: "families", permission: "people.read" },
  { href: "/staff/reports", label: "reports", permission: "people.read" },
  { href: "/staff/persons/duplicates", label: "duplicates", permission: "people.read" },
  { href: "/staff/approvals", label: "approvals", permission: "approvals.decide" },
  { href: "/staff/import", label: "import", permission: "data.import" },
  { href: "/staff/exports", label: "exports", permission: "personalData.export" },
  { href: "/staff/users", label: "users", permission: "users.manage" },
  { href: "/staff/audit", label: "audit", permission: "audit.read" },
  { href: "/staff/settings", label: "settings", permission: "settings.manage" },
  { href: "/staff/account/password", label: "account", permission: "account.manageOwn" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];
