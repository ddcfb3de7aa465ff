import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { createFamily, addReferenceDonor } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson, updateMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { createPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { changeLabStatus, collectSample } from "@/app/[locale]/staff/samples/actions";
import { custodyEvents, dnaSamples, missingPersons, policeReports } from "@/db/schema";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createUser as createUserRow } from "./support/factories";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, unwrap } from "./support/people";

const backends = await testBackends();

describeOnEachBackend(backends, "families, reports and reference samples", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    signInAs(await createUserRow(db(), "registrar"));
  });

  async function familyWithDonor() {
    const { familyId } = unwrap(await createFamily(familyInput()));
    const person = unwrap(await createMissingPerson(missingPersonInput({ familyId })));
    const { donorId } = unwrap(await addReferenceDonor(motherDonorInput(familyId, person.missingPersonId)));
    return { familyId, donorId, missingPersonId: person.missingPersonId };
  }

  it("refuses a reference sample without consent, with a field error, and keeps nothing", async () => {
    const { donorId } = await familyWithDonor();
    const input = sampleInput(donorId, { consentGiven: false });
    expect(await collectSample(input)).toMatchObject({ ok: false, error: "invalid", fieldErrors: { consentGiven: "consentRequired" } });
    expect(await db().select().from(dnaSamples).where(eq(dnaSamples.barcode, input.barcode))).toEqual([]);
  });

  it("collects a sample with consent and opens its chain of custody", async () => {
    const { donorId } = await familyWithDonor();
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    const [sample] = await db().select().from(dnaSamples).where(eq(dnaSamples.id, sampleId));
    expect(sample).toMatchObject({ kind: "reference", consentGiven: true, consentScope: "identification_only", labStatus: "collected" });
    expect(await db().select().from(custodyEvents).where(eq(custodyEvents.sampleId, sampleId))).toMatchObject([{ action: "collected" }]);
  });

  it("refuses a barcode that is already in use, and a malformed one", async () => {
    const { donorId } = await familyWithDonor();
    const first = sampleInput(donorId);
    unwrap(await collectSample(first));
    expect(await collectSample({ ...first, barcode: first.barcode.toLowerCase() })).toMatchObject({
      ok: false,
      fieldErrors: { barcode: "barcodeTaken" },
    });
    expect(await collectSample({ ...first, barcode: "TRH-123" })).toMatchObject({ ok: false, fieldErrors: { barcode: "barcodeFormat" } });
  });

  it("moves the lab status forward only", async () => {
    const { donorId } = await familyWithDonor();
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    const shipped = unwrap(await changeLabStatus({ sampleId, version: 1, labStatus: "received", on: "2024-03-05", laboratory: "ICMP", failureReason: "" }));
    expect(await changeLabStatus({ sampleId, version: shipped.version, labStatus: "shipped", on: "2024-03-06", laboratory: "", failureReason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { labStatus: "labStatusBackwards" },
    });
    expect(await db().select().from(custodyEvents).where(eq(custodyEvents.sampleId, sampleId))).toHaveLength(2);
  });

  it("refuses to mark a sample failed without saying why, and changes nothing", async () => {
    const { donorId } = await familyWithDonor();
    const { sampleId } = unwrap(await collectSample(sampleInput(donorId)));
    expect(await changeLabStatus({ sampleId, version: 1, labStatus: "failed", on: "2024-03-05", laboratory: "ICMP", failureReason: " " })).toMatchObject({
      ok: false,
      fieldErrors: { failureReason: "required" },
    });
    const [sample] = await db().select().from(dnaSamples).where(eq(dnaSamples.id, sampleId));
    expect(sample?.labStatus).toBe("collected");
  });

  it("refuses a report number already used at the same station, but not at another", async () => {
    const { missingPersonId } = await familyWithDonor();
    const report = {
      station: "مركز شرطة ترهونة",
      reportNumber: `77/${Date.now()}`,
      filedOn: "2020-07-01",
      reporterName: "سالم عمر",
      reporterRelationship: "أخ",
      category: "disappearance" as const,
      narrative: "",
      missingPersonIds: [missingPersonId],
      newPersons: [],
    };
    unwrap(await createPoliceReport(report));
    expect(await createPoliceReport(report)).toMatchObject({ ok: false, fieldErrors: { reportNumber: "reportNumberTaken" } });
    unwrap(await createPoliceReport({ ...report, station: "مركز شرطة قصر بن غشير" }));
    expect(await db().select().from(policeReports).where(eq(policeReports.reportNumber, report.reportNumber))).toHaveLength(2);
  });

  it("refuses a report filed in the future", async () => {
    const { missingPersonId } = await familyWithDonor();
    const result = await createPoliceReport({
      station: "مركز شرطة ترهونة",
      reportNumber: "1/2099",
      filedOn: "2099-01-01",
      reporterName: "سالم",
      reporterRelationship: "",
      category: "killing",
      narrative: "",
      missingPersonIds: [missingPersonId],
      newPersons: [],
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { filedOn: "dateInFuture" } });
  });

  it("refuses a family reference already in use", async () => {
    const input = familyInput();
    unwrap(await createFamily(input));
    expect(await createFamily({ ...input, contactName: "آخر" })).toMatchObject({ ok: false, fieldErrors: { reference: "familyReferenceTaken" } });
  });

  it("gives each new missing person the next case number and a normalised search name", async () => {
    const first = unwrap(await createMissingPerson(missingPersonInput({ givenName: "عائشة", sex: "female" })));
    const second = unwrap(await createMissingPerson(missingPersonInput({ givenName: "إبراهيم" })));
    expect(first.caseNumber).toMatch(/^TRH-MP-\d{5}$/);
    expect(Number(second.caseNumber.slice(7))).toBe(Number(first.caseNumber.slice(7)) + 1);
    const [stored] = await db().select().from(missingPersons).where(eq(missingPersons.id, second.missingPersonId));
    expect(stored?.nameSearch.startsWith("ابراهيم محمد علي")).toBe(true);
  });

  it("rebuilds the search name on save and refuses a save from a stale version, saying who saved first", async () => {
    const input = missingPersonInput();
    const { missingPersonId } = unwrap(await createMissingPerson(input));
    const edit = { ...input, givenName: "عبد الله", missingPersonId, version: 1, status: "missing" as const };
    expect(unwrap(await updateMissingPerson(edit))).toEqual({ version: 2 });
    const [stored] = await db().select().from(missingPersons).where(eq(missingPersons.id, missingPersonId));
    expect(stored?.nameSearch.startsWith("عبدالله محمد علي")).toBe(true);
    const stale = await updateMissingPerson({ ...edit, givenName: "خالد" });
    expect(stale).toMatchObject({ ok: false, error: "conflict", conflict: { changedBy: expect.stringContaining("registrar") } });
  });
});
