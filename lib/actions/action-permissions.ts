import type { Permission } from "@/lib/auth/permissions";

/**
 * Every server action by name, with the one permission it needs. An action cannot be defined
 * without an entry here, and the authorisation matrix test calls each one as every role.
 */
export const ACTION_PERMISSIONS = {
  "account.changePassword": "account.manageOwn",
  "account.startSecondFactor": "account.manageOwn",
  "account.confirmSecondFactor": "account.manageOwn",
  "users.create": "users.manage",
  "users.changeRole": "users.manage",
  "users.setDisabled": "users.manage",
  "users.resetPassword": "users.manage",
  "users.liftSignInLocks": "users.manage",
  "users.resetSecondFactor": "users.manage",
  "families.create": "people.write",
  "families.update": "people.write",
  "families.void": "people.write",
  "families.issueAccessCode": "familyAccessCode.issue",
  "families.liftSignInLock": "familyAccessCode.issue",
  "donors.create": "people.write",
  "donors.update": "people.write",
  "donors.void": "people.write",
  "persons.create": "people.write",
  "persons.update": "people.write",
  "persons.merge": "people.write",
  "persons.void": "people.write",
  "reports.create": "people.write",
  "reports.update": "people.write",
  "reports.void": "people.write",
  "samples.collect": "people.write",
  "samples.advanceLabStatus": "people.write",
  "samples.update": "people.write",
  "samples.void": "people.write",
  "samples.printReceipt": "personalData.export",
  "graveSites.create": "forensic.write",
  "graveSites.update": "forensic.write",
  "graveSites.void": "record.void",
  "remains.create": "forensic.write",
  "remains.update": "forensic.write",
  "remains.void": "record.void",
  "custody.record": "forensic.write",
  "identifications.propose": "identification.propose",
  "identifications.confirm": "identification.confirm",
  "identifications.reject": "identification.confirm",
  "identifications.retract": "identification.retract",
  "identifications.recordNotification": "identification.notify",
  "identifications.recordReturn": "identification.notify",
  "kinship.importProfiles": "dnaProfiles.use",
  "kinship.importFrequencies": "alleleFrequencies.manage",
  "kinship.approveFrequencies": "alleleFrequencies.manage",
  "settings.updateOfficeContact": "settings.manage",
  // Registrars may take back what they may import (DESIGN.md: registrars void what they create).
  "imports.void": "data.import",
} as const satisfies Record<string, Permission>;

export type ActionName = keyof typeof ACTION_PERMISSIONS;
