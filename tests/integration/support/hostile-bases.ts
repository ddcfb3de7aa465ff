import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { randomUUID } from "node:crypto";
import { samplingRefreshRuns, approvalRequests, belongingRecognitions, dataConsents, familyPedigrees, fieldDevices, onlineReports, pedigreePersons, belongingViewingSessions, dnaSamples, families, familyFollowUps, graveSites, identifications, missingPersons, personalEffects, policeReportPersons, policeReports, referenceDonors, remains, spreadsheetImports, users } from "@/db/schema";
import type { ActionName } from "@/lib/actions/action-permissions";
import type { ActionResult } from "@/lib/actions/result";
import { Secret, TOTP } from "otpauth";
import { getOfficeContact } from "@/lib/settings/office-contact";
import { hashPassword } from "@/lib/auth/argon2";
import { liftSignInLocks } from "@/lib/auth/sign-in-throttle";
import {
  createDonor,
  createFamily,
  createGraveSite,
  createMissingPerson,
  createProfiledReference,
  createReferenceSample,
  createRemains,
  createUser,
  uniqueSuffix,
} from "./factories";
import type { FieldKind, Input } from "./hostile-fields";
import { GRAVE_SITE_VALUES, REMAINS_VALUES } from "./forensic-inputs";
import { approveFrequencyTable, saveFrequencyTable } from "@/lib/dna-profiles/frequency-store";
import { parseFrequencyCsv } from "@/lib/kinship/csv";

/**
 * A valid input for every server action (all of them take input), made fresh for each call: ids of
 * records made here, the current version of the record an edit names, a new code where codes are
 * unique. Records the edits start from are made through the actions themselves, so they are what
 * a user would have saved; records one call uses up (a void, a confirmation, a merge) are made per
 * call with the factories.
 */
export interface HostileBase {
  /** Dotted paths (effects.0.description) of the fields hostile values go into. */
  fields: Record<string, FieldKind>;
  prepare(): Promise<Input>;
  /** Who calls the action, when it must be a particular user rather than any allowed role. */
  caller?: typeof users.$inferSelect;
  /** Told of every clean save, for a base that must follow what the action changed. */
  saved?(input: Input): void;
  /**
   * Work a clean save starts in the background (the sampling refresh): awaited after each one, so
   * that its writes are not blamed on a later call, of this action or of the next one tested.
   */
  settle?(): Promise<void>;
  /**
   * Tables a refusal of this action writes to by design: a wrong current password is counted on the
   * sign-in throttle and audited like a failed sign-in (issue 18, item 8), so it cannot roll back.
   */
  refusalRecords?: readonly string[];
}

export type HostileBases = Partial<Record<ActionName, HostileBase>>;
type User = typeof users.$inferSelect;
type ActionCaller = (name: ActionName, input: unknown) => Promise<ActionResult<unknown>>;

const text = (max: number) => ({ kind: "text", max }) as const;
const DATE = { kind: "date" } as const;
const ID = { kind: "id" } as const;
const VERSION = { kind: "version" } as const;
const PASSWORD = { kind: "text", max: 256, alsoSets: ["confirmPassword"] } as const;
const NAME_FIELDS = { givenName: text(200), fatherName: text(200), grandfatherName: text(200), familyName: text(200), nameLatin: text(200) };
const PERSON_FIELDS = { ...NAME_FIELDS, birthYear: text(4), lastSeenOn: DATE, lastSeenPlace: text(200), circumstances: text(4000) };
const DONOR_FIELDS = { ...NAME_FIELDS, phone: text(24) };
const SAMPLE_FIELDS = { barcode: text(16), collectedOn: DATE, collectedByName: text(200), consentFormRef: text(200) };
const SITE_FIELDS = {
  code: text(10),
  nameAr: text(200),
  nameEn: text(200),
  description: text(4000),
  discoveredOn: DATE,
  latitude: { kind: "number", min: 19.5, max: 33.2 },
  longitude: { kind: "number", min: 9.3, max: 25.2 },
} as const;
const AGE = { kind: "number", min: 0, max: 110, integer: true } as const;
const REMAINS_FIELDS = {
  code: text(20),
  recoveredOn: DATE,
  ageMin: AGE,
  ageMax: AGE,
  storageLocation: text(300),
  notes: text(4000),
  "effects.0.description": text(1000),
};
const CENTIMETRES = { kind: "number", min: 40, max: 230, integer: true } as const;
const AM_PM_FIELDS = { dentalNotes: text(2000), notes: text(4000), "marks.0.description": text(300), "belongings.0.description": text(300) };
const AM_PM_LISTS = {
  version: null,
  marks: [{ type: "tattoo", region: "right_arm", description: "صقر" }],
  teeth: [{ tooth: 36, condition: "crowned" }],
  dentalNotes: "",
  medical: [],
  belongings: [{ category: "outerwear", colour: "green", material: "synthetic", description: "سترة" }],
  notes: "",
};
const AM_VALUES = {
  ...AM_PM_LISTS,
  ...{ ageAtDisappearance: 30, heightMinCm: 170, heightMaxCm: 175, build: "medium", hair: "", eyeColour: "brown" },
  ...{ informantDonorId: null, informantName: "أخوه", informedOn: "2021-03-02" },
};
const PM_VALUES = { ...AM_PM_LISTS, statureMinCm: 168, statureMaxCm: 178 };
const FREQUENCY_CSV = ["locus,allele,frequency", "TH01,6,0.25", "TH01,9.3,0.3", "TH01,7,0.45", "D3S1358,15,0.5", "D3S1358,16,0.5"].join("\n");

