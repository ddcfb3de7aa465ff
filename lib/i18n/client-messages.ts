import type { AbstractIntlMessages, Messages } from "next-intl";

export type Namespace = keyof Messages;

/**
 * The messages every page's browser code needs: the error boundary (Errors), the header's sign-out
 * button (Auth) and shared words (Common). The public page and the family portal, read on cheap
 * phones, carry only these; the sign-in page and each staff page add the namespaces their own
 * browser code uses (STAFF_PAGE_NAMESPACES), never the whole catalogue.
 */
export const SHELL_NAMESPACES = ["Common", "Errors", "Auth"] as const satisfies readonly Namespace[];

/** What the sign-in form uses on top of the shell. */
export const SIGN_IN_NAMESPACES = ["Actions", "Auth", "Validation"] as const satisfies readonly Namespace[];

/**
 * What the browser code of each staff page uses on top of the shell, by route: its components'
 * useTranslations namespaces, and where a form translates keys carried as data (zod messages, action
 * results: useMessage) Validation, Actions and the namespaces those keys name. Each page hands its
 * own set to the browser (withStaffPageMessages), so a list carries what its search box and filters
 * use and not what the record pages beside it use: a provider's every message is written into the
 * page's HTML, and the families list carried 12 namespaces (64 kB) for the 2 it uses.
 * tests/unit/route-messages.test.ts derives this table from each page's imports and fails when it
 * differs, so a component cannot lose its messages.
 */
export const STAFF_PAGE_NAMESPACES = {
  "/staff/account/password": ["Account", "Actions", "Validation"],
  "/staff/account/second-factor": ["Account", "Actions", "Validation"],
  "/staff/approvals": ["Actions", "Approvals", "Forensic", "Identifications", "People", "PeopleEdits", "Validation"],
  "/staff/audit": [],
  "/staff/belongings/leads": ["Actions", "Belongings", "Forensic", "Validation"],
  "/staff/belongings": ["Actions", "Validation"],
  "/staff/belongings/viewing/[viewingSessionId]": ["Actions", "Belongings", "Forensic", "Validation"],
  "/staff/donors/[donorId]/edit": ["Actions", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/donors/[donorId]/invitation": ["Actions", "Forensic", "People", "PeopleEdits", "Settings", "Validation"],
  "/staff/exports": [],
  "/staff/families/[familyId]/edit": ["Actions", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/families/[familyId]": ["Actions", "AmPm", "Belongings", "Common", "FamilyPortal", "Forensic", "People", "PeopleEdits", "Settings", "Users", "Validation"],
  "/staff/families/[familyId]/pedigree": ["Actions", "Forensic", "Pedigree", "Validation"],
  "/staff/families/new": ["Actions", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/families": ["Actions", "Validation"],
  "/staff/field": ["Actions", "Belongings", "Common", "Custody", "Field", "Forensic", "SiteStatus", "Validation"],
  "/staff/forbidden": [],
  "/staff/identifications/[identificationId]/meetings/[meetingId]": ["Identifications"],
  "/staff/identifications/[identificationId]": ["Actions", "Aftercare", "Audit", "Common", "Forensic", "Identifications", "Settings", "Users", "Validation"],
  "/staff/identifications/new": ["Actions", "Aftercare", "Forensic", "Identifications", "Settings", "Validation"],
  "/staff/identifications": ["Actions", "Validation"],
  "/staff/identifications/verify": ["Actions", "Aftercare", "Forensic", "Identifications", "Settings", "Validation"],
  "/staff/import": ["Common", "Import", "Users"],
  "/staff/kinship/frequencies": ["Actions", "Common", "Kinship", "Validation"],
  "/staff/kinship/leads": [],
  "/staff/kinship": ["Actions", "Common", "Kinship", "Validation"],
  "/staff/kinship/sampling-worklist": ["Actions", "Identifications", "Kinship", "Validation"],
  "/staff/online-reports/[reportId]": ["Actions", "Forensic", "OnlineReport", "People", "Validation"],
  "/staff/online-reports": [],
  "/staff": [],
  "/staff/persons/[personId]/antemortem": ["Actions", "AmPm", "Belongings", "Common", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/persons/[personId]/edit": ["Actions", "AmPm", "Common", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/persons/[personId]": ["Actions", "AmPm", "Forensic", "Import", "OnlineReport", "People", "Validation"],
  "/staff/persons/by-case/[caseNumber]": [],
  "/staff/persons/duplicates": ["Actions", "AmPm", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/remains/[remainsId]/edit": ["Actions", "AmPm", "Belongings", "Common", "Custody", "Forensic", "Remains", "SiteStatus", "Validation"],
  "/staff/remains/[remainsId]": ["Actions", "AmPm", "Audit", "Belongings", "Common", "Custody", "Forensic", "Remains", "SiteStatus", "Validation"],
  "/staff/remains/[remainsId]/postmortem": ["Actions", "AmPm", "Belongings", "Forensic", "Validation"],
  "/staff/remains/new": ["Actions", "AmPm", "Belongings", "Common", "Custody", "Forensic", "Remains", "SiteStatus", "Validation"],
  "/staff/remains": ["Actions", "Forensic", "Validation"],
  "/staff/reports/[reportId]/edit": ["Actions", "Common", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/reports/[reportId]": [],
  "/staff/reports/new": ["Actions", "Common", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/reports": ["Actions", "Validation"],
  "/staff/samples/[sampleId]/edit": ["Actions", "Common", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/samples/[sampleId]": ["Actions", "Common", "FamilyPortal", "Forensic", "People", "PeopleEdits", "Validation"],
  "/staff/samples/[sampleId]/receipt": ["Actions", "Forensic", "People", "PeopleEdits", "Settings", "Validation"],
  "/staff/search": ["Actions", "Validation"],
  "/staff/settings": ["Actions", "Approvals", "Forensic", "Settings", "Validation"],
  "/staff/sites/[siteId]/edit": ["Actions", "Common", "Custody", "Forensic", "GraveSites", "SiteStatus", "Validation"],
  "/staff/sites/[siteId]": ["Actions", "Audit", "Forensic", "Validation"],
  "/staff/sites/new": ["Actions", "Common", "Custody", "Forensic", "GraveSites", "SiteStatus", "Validation"],
  "/staff/sites": [],
  "/staff/users/[userId]": ["Actions", "Staff", "Users", "Validation"],
  "/staff/users/new": ["Actions", "Staff", "Users", "Validation"],
  "/staff/users": [],
} as const satisfies Record<string, readonly Namespace[]>;

export type StaffPageRoute = keyof typeof STAFF_PAGE_NAMESPACES;

export function pickNamespaces(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  return Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}
