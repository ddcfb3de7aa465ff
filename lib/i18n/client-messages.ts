import type { AbstractIntlMessages, Messages } from "next-intl";

export type Namespace = keyof Messages;

/**
 * The messages every page's browser code needs: the error boundary (Errors), the header's sign-out
 * button (Auth) and shared words (Common). The public page and the family portal, read on cheap
 * phones, carry only these; the sign-in page and each staff area add the namespaces their own
 * browser code uses (STAFF_AREA_NAMESPACES), never the whole catalogue.
 */
export const SHELL_NAMESPACES = ["Common", "Errors", "Auth"] as const satisfies readonly Namespace[];

/** What the sign-in form uses on top of the shell. */
export const SIGN_IN_NAMESPACES = ["Actions", "Auth", "Validation"] as const satisfies readonly Namespace[];

/**
 * What the browser code of each staff area (a folder of app/[locale]/staff, given to every page in
 * it by the area's layout) uses on top of the shell: its components' useTranslations namespaces,
 * and where a form translates keys carried as data (zod messages, action results: useMessage)
 * Validation, Actions and the namespaces those keys name. tests/unit/route-messages.test.ts derives
 * this table from the imports and fails when it differs, so a component cannot lose its messages.
 */
export const STAFF_AREA_NAMESPACES = {
  account: ["Account", "Actions", "Validation"],
  approvals: ["Actions", "Approvals", "Forensic", "Identifications", "People", "PeopleEdits", "Validation"],
  audit: [],
  donors: ["Actions", "Forensic", "People", "PeopleEdits", "Settings", "Validation"],
  exports: [],
  field: ["Common", "Actions", "Belongings", "Custody", "Field", "Forensic", "SiteStatus", "Validation"],
  families: ["Common", "Actions", "AmPm", "Belongings", "FamilyPortal", "Forensic", "Pedigree", "People", "PeopleEdits", "Settings", "Users", "Validation"],
  forbidden: [],
  identifications: ["Common", "Actions", "Aftercare", "Audit", "Forensic", "Identifications", "Settings", "Users", "Validation"],
  import: ["Common", "Import", "Users"],
  kinship: ["Common", "Actions", "Identifications", "Kinship", "Validation"],
  "online-reports": ["Actions", "Forensic", "OnlineReport", "People", "Validation"],
  persons: ["Common", "Actions", "AmPm", "Belongings", "Forensic", "Import", "OnlineReport", "People", "PeopleEdits", "Validation"],
  remains: ["Common", "Actions", "AmPm", "Audit", "Belongings", "Custody", "Forensic", "Remains", "SiteStatus", "Validation"],
  belongings: ["Actions", "Belongings", "Forensic", "Validation"],
  reports: ["Common", "Actions", "Audit", "Forensic", "People", "PeopleEdits", "Validation"],
  samples: ["Common", "Actions", "FamilyPortal", "Forensic", "People", "PeopleEdits", "Settings", "Validation"],
  search: ["Actions", "Validation"],
  settings: ["Actions", "Approvals", "Forensic", "Settings", "Validation"],
  sites: ["Common", "Actions", "Audit", "Custody", "Forensic", "GraveSites", "SiteStatus", "Validation"],
  users: ["Actions", "Staff", "Users", "Validation"],
} as const satisfies Record<string, readonly Namespace[]>;

export type StaffArea = keyof typeof STAFF_AREA_NAMESPACES;

export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}
