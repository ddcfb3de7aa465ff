import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditExportBatches, checkAuditChain, countAuditEntries, getAuditPage } from "@/lib/audit/queries";
import type { StaffSession } from "@/lib/auth/current-session";
import { can, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { authoriseRead, ReadRefused, type ReadAccess } from "@/lib/auth/read-access";
import { getMonthlyActivity } from "@/lib/dashboard/activity";
import { getIdentificationPipeline } from "@/lib/dashboard/pipeline";
import { getSamplesByLabStatus } from "@/lib/dashboard/samples";
import { findGraveSiteFilter } from "@/lib/dashboard/site-filter";
import { listPendingFrequencyTables, readActiveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { countProfiles } from "@/lib/dna-profiles/profile-store";
import { runKinshipScreen, screenSettingsSchema } from "@/lib/dna-profiles/screening";
import { getFamilyReferenceConsistency, loadScreeningInput } from "@/lib/dna-profiles/screening-data";
import { readRelatedBodies } from "@/lib/dna-profiles/related-bodies";
import { readFamilySamplingAdvice } from "@/lib/dna-profiles/family-sampling-advice";
import { readSamplingWorklist } from "@/lib/sampling-worklist/worklist-query";
import { readPairLikelihoodRatioBasis } from "@/lib/dna-profiles/pair-basis";
import { generateDossier } from "@/lib/dossier/generate";
import { exportRows } from "@/lib/export/lists";
import { readAccessCodeIssuedAt } from "@/lib/family-portal/issue-access-code";
import { readFamilySignInLock } from "@/lib/family-portal/sign-in-lock";
import { getAntemortemRecord, getPostmortemRecord, nonDnaLeadsForPerson, nonDnaLeadsForRemains } from "@/lib/am-pm/queries";
import { getCustodyTimeline } from "@/lib/forensic/custody-queries";
import { getRecordHistory } from "@/lib/forensic/record-history";
import { getRemainsPage } from "@/lib/forensic/remains-list";
import { getRemainsRecord, listRemainsOfSite } from "@/lib/forensic/remains-queries";
import { getGraveSite, graveSiteChoices, listGraveSites, suggestNextRemainsCode, suggestNextSiteCode } from "@/lib/forensic/site-queries";
import { donorNamesFor, findPersonChoice, findRemainsChoice } from "@/lib/identifications/choices";
import { getIdentification, identificationsOfPerson, identificationsOfRemains, listIdentifications } from "@/lib/identifications/queries";
import { getWorkQueues } from "@/lib/identifications/work-queues";
import { findDocumentByVerificationCode, getIssuedDocument, listIssuedDocuments } from "@/lib/aftercare/documents";
import { getFollowUpQueue, listFollowUps } from "@/lib/aftercare/follow-ups";
import { getRemainsHandover, listEffectsForHandover } from "@/lib/aftercare/handover";
import { readHandoverScan } from "@/lib/aftercare/handover-scan";
import { getDonorForEdit } from "@/lib/people/donor-queries";
import { getFamiliesPage } from "@/lib/people/family-list";
import { getFamilyDetails } from "@/lib/people/family-queries";
import { readPedigreeView } from "@/lib/pedigrees/pedigree-view";
import { readDuplicateCandidates, readPersonSearch, readPossibleDuplicates } from "@/lib/people/people-reads";
import { getMissingPersonDetails, resolveCaseNumber } from "@/lib/people/person-queries";
import { getRecentImports } from "@/lib/import/recent-imports";
import { getSampleReceipt } from "@/lib/people/receipts";
import { getSampleInvitation } from "@/lib/people/sample-invitation";
import { getReportsPage } from "@/lib/people/report-list";
import { getReferenceSample } from "@/lib/people/sample-queries";
import { suggestFamilyReference } from "@/lib/people/sequences";
import { getPoliceReportDetails } from "@/lib/reports/report-details";
import { getOwnAccount, getUser, listUsers, signInLockEnds, userSignInLocks } from "@/lib/users/queries";
import { listPendingApprovals, listRecentApprovalDecisions } from "@/lib/approvals/queries";
import { listNotificationMeetings } from "@/lib/identifications/meetings";
import { getStaffCatalogue, getViewingCatalogue } from "@/lib/belongings/catalogue";
import { localMediaStore } from "@/lib/belongings/media-store";
import { photosOfRemains, readStaffPhotoFile } from "@/lib/belongings/photo-reads";
import { familyRemoteViewing, getViewingSession, openRecognitions, recognitionsOfPerson, recognitionsOfRemains } from "@/lib/belongings/recognitions";
import { consentsOfPerson, consentsOfReport } from "@/lib/online-reports/consents";
import { withheldUsesOfPerson } from "@/lib/online-reports/consent-use";
import { countWaitingReports, getOnlineReport, getTriageQueue } from "@/lib/online-reports/queries";
import { checkFieldPhoto } from "@/lib/field/photo-uploads";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const NO_SUCH_ID = "00000000-0000-4000-8000-0000000000ff";

/** A read of non-public data, called the way its page or route handler calls it. */
interface GuardedRead {
  permission: Permission;
  call(access: ReadAccess<never>, db: Database): Promise<unknown>;
}

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  for await (const batch of rows) void batch;
}

/**
 * Every read that takes a capability, by the name it is exported under, with the permission it needs.
 * The capability is typed `never` here only so that one table can hold reads of every permission.
 */
const READS: Record<string, GuardedRead> = {
  getAuditPage: { permission: "audit.read", call: (access, db) => getAuditPage(access, db, {}, null) },
  checkAuditChain: { permission: "audit.read", call: (access, db) => checkAuditChain(access, db) },
  countAuditEntries: { permission: "audit.read", call: (access, db) => countAuditEntries(access, db, {}) },
  // An async call, so that the refusal the generator's factory throws at once arrives as a rejection.
  auditExportBatches: { permission: "audit.read", call: async (access, db) => drain(auditExportBatches(access, db, {})) },
  loadScreeningInput: { permission: "dnaProfiles.use", call: (access, db) => loadScreeningInput(access, db) },
  readPairLikelihoodRatioBasis: { permission: "dnaProfiles.use", call: (access, db) => readPairLikelihoodRatioBasis(access, db, NO_SUCH_ID, NO_SUCH_ID, { theta: 0.02, mutationRate: 0.002 }) },
  runKinshipScreen: { permission: "dnaProfiles.use", call: (access, db) => runKinshipScreen(access, db, screenSettingsSchema.parse({})) },
  countProfiles: { permission: "dnaProfiles.use", call: (access, db) => countProfiles(access, db) },
  readActiveFrequencyTable: { permission: "dnaProfiles.use", call: (access, db) => readActiveFrequencyTable(access, db) },
  readFamilySamplingAdvice: { permission: "dnaProfiles.use", call: (access, db) => readFamilySamplingAdvice(access, db, NO_SUCH_ID) },
  readSamplingWorklist: { permission: "dnaProfiles.use", call: (access, db) => readSamplingWorklist(access, db) },
  readRelatedBodies: { permission: "dnaProfiles.use", call: (access, db) => readRelatedBodies(access, db, NO_SUCH_ID) },
  listPendingFrequencyTables: { permission: "alleleFrequencies.manage", call: (access, db) => listPendingFrequencyTables(access, db) },
  listUsers: { permission: "users.manage", call: (access, db) => listUsers(access, db) },
  getUser: { permission: "users.manage", call: (access, db) => getUser(access, db, NO_SUCH_ID) },
  signInLockEnds: { permission: "users.manage", call: (access, db) => signInLockEnds(access, db, ["someone"]) },
  userSignInLocks: { permission: "users.manage", call: (access, db) => userSignInLocks(access, db, ["someone"]) },
  getOwnAccount: { permission: "account.manageOwn", call: (access, db) => getOwnAccount(access, db) },
  findGraveSiteFilter: { permission: "dashboard.read", call: (access, db) => findGraveSiteFilter(access, db, "NO-SUCH-SITE") },
  getIdentificationPipeline: { permission: "dashboard.read", call: (access, db) => getIdentificationPipeline(access, db, null) },
  getSamplesByLabStatus: { permission: "dashboard.read", call: (access, db) => getSamplesByLabStatus(access, db, null) },
  getMonthlyActivity: { permission: "dashboard.read", call: (access, db) => getMonthlyActivity(access, db) },
  getWorkQueues: { permission: "dashboard.read", call: (access, db) => getWorkQueues(access, db) },
  getFamiliesPage: { permission: "people.read", call: (access, db) => getFamiliesPage(access, db, {}) },
  getFamilyDetails: { permission: "people.read", call: (access, db) => getFamilyDetails(access, db, NO_SUCH_ID) },
  getFamilyReferenceConsistency: { permission: "people.read", call: (access, db) => getFamilyReferenceConsistency(access, db, NO_SUCH_ID) },
  readPedigreeView: { permission: "people.read", call: (access, db) => readPedigreeView(access, db, NO_SUCH_ID) },
  getMissingPersonDetails: { permission: "people.read", call: (access, db) => getMissingPersonDetails(access, db, NO_SUCH_ID) },
  getRecentImports: { permission: "data.import", call: (access, db) => getRecentImports(access, db) },
  resolveCaseNumber: { permission: "people.read", call: (access, db) => resolveCaseNumber(access, db, "NO-SUCH-CASE") },
  getReportsPage: { permission: "people.read", call: (access, db) => getReportsPage(access, db, {}) },
  getPoliceReportDetails: { permission: "people.read", call: (access, db) => getPoliceReportDetails(access, db, NO_SUCH_ID) },
  getReferenceSample: { permission: "people.read", call: (access, db) => getReferenceSample(access, db, NO_SUCH_ID) },
  getDonorForEdit: { permission: "people.read", call: (access, db) => getDonorForEdit(access, db, NO_SUCH_ID) },
  listIdentifications: { permission: "people.read", call: (access, db) => listIdentifications(access, db, null) },
  getIdentification: { permission: "people.read", call: (access, db) => getIdentification(access, db, NO_SUCH_ID) },
  identificationsOfPerson: { permission: "people.read", call: (access, db) => identificationsOfPerson(access, db, NO_SUCH_ID) },
  identificationsOfRemains: { permission: "people.read", call: (access, db) => identificationsOfRemains(access, db, NO_SUCH_ID) },
  donorNamesFor: { permission: "people.read", call: (access, db) => donorNamesFor(access, db, NO_SUCH_ID) },
  readPersonSearch: { permission: "people.read", call: (access, db) => readPersonSearch(access, db, "محمد") },
  readPossibleDuplicates: { permission: "people.read", call: (access, db) => readPossibleDuplicates(access, db, { limit: 1 }) },
  readDuplicateCandidates: {
    permission: "people.read",
    call: (access, db) => readDuplicateCandidates(access, db, { givenName: "محمد", fatherName: "", grandfatherName: "", familyName: "", nameLatin: "", birthYear: null }),
  },
  suggestFamilyReference: { permission: "people.write", call: (access, db) => suggestFamilyReference(access, db) },
  getRemainsPage: { permission: "forensic.read", call: (access, db) => getRemainsPage(access, db, { sort: "code" }) },
  getRemainsRecord: { permission: "forensic.read", call: (access, db) => getRemainsRecord(access, db, NO_SUCH_ID) },
  listRemainsOfSite: { permission: "forensic.read", call: (access, db) => listRemainsOfSite(access, db, NO_SUCH_ID) },
  getGraveSite: { permission: "forensic.read", call: (access, db) => getGraveSite(access, db, NO_SUCH_ID) },
  graveSiteChoices: { permission: "forensic.read", call: (access, db) => graveSiteChoices(access, db) },
  listGraveSites: { permission: "forensic.read", call: (access, db) => listGraveSites(access, db) },
  getCustodyTimeline: { permission: "forensic.read", call: (access, db) => getCustodyTimeline(access, db, { remainsId: NO_SUCH_ID }) },
  getRecordHistory: { permission: "forensic.read", call: (access, db) => getRecordHistory(access, db, "remains", NO_SUCH_ID) },
  suggestNextRemainsCode: { permission: "forensic.write", call: (access, db) => suggestNextRemainsCode(access, db, { id: NO_SUCH_ID, code: "NO-SUCH-SITE" }) },
  suggestNextSiteCode: { permission: "forensic.write", call: (access, db) => suggestNextSiteCode(access, db) },
  findPersonChoice: { permission: "identification.propose", call: (access, db) => findPersonChoice(access, db, NO_SUCH_ID) },
  findRemainsChoice: { permission: "identification.propose", call: (access, db) => findRemainsChoice(access, db, NO_SUCH_ID) },
  getSampleReceipt: { permission: "personalData.export", call: (access, db) => getSampleReceipt(access, db, NO_SUCH_ID) },
  getSampleInvitation: { permission: "personalData.export", call: (access, db) => getSampleInvitation(access, db, NO_SUCH_ID) },
  exportRows: { permission: "personalData.export", call: (access, db) => drain(exportRows(access, db, "missingPersons")) },
  generateDossier: { permission: "personalData.export", call: (access, db) => generateDossier(access, db, {}, "remains", NO_SUCH_ID) },
  readAccessCodeIssuedAt: { permission: "familyAccessCode.issue", call: (access, db) => readAccessCodeIssuedAt(access, db, NO_SUCH_ID) },
  readFamilySignInLock: { permission: "familyAccessCode.issue", call: (access, db) => readFamilySignInLock(access, db, NO_SUCH_ID) },
  listNotificationMeetings: { permission: "people.read", call: (access, db) => listNotificationMeetings(access, db, NO_SUCH_ID) },
  getAntemortemRecord: { permission: "people.read", call: (access, db) => getAntemortemRecord(access, db, NO_SUCH_ID) },
  getPostmortemRecord: { permission: "forensic.read", call: (access, db) => getPostmortemRecord(access, db, NO_SUCH_ID) },
  nonDnaLeadsForRemains: { permission: "people.read", call: (access, db) => nonDnaLeadsForRemains(access, db, NO_SUCH_ID) },
  nonDnaLeadsForPerson: { permission: "forensic.read", call: (access, db) => nonDnaLeadsForPerson(access, db, NO_SUCH_ID) },
  getRemainsHandover: { permission: "people.read", call: (access, db) => getRemainsHandover(access, db, NO_SUCH_ID) },
  listEffectsForHandover: { permission: "people.read", call: (access, db) => listEffectsForHandover(access, db, NO_SUCH_ID) },
  readHandoverScan: { permission: "personalData.export", call: (access, db) => readHandoverScan(access, db, NO_SUCH_ID) },
  listIssuedDocuments: { permission: "people.read", call: (access, db) => listIssuedDocuments(access, db, NO_SUCH_ID) },
  getIssuedDocument: { permission: "personalData.export", call: (access, db) => getIssuedDocument(access, db, NO_SUCH_ID) },
  findDocumentByVerificationCode: { permission: "people.read", call: (access, db) => findDocumentByVerificationCode(access, db, "AAAAAAAAAAAA") },
  listFollowUps: { permission: "people.read", call: (access, db) => listFollowUps(access, db, NO_SUCH_ID) },
  getFollowUpQueue: { permission: "dashboard.read", call: (access, db) => getFollowUpQueue(access, db) },
  getStaffCatalogue: { permission: "belongings.view", call: (access, db) => getStaffCatalogue(access, db, {}) },
  getViewingCatalogue: { permission: "belongings.view", call: (access, db) => getViewingCatalogue(access, db, { category: "watch" }) },
  readStaffPhotoFile: { permission: "belongings.view", call: (access, db) => readStaffPhotoFile(access, db, localMediaStore("/nonexistent-media"), NO_SUCH_ID, "thumbnail") },
  photosOfRemains: { permission: "belongings.view", call: (access, db) => photosOfRemains(access, db, NO_SUCH_ID) },
  recognitionsOfRemains: { permission: "belongings.view", call: (access, db) => recognitionsOfRemains(access, db, NO_SUCH_ID) },
  recognitionsOfPerson: { permission: "belongings.view", call: (access, db) => recognitionsOfPerson(access, db, NO_SUCH_ID) },
  openRecognitions: { permission: "belongings.view", call: (access, db) => openRecognitions(access, db) },
  getViewingSession: { permission: "belongings.view", call: (access, db) => getViewingSession(access, db, NO_SUCH_ID) },
  familyRemoteViewing: { permission: "people.read", call: (access, db) => familyRemoteViewing(access, db, NO_SUCH_ID) },
  listPendingApprovals: { permission: "approvals.decide", call: (access, db) => listPendingApprovals(access, db) },
  listRecentApprovalDecisions: { permission: "approvals.decide", call: (access, db) => listRecentApprovalDecisions(access, db) },
  getTriageQueue: { permission: "people.write", call: (access, db) => getTriageQueue(access, db) },
  countWaitingReports: { permission: "people.write", call: (access, db) => countWaitingReports(access, db) },
  getOnlineReport: { permission: "people.write", call: (access, db) => getOnlineReport(access, db, NO_SUCH_ID) },
  consentsOfReport: { permission: "people.write", call: (access, db) => consentsOfReport(access, db, NO_SUCH_ID) },
  consentsOfPerson: { permission: "people.read", call: (access, db) => consentsOfPerson(access, db, NO_SUCH_ID) },
  checkFieldPhoto: {
    permission: "forensic.write",
    call: (access, db) => checkFieldPhoto(access, db, { itemId: NO_SUCH_ID, deviceId: NO_SUCH_ID, capturedAt: "2021-02-11T09:14:00.000Z" }),
  },
  withheldUsesOfPerson: { permission: "people.read", call: (access, db) => withheldUsesOfPerson(access, db, NO_SUCH_ID) },
};

const LIB = path.resolve(import.meta.dirname, "../../lib");
/** The mechanism itself, whose assertReadAccess also takes a capability first. */
const READ_ACCESS_MODULE = path.join(LIB, "auth/read-access.ts");

/** Names of every export in lib/ that is a defineRead or takes a ReadAccess first: found by reading the sources, not from a list. */
async function guardedReadsInLib(): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(LIB, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (file === READ_ACCESS_MODULE) continue;
    const source = await readFile(file, "utf8");
    for (const match of source.matchAll(/^export const (\w+) = defineRead\(/gm)) names.push(match[1] ?? "");
    for (const match of source.matchAll(/^export (?:async )?function\*? (\w+)(?:<[^>]*>)?\(\s*access: ReadAccess</gm)) names.push(match[1] ?? "");
  }
  return names.sort();
}

describe("the guarded reads and their table", () => {
  it("lists every read in lib/ that takes a capability (a new read without a row fails here)", async () => {
    expect(await guardedReadsInLib()).toEqual(Object.keys(READS).sort());
  });
});

describeOnEachBackend(backends, "every guarded read called by every role", (database) => {
  const sessions = new Map<Role, StaffSession>();

  beforeAll(async () => {
    for (const role of ROLES) sessions.set(role, await createStaffSession(database().db, role));
  });

  function sessionOf(role: Role): StaffSession {
    const session = sessions.get(role);
    if (!session) throw new Error(`no ${role} session`);
    return session;
  }

  /** A capability the role really holds, for a permission other than the one the read needs: a page that passed the wrong one. */
  function anotherCapability(role: Role, not: Permission): ReadAccess<never> {
    return authoriseRead(sessionOf(role), not === "account.manageOwn" ? "dashboard.read" : "account.manageOwn") as unknown as ReadAccess<never>;
  }

  it("refuses the STR profiles and the kinship screen to a viewer", async () => {
    const viewer = sessionOf("viewer");
    expect(() => authoriseRead(viewer, "dnaProfiles.use")).toThrow(ReadRefused);
    await expect(loadScreeningInput(anotherCapability("viewer", "dnaProfiles.use"), database().db)).rejects.toThrow(ReadRefused);
    await expect(runKinshipScreen(anotherCapability("viewer", "dnaProfiles.use"), database().db, screenSettingsSchema.parse({}))).rejects.toThrow(ReadRefused);
    // A hand-made object that looks like the capability is not one.
    const forged = { permission: "dnaProfiles.use", session: viewer } as unknown as ReadAccess<"dnaProfiles.use">;
    await expect(countProfiles(forged, database().db)).rejects.toThrow(ReadRefused);
    const forgedForensic = { permission: "dnaProfiles.use", session: { ...viewer, role: "forensic" } } as unknown as ReadAccess<"dnaProfiles.use">;
    await expect(loadScreeningInput(forgedForensic, database().db)).rejects.toThrow(ReadRefused);
  });

  it("refuses the audit log to a registrar and gives it to an administrator", async () => {
    expect(() => authoriseRead(sessionOf("registrar"), "audit.read")).toThrow(ReadRefused);
    await expect(getAuditPage(anotherCapability("registrar", "audit.read"), database().db, {}, null)).rejects.toThrow(ReadRefused);
    const page = await getAuditPage(authoriseRead(sessionOf("admin"), "audit.read"), database().db, {}, null);
    expect(page.entries).toBeInstanceOf(Array);
  });

  it("refuses every read to a session that must change its password first", () => {
    expect(() => authoriseRead({ ...sessionOf("admin"), mustChangePassword: true }, "audit.read")).toThrow(ReadRefused);
    expect(() => authoriseRead({ ...sessionOf("forensic"), mustEnrolSecondFactor: true }, "dnaProfiles.use")).toThrow(ReadRefused);
    expect(() => authoriseRead(null, "people.read")).toThrow(ReadRefused);
  });

  for (const [name, read] of Object.entries(READS)) {
    for (const role of ROLES) {
      const allowed = can(role, read.permission);
      it(`${name} (${read.permission}) ${allowed ? "answers" : "refuses"} a ${role}`, async () => {
        const db = database().db;
        if (allowed) {
          await expect(read.call(authoriseRead(sessionOf(role), read.permission) as unknown as ReadAccess<never>, db)).resolves.not.toThrow();
        } else {
          expect(() => authoriseRead(sessionOf(role), read.permission)).toThrow(ReadRefused);
          await expect(read.call(anotherCapability(role, read.permission), db)).rejects.toThrow(ReadRefused);
        }
      });
    }
  }
});
