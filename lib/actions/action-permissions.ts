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
  // A family's explicit pedigree (issue 21): drawn up by the registrars who record the family.
  "pedigree.create": "people.write",
  "pedigree.addPerson": "people.write",
  "pedigree.updatePerson": "people.write",
  "pedigree.removePerson": "people.write",
  "donors.create": "people.write",
  "donors.update": "people.write",
  "donors.void": "people.write",
  "donors.printInvitation": "personalData.export",
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
  "samples.withdrawConsent": "people.write",
  "graveSites.create": "forensic.write",
  "graveSites.update": "forensic.write",
  "graveSites.void": "record.void",
  "remains.create": "forensic.write",
  "remains.update": "forensic.write",
  "remains.void": "record.void",
  "custody.record": "forensic.write",
  // Field capture (issue 25): each synced record also needs its own online action's permission.
  "field.registerDevice": "forensic.write",
  "field.reserveCodes": "forensic.write",
  "field.sync": "forensic.write",
  // What a family remembers is collected by the registrars; what the examiners find, by forensic staff.
  "antemortem.save": "people.write",
  "postmortem.save": "forensic.write",
  // The Book of Belongings: registrars sit with families at the office and switch remote viewing;
  // the forensic team follows up each recognition (issue 23).
  "belongings.openViewing": "people.write",
  "belongings.closeViewing": "people.write",
  "belongings.recordRecognition": "people.write",
  "belongings.setRemoteViewing": "people.write",
  "belongings.followUpRecognition": "forensic.write",
  "identifications.propose": "identification.propose",
  "identifications.confirm": "identification.confirm",
  "identifications.reject": "identification.confirm",
  "identifications.retract": "identification.retract",
  "identifications.recordNotification": "identification.notify",
  "identifications.recordReturn": "identification.notify",
  "identifications.recordMeeting": "identification.notify",
  "identifications.recordHandover": "identification.notify",
  "identifications.issueDocument": "identification.notify",
  "identifications.addFollowUp": "identification.notify",
  "identifications.completeFollowUp": "identification.notify",
  "kinship.importProfiles": "dnaProfiles.use",
  "kinship.importFrequencies": "alleleFrequencies.manage",
  "kinship.approveFrequencies": "alleleFrequencies.manage",
  // The refresh simulates from STR profiles, as the work list it fills is read: forensic staff.
  "kinship.startSamplingRefresh": "dnaProfiles.use",
  "settings.updateOfficeContact": "settings.manage",
  // Registrars may take back what they may import (DESIGN.md: registrars void what they create).
  "imports.void": "data.import",
  "approvals.approve": "approvals.decide",
  "approvals.refuse": "approvals.decide",
  "settings.updateApprovalPolicy": "settings.manage",
  // Online reports (issue 26): registrars triage what families send, and record consents given or
  // withdrawn at the office.
  "onlineReports.accept": "people.write",
  "onlineReports.reject": "people.write",
  "consents.record": "people.write",
  "consents.withdraw": "people.write",
} as const satisfies Record<string, Permission>;

export type ActionName = keyof typeof ACTION_PERMISSIONS;
