import type { userRole } from "@/db/schema";

export type Role = (typeof userRole.enumValues)[number];

export const ROLES: readonly Role[] = ["admin", "registrar", "forensic", "viewer"];

/**
 * Who may do what, held once (DESIGN.md, "Roles"). Every server action and route handler asks this
 * table through one guard; navigation reads it too, so each role sees only what it may use.
 */
export const PERMISSIONS = {
  "users.manage": ["admin"],
  "audit.read": ["admin"],
  "account.manageOwn": ["admin", "registrar", "forensic", "viewer"],
  "dashboard.read": ["admin", "registrar", "forensic", "viewer"],
  "people.read": ["admin", "registrar", "forensic", "viewer"],
  "people.write": ["admin", "registrar"],
  "contactDetails.read": ["admin", "registrar", "forensic"],
  "familyAccessCode.issue": ["admin", "registrar"],
  "forensic.read": ["admin", "registrar", "forensic", "viewer"],
  "forensic.write": ["admin", "forensic"],
  // Photographs of effects and the Book of Belongings: the staff who show them to families or work
  // on them; a viewer sees no photograph (issue 23).
  "belongings.view": ["admin", "registrar", "forensic"],
  "record.void": ["admin"],
  "dnaProfiles.use": ["forensic"],
  // DNA tables change every likelihood ratio: only forensic staff load and approve them (issue 18.5).
  "alleleFrequencies.manage": ["forensic"],
  "identification.propose": ["forensic"],
  "identification.confirm": ["forensic"],
  "identification.notify": ["admin", "registrar", "forensic"],
  "identification.retract": ["admin", "forensic"],
  "personalData.export": ["admin", "registrar", "forensic"],
  "data.import": ["admin", "registrar"],
  "settings.manage": ["admin"],
  // Approving or refusing another's irreversible step; each request also needs the step's own permission.
  "approvals.decide": ["admin", "registrar", "forensic"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