const OFFICE_CONTACT_VALUES = {
  nameAr: "مكتب السجل", nameEn: "Registry office", addressAr: "ترهونة", addressEn: "Tarhuna", phone: "+218 21 000 0000",
  hoursAr: "الأحد – الخميس", hoursEn: "Sunday to Thursday", messageAr: "", messageEn: "",
};
const FAMILY_VALUES = { contactName: "سالم عمر الرماني", phone: "+218 91 555 0101", area: "الحي الشرقي" };
function one<Row>(rows: Row[], what: string): Row {
  const [row] = rows;
  if (!row) throw new Error(`${what} does not exist`);
  return row;
}

/** Codes no other call in this database has used, in the formats the schemas require. */
class CodeAllocator {
  private family = 5000;
  private site = 100;
  private barcode = 500_000;
  private remains = 1000;
  familyReference = () => `TRH-F-${++this.family}`;
  siteCode = () => `TRH-GS-${++this.site}`;
  barcodeNumber = () => `TRH-DNA-R-${++this.barcode}`;
  remainsCode = (siteCode: string) => `${siteCode}-B${++this.remains}`;
}

/** The records the edits start from, saved through the actions. */
async function createBaseRecords(db: Database, call: ActionCaller, codes: CodeAllocator) {
  const created = async <Data>(name: ActionName, input: unknown): Promise<Data> => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name} refused the setup input: ${JSON.stringify(result)}`);
    return result.data as Data;
  };
  const { familyId } = await created<{ familyId: string }>("families.create", { ...FAMILY_VALUES, reference: codes.familyReference() });
  const person = {
    familyId,
    ...{ givenName: "أحمد", fatherName: "محمد", grandfatherName: "علي", familyName: `الرماني ${uniqueSuffix()}`, nameLatin: "", sex: "male" },
    ...{ birthYear: "1980", lastSeenOn: "2019-06-01", lastSeenPlace: "السوق", circumstances: "" },
  };
  const { missingPersonId } = await created<{ missingPersonId: string }>("persons.create", { ...person, duplicatesReviewed: true });
  const donor = {
    familyId,
    ...{ givenName: "عائشة", fatherName: "سالم", grandfatherName: "", familyName: "الرماني", nameLatin: "", sex: "female", phone: "" },
    relationships: [{ missingPersonId, relationship: "mother" }],
  };
  const { donorId } = await created<{ donorId: string }>("donors.create", donor);
  const sample = {
    donorId,
    ...{ collectedOn: "2024-03-01", collectedByName: "فريق الجمع", consentGiven: true, consentScope: "identification_only", consentFormRef: "CF-2024-001" },
  };
  const { sampleId } = await created<{ sampleId: string }>("samples.collect", { ...sample, barcode: codes.barcodeNumber() });
  // A relative still to be invited to give a sample (the invitation letter refuses one who has given).
  const { donorId: unsampledDonorId } = await created<{ donorId: string }>("donors.create", {
    ...donor,
    ...{ givenName: "سالم", sex: "male" },
    relationships: [{ missingPersonId, relationship: "father" }],
  });
  const { siteId } = await created<{ siteId: string }>("graveSites.create", { ...GRAVE_SITE_VALUES, code: codes.siteCode() });
  const siteCode = one(await db.select().from(graveSites).where(eq(graveSites.id, siteId)), "the site").code;
  const { remainsId } = await created<{ remainsId: string }>("remains.create", { ...REMAINS_VALUES, siteId, code: codes.remainsCode(siteCode) });
  const { tableId } = await created<{ tableId: string }>("kinship.importFrequencies", { name: "Hostile-input base table", minFrequency: 0.002, csv: FREQUENCY_CSV });
  // A second forensic examiner puts it in force, as the four-eyes rule asks.
  const approver = await createUser(db, "forensic");
  await db.transaction((tx) => approveFrequencyTable(tx, tableId, approver.id));
  const barcode = one(await db.select().from(dnaSamples).where(eq(dnaSamples.id, sampleId)), "the sample").barcode;
  return { familyId, missingPersonId, donorId, unsampledDonorId, sampleId, siteId, siteCode, remainsId, barcode, person, donor, sample };
}

type BaseRecords = Awaited<ReturnType<typeof createBaseRecords>>;

const voidOf = (make: () => Promise<{ id: string }>): HostileBase => ({
  fields: { recordId: ID, reason: text(1000), version: VERSION },
  prepare: async () => ({ recordId: (await make()).id, reason: "Entered twice by mistake", version: 1 }),
});

/** A fixed authenticator secret (base32) for the second-factor bases. */
const TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function userBases(db: Database): Promise<HostileBases> {
  // The caller of account.changePassword needs a real password hash; the base follows each change.
  const passwordUser = await createUser(db, "viewer");
  let currentPassword = "olive-lantern-wadi-5821";
  await db.update(users).set({ passwordHash: await hashPassword(currentPassword) }).where(eq(users.id, passwordUser.id));
  const freshUser = async () => (await createUser(db, "viewer")).id;
  const secondFactorUser = await createUser(db, "viewer");
  return {
    "account.changePassword": {
      caller: passwordUser,
      fields: { currentPassword: text(256), newPassword: PASSWORD },
      prepare: async () => {
        // Hostile current passwords count as wrong ones; five would lock the caller out of every later call.
        await liftSignInLocks(db, passwordUser.username);
        const next = `cedar-${uniqueSuffix()}-harbour`;
        return { currentPassword, newPassword: next, confirmPassword: next };
      },
      saved: (input) => {
        currentPassword = String(input.newPassword);
      },
      refusalRecords: ["audit_log", "staff_sign_in_throttles"],
    },
    "account.startSecondFactor": { fields: {}, prepare: async () => ({}) },
    "account.confirmSecondFactor": {
      caller: secondFactorUser,
      fields: { code: text(16) },
      // Each call starts from a set-up begun and not yet confirmed, with the code the app shows now.
      prepare: async () => {
        await db
          .update(users)
          .set({ totpPendingSecret: TOTP_SECRET, totpSecret: null, totpEnabledAt: null, totpLastStep: null })
          .where(eq(users.id, secondFactorUser.id));
        return { code: TOTP.generate({ secret: Secret.fromBase32(TOTP_SECRET) }) };
      },
    },
    "users.create": {
      fields: { username: text(32), displayName: text(120), newPassword: PASSWORD },
      prepare: async () => {
        const password = "wadi-rabt-olive-7391-lantern";
        return { username: `hostile.${uniqueSuffix()}`, displayName: "سميرة المبروك", role: "registrar", locale: "ar", newPassword: password, confirmPassword: password };
      },
    },
    "users.changeRole": { fields: { userId: ID, version: VERSION }, prepare: async () => ({ userId: await freshUser(), role: "registrar", version: 1 }) },
    "users.setDisabled": { fields: { userId: ID, version: VERSION }, prepare: async () => ({ userId: await freshUser(), disabled: true, version: 1 }) },
    "users.resetPassword": {
      fields: { userId: ID, version: VERSION, newPassword: PASSWORD },
      prepare: async () => ({ userId: await freshUser(), version: 1, newPassword: "amber-falcon-3318-quarry", confirmPassword: "amber-falcon-3318-quarry" }),
    },
    "users.liftSignInLocks": { fields: { userId: ID }, prepare: async () => ({ userId: await freshUser() }) },
    "users.resetSecondFactor": {
      fields: { userId: ID, version: VERSION },
      prepare: async () => {
        const userId = await freshUser();
        await db.update(users).set({ totpSecret: TOTP_SECRET, totpEnabledAt: new Date() }).where(eq(users.id, userId));
        return { userId, version: 1 };
      },
    },
  };
}

function familyBases(db: Database, codes: CodeAllocator, records: BaseRecords): HostileBases {
  const { familyId, donorId } = records;
  return {
    "families.create": {
      fields: { reference: text(11), contactName: text(200), phone: text(24), area: text(200) },
      prepare: async () => ({ ...FAMILY_VALUES, reference: codes.familyReference() }),
    },
    "families.update": {
      fields: { contactName: text(200), phone: text(24), area: text(200), version: VERSION },
      prepare: async () => {
        const family = one(await db.select().from(families).where(eq(families.id, familyId)), "the family");
        return { familyId, reference: family.reference, contactName: family.contactName, phone: family.phone, area: family.area, version: family.version };
      },
    },
    "families.void": voidOf(() => createFamily(db)),
    "families.issueAccessCode": { fields: { familyId: ID }, prepare: async () => ({ familyId }) },
    "families.liftSignInLock": { fields: { familyId: ID }, prepare: async () => ({ familyId }) },
    "donors.create": { fields: DONOR_FIELDS, prepare: async () => structuredClone(records.donor) },
    "donors.update": {
      fields: { ...DONOR_FIELDS, version: VERSION },
      prepare: async () => {
        const { version } = one(await db.select().from(referenceDonors).where(eq(referenceDonors.id, donorId)), "the donor");
        return { ...structuredClone(records.donor), donorId, version };
      },
    },
    "donors.void": voidOf(() => createDonor(db)),
  };
}

const REPORT_FIELDS = { station: text(200), reportNumber: text(40), filedOn: DATE, reporterName: text(200), reporterRelationship: text(200), narrative: text(4000) };
const REPORT_VALUES = { station: "مركز شرطة ترهونة", filedOn: "2020-07-01", reporterName: "سالم عمر", reporterRelationship: "أخ", category: "disappearance", narrative: "" } as const;

/** A police report naming one person, made per call: a correction or a void uses it up. */
async function createReportNaming(db: Database, missingPersonId: string) {
  const report = one(await db.insert(policeReports).values({ ...REPORT_VALUES, reportNumber: `H/${uniqueSuffix()}` }).returning(), "the report");
  await db.insert(policeReportPersons).values({ reportId: report.id, missingPersonId });
  return report;
}

/** A committed import that created one person, made per call: a void uses it up. */
async function createImportOfOnePerson(db: Database) {
  const creator = one(await db.select().from(users).limit(1), "a user");
  const run = one(
    await db
      .insert(spreadsheetImports)
      .values({ id: randomUUID(), kind: "missingPersons", fileName: "list.xlsx", sha256: "0".repeat(64), createdBy: creator.id, createdCount: 1 })
      .returning(),
    "the import",
  );
  await db.update(missingPersons).set({ importId: run.id }).where(eq(missingPersons.id, (await createMissingPerson(db)).id));
  return run;
}

function personBases(db: Database, records: BaseRecords): HostileBases {
  const { missingPersonId } = records;
  return {
    "reports.update": {
      fields: { ...REPORT_FIELDS, version: VERSION },
      prepare: async () => {
        const { id, reportNumber, version } = await createReportNaming(db, missingPersonId);
        return { ...REPORT_VALUES, reportId: id, reportNumber, version, missingPersonIds: [missingPersonId] };
      },
    },
    "reports.void": voidOf(() => createReportNaming(db, missingPersonId)),
    "persons.void": voidOf(() => createMissingPerson(db)),
    "imports.void": {
      fields: { importId: ID, reason: text(1000) },
      prepare: async () => ({ importId: (await createImportOfOnePerson(db)).id, reason: "The office sent a draft list" }),
    },
    "persons.create": { fields: PERSON_FIELDS, prepare: async () => ({ ...records.person, duplicatesReviewed: true }) },
    "persons.update": {
      fields: { ...PERSON_FIELDS, version: VERSION },
      prepare: async () => {
        const { version, status } = one(await db.select().from(missingPersons).where(eq(missingPersons.id, missingPersonId)), "the person");
        return { ...records.person, missingPersonId, version, status };
      },
    },
    // Each call records the antemortem data of a fresh person, so every clean save is a first one (version null).
    "antemortem.save": {
      fields: { ...AM_PM_FIELDS, hair: text(200), informantName: text(200), informedOn: DATE, heightMinCm: CENTIMETRES, ageAtDisappearance: AGE },
      prepare: async () => ({ ...AM_VALUES, personId: (await createMissingPerson(db)).id }),
    },
    "persons.merge": {
      fields: { survivorId: ID, mergedId: ID, survivorVersion: VERSION, mergedVersion: VERSION },
      prepare: async () => ({ survivorId: (await createMissingPerson(db)).id, mergedId: (await createMissingPerson(db)).id, survivorVersion: 1, mergedVersion: 1 }),
    },
    "reports.create": {
      fields: { station: text(200), reportNumber: text(40), filedOn: DATE, reporterName: text(200), reporterRelationship: text(200), narrative: text(4000) },
      prepare: async () => ({
        ...{ station: "مركز شرطة ترهونة", reportNumber: `H/${uniqueSuffix()}`, filedOn: "2020-07-01", reporterName: "سالم عمر", reporterRelationship: "أخ" },
        ...{ category: "disappearance", narrative: "", missingPersonIds: [missingPersonId], newPersons: [] },
      }),
    },
  };
}

function sampleBases(db: Database, codes: CodeAllocator, records: BaseRecords): HostileBases {
  const { donorId, sampleId } = records;
  return {
    "samples.collect": { fields: SAMPLE_FIELDS, prepare: async () => ({ ...records.sample, barcode: codes.barcodeNumber() }) },
    "samples.update": {
      fields: { ...SAMPLE_FIELDS, version: VERSION },
      prepare: async () => {
        const { barcode, version } = one(await db.select().from(dnaSamples).where(eq(dnaSamples.id, sampleId)), "the sample");
        return { ...records.sample, sampleId, barcode, version };
      },
    },
    "samples.advanceLabStatus": {
      fields: { on: DATE, laboratory: text(200), failureReason: text(200), version: VERSION },
      prepare: async () => ({
        sampleId: (await createReferenceSample(db, donorId, codes.barcodeNumber())).id,
        ...{ version: 1, labStatus: "shipped", on: "2024-03-02", laboratory: "ICMP The Hague", failureReason: "" },
      }),
    },
    "samples.void": voidOf(() => createReferenceSample(db, donorId, codes.barcodeNumber())),
    "samples.printReceipt": { fields: { sampleId: ID }, prepare: async () => ({ sampleId }) },
    "donors.printInvitation": { fields: { donorId: ID }, prepare: async () => ({ donorId: records.unsampledDonorId }) },
    // Each call seals the sample it names: a fresh one per call.
    "samples.withdrawConsent": {
      fields: { withdrawnOn: DATE, wordingVersion: text(200), note: text(4000), version: VERSION },
      prepare: async () => {
        const sample = await createReferenceSample(db, donorId, codes.barcodeNumber());
        return { sampleId: sample.id, withdrawnOn: "2024-05-02", wordingVersion: "WD-2024-1", note: "", version: sample.version };
      },
    },
  };
}

function forensicBases(db: Database, codes: CodeAllocator, records: BaseRecords): HostileBases {
  const { siteId, remainsId } = records;
  return {
    "graveSites.create": { fields: SITE_FIELDS, prepare: async () => ({ ...GRAVE_SITE_VALUES, code: codes.siteCode() }) },
    "graveSites.update": {
      fields: { ...SITE_FIELDS, statusChangeReason: text(1000), version: VERSION },
      prepare: async () => {
        // Recording a body moved the site on from "surveyed" (graveSite.excavationStarted): an edit keeps its status.
        const { code, version, status } = one(await db.select().from(graveSites).where(eq(graveSites.id, siteId)), "the site");
        return { ...GRAVE_SITE_VALUES, code, siteId, version, status, statusChangeReason: "" };
      },
    },
    "graveSites.void": voidOf(() => createGraveSite(db)),
    "remains.create": {
      fields: REMAINS_FIELDS,
      prepare: async () => ({ ...structuredClone(REMAINS_VALUES), siteId, code: codes.remainsCode(records.siteCode) }),
    },
    "remains.update": {
      fields: { ...REMAINS_FIELDS, version: VERSION },
      prepare: async () => {
        const { code, version } = one(await db.select().from(remains).where(eq(remains.id, remainsId)), "the remains");
        const effects = await db
          .select({ effectId: personalEffects.id, kind: personalEffects.kind, description: personalEffects.description })
          .from(personalEffects)
          .where(and(eq(personalEffects.remainsId, remainsId), isNull(personalEffects.voidedAt)))
          .orderBy(personalEffects.createdAt, personalEffects.id);
        return { ...REMAINS_VALUES, code, remainsId, version, effects };
      },
    },
    "remains.void": voidOf(() => createRemains(db)),
    "postmortem.save": {
      fields: { ...AM_PM_FIELDS, statureMinCm: CENTIMETRES },
      prepare: async () => ({ ...PM_VALUES, remainsId: (await createRemains(db)).id }),
    },
    "custody.record": {
      fields: { fromParty: text(200), toParty: text(200), place: text(200), notes: text(2000), occurredAt: { kind: "dateTime" } },
      prepare: async () => ({
        ...{ remainsId, sampleId: null, action: "transferred", fromParty: "فريق الانتشال", toParty: "مشرحة طرابلس", place: "ترهونة" },
        ...{ occurredAt: "2024-05-01T09:30", notes: "", correctsEventId: null },
      }),
    },
  };
}

/** Field capture (issue 25): a device registered to one examiner, who alone may sync and reserve on it. */
async function fieldBases(db: Database, records: BaseRecords): Promise<HostileBases> {
  const examiner = await createUser(db, "forensic");
  const [device] = await db.insert(fieldDevices).values({ userId: examiner.id, label: "Hostile-input tablet" }).returning();
  const deviceId = one(device ? [device] : [], "the device").id;
  return {
    "field.registerDevice": { fields: { label: text(100) }, prepare: async () => ({ label: "لوح الفريق أ" }) },
    "field.reserveCodes": {
      caller: examiner,
      fields: { siteId: ID, count: { kind: "number", min: 1, max: 100, integer: true } },
      prepare: async () => ({ deviceId, siteId: records.siteId, count: 5 }),
    },
    "field.sync": {
      caller: examiner,
      fields: { "payload.fromParty": text(200), "payload.notes": text(2000), "payload.occurredAt": { kind: "dateTime" } },
      prepare: async () => ({
        deviceId,
        itemId: randomUUID(),
        kind: "custody.record",
        capturedAt: "2024-05-01T09:30:00.000Z",
        positionAccuracyMetres: null,
        payload: { remainsId: records.remainsId, sampleId: null, action: "transferred", fromParty: "فريق الانتشال", toParty: "مشرحة طرابلس", place: "ترهونة", occurredAt: "2024-05-01T09:30", notes: "", correctsEventId: null },
      }),
    },
  };
}

/** Identifications in each state a step starts from, proposed by one examiner and confirmed by another. */
async function identificationBases(db: Database, proposer: User): Promise<HostileBases> {
  const confirmer = await createUser(db, "forensic");
  const confirmed = { confirmedBy: confirmer.id, confirmedAt: new Date("2024-01-01T10:00:00Z") };
  const steps = {
    proposed: {},
    confirmed,
    family_notified: { ...confirmed, notifiedOn: "2024-01-02", notifiedBy: confirmer.id, notificationMethod: "in_person" },
  };
  async function identificationIn(status: keyof typeof steps) {
    const [body, person] = [await createRemains(db), await createMissingPerson(db)];
    const values = { remainsId: body.id, missingPersonId: person.id, basis: ["dna" as const], likelihoodRatio: 1e9, evidenceSummary: "اختبار" };
    const rows = await db.insert(identifications).values({ ...values, proposedBy: proposer.id, status, ...steps[status] }).returning();
    return { identificationId: one(rows, "the identification").id, version: 1 };
  }
  const reason = text(2000);
  return {
    "identifications.propose": {
      fields: { remainsCode: text(60), likelihoodRatio: text(40), evidenceSummary: text(4000), dnaOverrideReason: text(2000) },
      prepare: async () => {
        const person = await createMissingPerson(db);
        await createProfiledReference(db, person.id);
        return {
          remainsCode: (await createRemains(db)).code,
          missingPersonId: person.id,
          ...{ basis: ["dna"], likelihoodRatio: "1.2e9", locale: "en", evidenceSummary: "STR profile matches the mother's reference on 21 loci.", acknowledgeMismatch: true },
          ...{ dnaProfileOverride: false, dnaOverrideReason: "" },
        };
      },
    },
    "identifications.confirm": { fields: { identificationId: ID, version: VERSION }, prepare: () => identificationIn("proposed") },
    "identifications.reject": {
      fields: { reason, version: VERSION },
      prepare: async () => ({ ...(await identificationIn("proposed")), reason: "The profile does not match." }),
    },
    "identifications.retract": {
      fields: { reason, version: VERSION },
      prepare: async () => ({ ...(await identificationIn("confirmed")), reason: "A sample mix-up at the laboratory." }),
    },
    "identifications.recordNotification": {
      fields: { notifiedOn: DATE, version: VERSION },
      prepare: async () => ({ ...(await identificationIn("confirmed")), notifiedOn: "2024-01-10", notificationMethod: "in_person" }),
    },
    "identifications.recordMeeting": {
      fields: {
        heldOn: DATE, place: text(300), staffPresent: text(1000), familyPresent: text(1000), interpreter: text(300),
        explanation: text(4000), familyQuestions: text(4000), followUps: text(4000), remainsWishes: text(4000),
      },
      prepare: async () => ({
        identificationId: (await identificationIn("family_notified")).identificationId,
        ...{ heldOn: "2024-01-02", place: "مكتب البلدية", staffPresent: "نوال", familyPresent: "أم المفقود وأخوه", interpreter: "" },
        ...{ supportOffered: true, supportAccepted: false, explanation: "تم التعرف بمطابقة الحمض النووي مع عينة الأم.", familyQuestions: "", followUps: "", remainsWishes: "" },
      }),
    },
    "identifications.recordHandover": {
      fields: { handedOverAt: { kind: "dateTime" }, place: text(300), receivedBy: text(300), receivedByRelationship: text(100), staffMember: text(300), notes: text(2000) },
      prepare: async () => ({
        identificationId: (await identificationIn("family_notified")).identificationId,
        ...{ handedOverAt: "2024-01-05T10:00", place: "مشرحة ترهونة", receivedBy: "سالم الرماني", receivedByRelationship: "أخ", staffMember: "نوال", notes: "", items: [] },
      }),
    },
    "identifications.issueDocument": {
      fields: { addressee: text(300) },
      prepare: async () => ({ identificationId: (await identificationIn("family_notified")).identificationId, kind: "identification_certificate", addressee: "سالم الرماني" }),
    },
    "identifications.addFollowUp": {
      fields: { description: text(2000), dueOn: DATE },
      prepare: async () => ({ identificationId: (await identificationIn("family_notified")).identificationId, kind: "question", description: "متى يصدر تصريح الدفن؟", dueOn: "2024-02-01" }),
    },
    "identifications.completeFollowUp": {
      fields: { doneNote: text(2000), version: VERSION },
      prepare: async () => {
        const { identificationId } = await identificationIn("family_notified");
        const rows = await db.insert(familyFollowUps).values({ identificationId, kind: "promised_action", description: "الاتصال بالعائلة", dueOn: "2024-02-01", recordedBy: proposer.id }).returning();
        return { followUpId: one(rows, "the follow-up").id, version: 1, doneNote: "" };
      },
    },
    "identifications.recordReturn": {
      fields: { returnedOn: DATE, returnedTo: text(300), burialPlace: text(300), version: VERSION },
      prepare: async () => ({ ...(await identificationIn("family_notified")), returnedOn: "2024-02-01", returnedTo: "عائلة الرماني", burialPlace: "مقبرة ترهونة" }),
    },
  };
}

function settingsBases(db: Database): HostileBases {
  return {
    "settings.updateOfficeContact": {
      fields: {
        nameAr: text(200), nameEn: text(200), addressAr: text(500), addressEn: text(500), phone: text(40),
        hoursAr: text(300), hoursEn: text(300), messageAr: text(1000), messageEn: text(1000), version: VERSION,
      },
      prepare: async () => ({ ...OFFICE_CONTACT_VALUES, version: (await getOfficeContact(db)).version }),
    },
  };
}

/** The Book of Belongings: each call gets its own open viewing session, item and recognition, which a call uses up. */
function belongingsBases(db: Database, records: BaseRecords): HostileBases {
  const registrar = () => createUser(db, "registrar");
  const openSession = async () => {
    const [viewing] = await db.insert(belongingViewingSessions).values({ familyId: records.familyId, openedBy: (await registrar()).id }).returning();
    return one(viewing ? [viewing] : [], "the viewing session").id;
  };
  const newItem = async () => {
    const body = await createRemains(db);
    const [effect] = await db.insert(personalEffects).values({ remainsId: body.id, kind: "jewellery", description: "خاتم فضي", category: "ring" }).returning();
    return one(effect ? [effect] : [], "the effect").id;
  };
  return {
    "belongings.openViewing": { fields: { familyId: ID }, prepare: async () => ({ familyId: records.familyId }) },
    "belongings.closeViewing": { fields: { viewingSessionId: ID }, prepare: async () => ({ viewingSessionId: await openSession() }) },
    "belongings.recordRecognition": {
      fields: { recognisedBy: text(200), words: text(2000) },
      prepare: async () => ({ viewingSessionId: await openSession(), effectId: await newItem(), missingPersonId: records.missingPersonId, recognisedBy: "الأم", words: "" }),
    },
    "belongings.setRemoteViewing": { fields: { familyId: ID }, prepare: async () => ({ familyId: records.familyId, remoteViewing: true }) },
    "belongings.followUpRecognition": {
      fields: { note: text(1000) },
      prepare: async () => {
        const values = { effectId: await newItem(), missingPersonId: records.missingPersonId, familyId: records.familyId, source: "portal" as const, recognisedBy: "الأخ" };
        const [lead] = await db.insert(belongingRecognitions).values(values).returning();
        return { recognitionId: one(lead ? [lead] : [], "the recognition").id, note: "طُلبت عينة مرجعية" };
      },
    },
  };
}

/** A registrar's void of a missing person, waiting for a second person (issue 27). */
async function pendingPersonVoid(db: Database): Promise<string> {
  const person = await createMissingPerson(db);
  const requester = await createUser(db, "registrar");
  const [request] = await db
    .insert(approvalRequests)
    .values({ action: "persons.void", input: { recordId: person.id, reason: "Registered twice by mistake" }, subjectEntity: "missing_person", subjectId: person.id, requestedBy: requester.id })
    .returning();
  if (!request) throw new Error("the approval request was not saved");
  return request.id;
}

async function approvalBases(db: Database): Promise<HostileBases> {
  // A registrar may take the step the requests ask for; not every role allowed to decide may.
  const approver = await createUser(db, "registrar");
  return {
    "approvals.approve": { caller: approver, fields: { requestId: ID }, prepare: async () => ({ requestId: await pendingPersonVoid(db) }) },
    "approvals.refuse": {
      caller: approver,
      fields: { requestId: ID, reason: text(1000) },
      prepare: async () => ({ requestId: await pendingPersonVoid(db), reason: "Not a duplicate: a different mother" }),
    },
    // The tests run every step at once (relaxSecondPersonControl); saving that again changes nothing.
    "settings.updateApprovalPolicy": { fields: {}, prepare: () => Promise.resolve({ required: { "persons.void": false } }) },
  };
}

async function untilNoRefreshRuns(db: Database, timeoutMs = 120_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const running = await db.select({ id: samplingRefreshRuns.id }).from(samplingRefreshRuns).where(isNull(samplingRefreshRuns.finishedAt)).limit(1);
    if (running.length === 0) return;
    if (Date.now() > giveUpAt) throw new Error("a sampling refresh started by an earlier call did not finish within 2 minutes");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function kinshipBases(db: Database, records: BaseRecords): HostileBases {
  const profileCsv = ["sample barcode,locus,allele 1,allele 2", `${records.barcode},TH01,6,7`, `${records.barcode},D3S1358,15,16`].join("\n");
  return {
    // The same calls every time: after the first, each import is a no-op rather than a re-typing.
    "kinship.importProfiles": {
      fields: { csv: { kind: "csv", valid: profileCsv }, retypingReason: text(2000) },
      prepare: async () => ({ csv: profileCsv, retyping: false, retypingReason: "" }),
    },
    "kinship.approveFrequencies": {
      fields: { tableId: ID },
      prepare: async () => {
        const loader = await createUser(db, "forensic");
        const table = await db.transaction((tx) =>
          saveFrequencyTable(tx, { name: `Pending ${uniqueSuffix()}`, synthetic: false, minFrequency: 0.002, loadedBy: loader.id, rows: parseFrequencyCsv(FREQUENCY_CSV).rows }),
        );
        return { tableId: table.id };
      },
    },
    "kinship.importFrequencies": {
      fields: { name: text(200), minFrequency: { kind: "number", min: 0, max: 1 }, csv: { kind: "csv", valid: FREQUENCY_CSV } },
      prepare: async () => ({ name: `Table ${uniqueSuffix()}`, minFrequency: 0.002, csv: FREQUENCY_CSV }),
    },
    // A start runs the refresh in the background after answering, writing as it goes: each clean
    // start is followed until its run has finished (settle), so that the next start is not refused
    // as "already running" and no refusal is blamed for the run's writes.
    "kinship.startSamplingRefresh": {
      fields: { scope: text(20) },
      prepare: async () => ({ scope: "stale" }),
      settle: () => untilNoRefreshRuns(db),
    },
  };
}

/** A report waiting in the triage queue, as the public form leaves it: each decision uses one up. */
async function waitingOnlineReport(db: Database): Promise<{ id: string; version: number }> {
  const [report] = await db
    .insert(onlineReports)
    .values({
      reference: `TRH-R-${uniqueSuffix().toUpperCase()}`,
      ...{ reporterName: "فاطمة", reporterRelationship: "الأم", reporterPhone: "0912345678", reporterPhoneKey: "0912345678", reporterResidence: "مصراتة" },
      ...{ givenName: "سالم", familyName: `الكاني ${uniqueSuffix()}`, sex: "male" as const, birthYear: 1990, consentWording: "OR-CONSENT-2026-1" },
    })
    .returning({ id: onlineReports.id, version: onlineReports.version });
  return one(report ? [report] : [], "the online report");
}

function onlineReportBases(db: Database, codes: CodeAllocator, records: BaseRecords): HostileBases {
  const consentOf = async () => {
    const [consent] = await db.insert(dataConsents).values({ missingPersonId: records.missingPersonId, level: "partners", source: "office", wordingVersion: "OFF-1", givenOn: "2024-01-02", givenBy: "الأم" }).returning();
    return one(consent ? [consent] : [], "the consent");
  };
  return {
    "onlineReports.accept": {
      fields: { "newFamily.contactName": text(200), "newFamily.area": text(200), "newFamily.phone": text(24) },
      prepare: async () => {
        const report = await waitingOnlineReport(db);
        return { reportId: report.id, version: report.version, mode: "newFamily", newFamily: { reference: codes.familyReference(), contactName: "فاطمة", phone: "0912345678", area: "مصراتة" } };
      },
    },
    "onlineReports.reject": {
      fields: { reason: text(1000), version: VERSION },
      prepare: async () => {
        const report = await waitingOnlineReport(db);
        return { reportId: report.id, version: report.version, kind: "insufficient", reason: "لا يكفي للعمل عليه" };
      },
    },
    "consents.record": {
      fields: { givenOn: DATE, givenBy: text(200), wordingVersion: text(100) },
      prepare: async () => ({ missingPersonId: records.missingPersonId, levels: ["search", "partners"], givenOn: "2024-03-01", givenBy: "الأخ", wordingVersion: "OFF-2024-1" }),
    },
    "consents.withdraw": {
      fields: { withdrawnOn: DATE, wordingVersion: text(100), note: text(2000), version: VERSION },
      prepare: async () => {
        const consent = await consentOf();
        return { consentId: consent.id, version: consent.version, withdrawnOn: "2024-05-02", wordingVersion: "WD-1", note: "سحب في المكتب" };
      },
    },
  };
}

/** A family's stored pedigree (version 1): its missing man and an untyped woman, made per call. */
function pedigreeBases(db: Database): HostileBases {
  const freshPedigree = async () => {
    const person = await createMissingPerson(db);
    const familyId = person.familyId ?? "";
    const [pedigree] = await db.insert(familyPedigrees).values({ familyId }).returning();
    const pedigreeId = one(pedigree ? [pedigree] : [], "the pedigree").id;
    const [, woman] = await db
      .insert(pedigreePersons)
      .values([
        { pedigreeId, missingPersonId: person.id, sex: "male" },
        { pedigreeId, label: "الجدة", sex: "female" },
      ])
      .returning();
    return { familyId, personId: one(woman ? [woman] : [], "the untyped woman").id };
  };
  return {
    "pedigree.create": { fields: { familyId: ID }, prepare: async () => ({ familyId: (await createMissingPerson(db)).familyId }) },
    "pedigree.addPerson": {
      fields: { familyId: ID, version: VERSION, label: text(200) },
      prepare: async () => ({ kind: "untyped", familyId: (await freshPedigree()).familyId, version: 1, label: "الجد من جهة الأب", sex: "male" }),
    },
    "pedigree.updatePerson": {
      fields: { familyId: ID, personId: ID, version: VERSION, label: text(200) },
      prepare: async () => ({ ...(await freshPedigree()), version: 1, fatherId: "", motherId: "", sex: "female", label: "الجدة من جهة الأم" }),
    },
    "pedigree.removePerson": { fields: { familyId: ID, personId: ID, version: VERSION }, prepare: async () => ({ ...(await freshPedigree()), version: 1 }) },
  };
}

/** Bases for all actions; `call` runs an action as a user it allows, `proposer` is a second examiner. */
export async function createHostileBases(db: Database, call: ActionCaller, proposer: User): Promise<HostileBases> {
  const codes = new CodeAllocator();
  const records = await createBaseRecords(db, call, codes);
  return {
    ...(await userBases(db)),
    ...familyBases(db, codes, records),
    ...personBases(db, records),
    ...sampleBases(db, codes, records),
    ...forensicBases(db, codes, records),
    ...(await identificationBases(db, proposer)),
    ...kinshipBases(db, records),
    ...settingsBases(db),
    ...belongingsBases(db, records),
    ...pedigreeBases(db),
    ...(await approvalBases(db)),
    ...onlineReportBases(db, codes, records),
    ...(await fieldBases(db, records)),
  };
}
