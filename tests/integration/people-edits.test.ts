import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  addReferenceDonor,
  createFamily,
  updateFamily,
  updateReferenceDonor,
  voidFamily,
  voidReferenceDonor,
} from "@/app/[locale]/staff/families/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { createPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { changeLabStatus, collectSample, updateSample, voidSample } from "@/app/[locale]/staff/samples/actions";
import { dnaSamples, donorRelationships, missingPersons, policeReportPersons } from "@/db/schema";
import { getFamiliesPage } from "@/lib/people/family-list";
import { getFamilyDetails } from "@/lib/people/family-queries";
import { getSampleReceipt } from "@/lib/people/receipts";
import { getReportsPage } from "@/lib/people/report-list";
import { encodeCursor } from "@/lib/lists/keyset";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, uniqueFamilyName, unwrap } from "./support/people";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "editing and voiding families, donors and samples; reports naming new people", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  async function familyWithDonor() {
    const family = familyInput();
    const { familyId } = unwrap(await createFamily(family));
    const person = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    const donor = motherDonorInput(familyId, person.missingPersonId);
    const { donorId } = unwrap(await addReferenceDonor(donor));
    return { family, familyId, donor, donorId, missingPersonId: person.missingPersonId };
  }

  function report(overrides: Partial<Parameters<typeof createPoliceReport>[0] & object> = {}) {
    return {
      station: "مركز شرطة ترهونة",
      reportNumber: `E/${crypto.randomUUID().slice(0, 8)}`,
      filedOn: "2020-07-01",
      reporterName: "سالم عمر",
      reporterRelationship: "أخ",
      category: "disappearance" as const,
      narrative: "",
      missingPersonIds: [] as string[],
      newPersons: [] as { givenName: string; fatherName: string; grandfatherName: string; familyName: string; sex: "male"; birthYear: string; familyReference: string; duplicatesReviewed: boolean }[],
      ...overrides,
    };
  }

  describe("families", () => {
    it("saves a corrected family with an audit entry that never holds the access code hash", async () => {
      const { family, familyId } = await familyWithDonor();
      expect(unwrap(await updateFamily({ ...family, familyId, version: 1, area: "وادي الربط" }))).toEqual({ version: 2 });
      expect((await getFamilyDetails(readAs("registrar", "people.read"), db(), familyId))?.area).toBe("وادي الربط");
      const [, updated] = await auditEntriesFor(db(), "family", familyId);
      expect(updated).toMatchObject({ action: "family.update", after: { area: "وادي الربط" } });
      expect(JSON.stringify(updated)).not.toContain("accessCodeHash");
    });

    it("refuses a save from a stale version, saying who saved first, and keeps the newer values", async () => {
      const { family, familyId } = await familyWithDonor();
      unwrap(await updateFamily({ ...family, familyId, version: 1, contactName: "الأول" }));
      const stale = await updateFamily({ ...family, familyId, version: 1, contactName: "الثاني" });
      expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: expect.stringContaining("registrar") } });
      expect((await getFamilyDetails(readAs("registrar", "people.read"), db(), familyId))?.contactName).toBe("الأول");
    });

    it("refuses a reference another family already has", async () => {
      const { familyId, family } = await familyWithDonor();
      const other = familyInput();
      unwrap(await createFamily(other));
      expect(await updateFamily({ ...family, familyId, version: 1, reference: other.reference })).toMatchObject({
        ok: false,
        fieldErrors: { reference: "familyReferenceTaken" },
      });
    });

    it("voids a family entered in error only with a reason, and lists it no more", async () => {
      const family = familyInput();
      const { familyId } = unwrap(await createFamily(family));
      expect(await voidFamily({ recordId: familyId, reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: "required" } });
      expect(await voidFamily({ recordId: familyId, reason: "خطأ", version: 1 })).toMatchObject({ ok: false, fieldErrors: { reason: "Forensic.voidReasonTooShort" } });
      unwrap(await voidFamily({ recordId: familyId, reason: "سُجلت مرتين بالخطأ", version: 1 }));
      const listed = await getFamiliesPage(readAs("registrar", "people.read"), db(), { search: family.reference });
      expect(listed.rows).toEqual([]);
      expect(await auditEntriesFor(db(), "family", familyId)).toMatchObject([{ action: "family.create" }, { action: "family.void", after: { voidReason: "سُجلت مرتين بالخطأ" } }]);
    });

    it("refuses to void a family whose people and donors are still on record", async () => {
      const { familyId } = await familyWithDonor();
      expect(await voidFamily({ recordId: familyId, reason: "سُجلت بالخطأ" })).toMatchObject({ ok: false, message: "PeopleEdits.familyHasRecords" });
    });

    it("refuses to void from a stale version", async () => {
      const family = familyInput();
      const { familyId } = unwrap(await createFamily(family));
      unwrap(await updateFamily({ ...family, familyId, version: 1, area: "السوق" }));
      expect(await voidFamily({ recordId: familyId, reason: "سُجلت بالخطأ", version: 1 })).toMatchObject({ ok: false, error: "conflict" });
    });
  });

  describe("donors", () => {
    it("saves a donor's corrected name and relation, audited with both", async () => {
      const { donor, donorId, missingPersonId } = await familyWithDonor();
      const edit = { ...donor, donorId, version: 1, givenName: "عائشه", relationships: [{ missingPersonId, relationship: "aunt_uncle" as const, side: "maternal" as const }] };
      expect(unwrap(await updateReferenceDonor(edit))).toEqual({ version: 2 });
      expect(await db().select({ relationship: donorRelationships.relationship }).from(donorRelationships).where(eq(donorRelationships.donorId, donorId))).toEqual([
        { relationship: "aunt_uncle" },
      ]);
      const [, updated] = await auditEntriesFor(db(), "reference_donor", donorId);
      expect(updated).toMatchObject({ action: "donor.update", before: { relationships: [{ relationship: "mother" }] }, after: { givenName: "عائشه", relationships: [{ relationship: "aunt_uncle" }] } });
      expect(await updateReferenceDonor({ ...edit, givenName: "فاطمة" })).toMatchObject({ ok: false, error: "conflict" });
    });

    it("refuses to void a donor whose sample is on record, then voids once the sample is voided", async () => {
      const { familyId, donorId } = await familyWithDonor();
      const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
      expect(await voidReferenceDonor({ recordId: donorId, reason: "سُجل بالخطأ" })).toMatchObject({ ok: false, message: "PeopleEdits.donorHasSamples" });
      unwrap(await voidSample({ recordId: sampleId, reason: "عينة ملوثة سُجلت بالخطأ", version: 1 }));
      unwrap(await voidReferenceDonor({ recordId: donorId, reason: "سُجل بالخطأ", version: 1 }));
      expect((await getFamilyDetails(readAs("registrar", "people.read"), db(), familyId))?.donors).toEqual([]);
    });
  });

  describe("reference samples", () => {
    it("corrects the collection facts, audited, without touching the lab status", async () => {
      const { donorId } = await familyWithDonor();
      const collected = sampleInput(donorId);
      const { sampleId } = unwrap(await collectSample(collected));
      const edit = { ...collected, sampleId, version: 1, collectedByName: "فريق آخر", consentScope: "identification_and_research" as const };
      expect(unwrap(await updateSample(edit))).toEqual({ version: 2 });
      const [sample] = await db().select().from(dnaSamples).where(eq(dnaSamples.id, sampleId));
      expect(sample).toMatchObject({ collectedByName: "فريق آخر", consentScope: "identification_and_research", labStatus: "collected" });
      expect((await auditEntriesFor(db(), "dna_sample", sampleId)).map((entry) => entry.action)).toEqual(["sample.collect", "sample.update"]);
      expect(await updateSample({ ...edit, collectedByName: "ثالث" })).toMatchObject({ ok: false, error: "conflict" });
    });

    it("refuses a correction without consent, and a new barcode once the sample has gone to the lab", async () => {
      const { donorId } = await familyWithDonor();
      const collected = sampleInput(donorId);
      const { sampleId } = unwrap(await collectSample(collected));
      expect(await updateSample({ ...collected, sampleId, version: 1, consentGiven: false })).toMatchObject({ ok: false, fieldErrors: { consentGiven: "consentRequired" } });
      const shipped = unwrap(await changeLabStatus({ sampleId, version: 1, labStatus: "shipped", on: "2024-03-05", laboratory: "ICMP", failureReason: "" }));
      expect(await updateSample({ ...collected, sampleId, version: shipped.version, barcode: sampleInput(donorId).barcode })).toMatchObject({
        ok: false,
        fieldErrors: { barcode: "barcodeLocked" },
      });
    });

    it("the receipt names the missing person in full, grandfather included, and says the donor is a woman", async () => {
      const { donorId, missingPersonId } = await familyWithDonor();
      const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
      const receipt = await getSampleReceipt(readAs("registrar", "personalData.export"), db(), sampleId);
      expect(receipt).toMatchObject({ donorSex: "female", donorGrandfatherName: "" });
      expect(receipt?.relatives).toEqual([
        expect.objectContaining({ missingPersonId, givenName: "أحمد", fatherName: "محمد", grandfatherName: "علي", sex: "male", relationship: "mother" }),
      ]);
    });

    it("voids a sample with a reason: the family page and the receipt no longer show it", async () => {
      const { familyId, donorId } = await familyWithDonor();
      const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
      expect(await voidSample({ recordId: sampleId, reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: "required" } });
      unwrap(await voidSample({ recordId: sampleId, reason: "الرمز مكرر على عينة أخرى" }));
      expect(await getSampleReceipt(readAs("registrar", "personalData.export"), db(), sampleId)).toBeNull();
      expect((await getFamilyDetails(readAs("registrar", "people.read"), db(), familyId))?.donors[0]?.samples).toEqual([]);
      expect(await voidSample({ recordId: sampleId, reason: "مرة ثانية" })).toMatchObject({ ok: false, message: "Forensic.alreadyVoided" });
    });
  });

  describe("police reports naming people registered on the spot", () => {
    it("registers the report and a new person in one transaction, each audited", async () => {
      const { missingPersonId, family } = await familyWithDonor();
      const familyName = uniqueFamilyName();
      const newPerson = { givenName: "مصطفى", fatherName: "إبراهيم", grandfatherName: "الطاهر", familyName, sex: "male" as const, birthYear: "1988", familyReference: family.reference.toLowerCase(), duplicatesReviewed: false };
      const { reportId } = unwrap(await createPoliceReport(report({ missingPersonIds: [missingPersonId], newPersons: [newPerson] })));
      const named = await db().select({ id: policeReportPersons.missingPersonId }).from(policeReportPersons).where(eq(policeReportPersons.reportId, reportId));
      expect(named).toHaveLength(2);
      const [created] = await db().select().from(missingPersons).where(eq(missingPersons.familyName, familyName));
      expect(created).toMatchObject({ givenName: "مصطفى", birthYear: 1988, caseNumber: expect.stringMatching(/^TRH-MP-\d{5}$/) });
      expect(named.map((row) => row.id)).toContain(created?.id);
      expect(await auditEntriesFor(db(), "missing_person", created?.id ?? "")).toMatchObject([{ action: "missingPerson.create" }]);
    });

    it("refuses a new person who looks like one on file until reviewed, and keeps neither report nor person", async () => {
      const familyName = uniqueFamilyName();
      unwrap(await createMissingPerson(missingPersonInput({ givenName: "مصطفى", fatherName: "إبراهيم", grandfatherName: "الطاهر", familyName, birthYear: "1988" })));
      const variant = { givenName: "مصطفي", fatherName: "ابراهيم", grandfatherName: "الطاهر", familyName, sex: "male" as const, birthYear: "1989", familyReference: "", duplicatesReviewed: false };
      const refused = report({ newPersons: [variant] });
      expect(await createPoliceReport(refused)).toMatchObject({ ok: false, message: "People.duplicatesFound", fieldErrors: { "newPersons.0": "possibleDuplicates" } });
      expect(await getReportsPage(readAs("registrar", "people.read"), db(), { search: refused.reportNumber })).toMatchObject({ matches: 0 });
      expect(await db().select().from(missingPersons).where(eq(missingPersons.familyName, familyName))).toHaveLength(1);
      unwrap(await createPoliceReport({ ...refused, newPersons: [{ ...variant, duplicatesReviewed: true }] }));
      expect(await db().select().from(missingPersons).where(eq(missingPersons.familyName, familyName))).toHaveLength(2);
    });

    it("refuses a report naming nobody, and a new person of an unknown family", async () => {
      expect(await createPoliceReport(report())).toMatchObject({ ok: false, fieldErrors: { missingPersonIds: "choosePerson" } });
      const stranger = { givenName: "يوسف", fatherName: "", grandfatherName: "", familyName: uniqueFamilyName(), sex: "male" as const, birthYear: "", familyReference: "TRH-F-0000", duplicatesReviewed: true };
      expect(await createPoliceReport(report({ newPersons: [stranger] }))).toMatchObject({ ok: false, fieldErrors: { "newPersons.0.familyReference": "familyNotFound" } });
    });
  });

  describe("list pages", () => {
    it("lists a family with the number of its missing persons, and a report with the number it names", async () => {
      const { family, missingPersonId } = await familyWithDonor();
      expect((await getFamiliesPage(readAs("registrar", "people.read"), db(), { search: family.reference })).rows).toMatchObject([{ reference: family.reference, missingCount: 1 }]);
      const named = report({ missingPersonIds: [missingPersonId] });
      unwrap(await createPoliceReport(named));
      expect(await getReportsPage(readAs("registrar", "people.read"), db(), { search: named.reportNumber, category: "disappearance" })).toMatchObject({ matches: 1, rows: [{ personCount: 1 }] });
      expect(await getReportsPage(readAs("registrar", "people.read"), db(), { search: named.reportNumber, category: "killing" })).toMatchObject({ matches: 0 });
      // A hand-edited address whose cursor holds no date shows the first page instead of failing.
      const garbled = encodeCursor("not-a-date", missingPersonId);
      expect(await getReportsPage(readAs("registrar", "people.read"), db(), { search: named.reportNumber, after: garbled })).toMatchObject({ matches: 1, rows: [{ reportNumber: named.reportNumber }], previousCursor: null });
    });

    it("pages through families by keyset, forward and back, keeping the search", async () => {
      // 52 references sharing a prefix no other test uses: one full page of 50 and two more.
      const prefix = "TRH-F-87";
      for (let index = 0; index < 52; index += 1) unwrap(await createFamily(familyInput({ reference: `${prefix}${String(index).padStart(2, "0")}` })));
      const first = await getFamiliesPage(readAs("registrar", "people.read"), db(), { search: prefix });
      expect(first.matches).toBe(52);
      expect(first.rows).toHaveLength(50);
      expect(first.previousCursor).toBeNull();
      const second = await getFamiliesPage(readAs("registrar", "people.read"), db(), { search: prefix, after: first.nextCursor ?? "" });
      expect(second.rows.map((row) => row.reference)).toEqual([`${prefix}01`, `${prefix}00`]);
      expect(second.nextCursor).toBeNull();
      const back = await getFamiliesPage(readAs("registrar", "people.read"), db(), { search: prefix, before: second.previousCursor ?? "" });
      expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
      expect(back.previousCursor).toBeNull();
    });
  });
});
