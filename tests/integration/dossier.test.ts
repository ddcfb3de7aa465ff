import "./support/mock-action-request";
import { generateKeyPairSync } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { addReferenceDonor, createFamily } from "@/app/[locale]/staff/families/actions";
import { recordCustodyEvent } from "@/app/[locale]/staff/remains/actions";
import { collectSample } from "@/app/[locale]/staff/samples/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { createPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { POST as dossierRoute } from "@/app/api/staff/dossier/[subject]/[id]/route";
import { auditLog, identifications, personalEffects } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { currentHead, signCheckpoint, storeCheckpoint } from "@/lib/audit/checkpoint";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser, proposeIdentification, uniqueSuffix } from "./support/factories";
import { familyInput, missingPersonInput, motherDonorInput, sampleInput, unwrap } from "./support/people";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const NAME = { givenName: "عبد الرحمن", fatherName: "مصطفى", grandfatherName: "الطاهر", familyName: "الزقزوقي" };

async function pdfText(response: Response): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  return (await extractText(document, { mergePages: true })).text;
}

describeOnEachBackend(backends, "prosecution dossier", (database) => {
  const db = () => database().db;
  let personId = "";
  let remainsId = "";
  let identificationId = "";
  let sampleId = "";
  const reportNumber = `RPT-${uniqueSuffix()}`;

  beforeAll(async () => {
    actionRequest.db = db();
    const registrar = await createUser(db(), "registrar");
    signInAs(registrar);
    const { familyId } = unwrap(await createFamily(familyInput()));
    personId = unwrap(await createMissingPerson(missingPersonInput({ ...NAME, familyId, nameLatin: "Abdulrahman Mustafa" }))).missingPersonId;
    unwrap(
      await createPoliceReport({
        station: "مركز شرطة ترهونة", reportNumber, filedOn: "2020-07-14", reporterName: "سالم الزقزوقي", reporterRelationship: "أخ",
        category: "disappearance", narrative: "خرج من البيت ولم يعد.", missingPersonIds: [personId], newPersons: [],
      }),
    );
    const body = await createRemains(db());
    remainsId = body.id;
    await db().insert(personalEffects).values({ remainsId, kind: "car_key", description: "مفتاح سيارة تويوتا" });
    await db().transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "remains.create", entity: "remains", entityId: remainsId, after: { code: body.code } }));
    const forensic = await createUser(db(), "forensic");
    identificationId = (await proposeIdentification(db(), { remainsId, missingPersonId: personId, proposedBy: forensic.id })).id;
    // Told in person; the factory's identification has no audit entry of its own, as demo data.
    await db()
      .update(identifications)
      .set({ status: "family_notified", confirmedBy: registrar.id, confirmedAt: new Date(), notifiedOn: "2024-06-02", notifiedBy: registrar.id, notificationMethod: "in_person" })
      .where(eq(identifications.id, identificationId));
    // A reference sample collected on a date (no time of day) writes its custody event with it.
    const { donorId } = unwrap(await addReferenceDonor(motherDonorInput(familyId, personId)));
    sampleId = unwrap(await collectSample(sampleInput(donorId, { collectedOn: "2024-03-01" }))).sampleId;
    signInAs(forensic);
    unwrap(
      await recordCustodyEvent({
        remainsId, sampleId: null, action: "transferred", fromParty: "فريق الانتشال", toParty: "مشرحة طرابلس", place: "ترهونة",
        occurredAt: "2024-05-01T09:30", notes: "", correctsEventId: null,
      }),
    );
  });

  beforeEach(() => {
    actionRequest.db = db();
  });

  const generate = (subject: string, id: string) => dossierRoute(new Request(`http://localhost/api/staff/dossier/${subject}/${id}`, { method: "POST" }), { params: Promise.resolve({ subject, id }) });

  it.each(["person", "remains", "identification"] as const)("prints the Arabic name as text and only hashes the audit log holds (%s)", async (subject) => {
    actionRequest.session = await createStaffSession(db(), "registrar");
    const id = subject === "person" ? personId : subject === "remains" ? remainsId : identificationId;
    const response = await generate(subject, id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(response);
    expect(text).toContain("عبد الرحمن مصطفى الطاهر الزقزوقي");
    expect(text).toContain(reportNumber);
    expect(text).toContain("مفتاح سيارة تويوتا");
    expect(text).toContain("ملف القضية للنيابة العامة");

    const printed = [...text.matchAll(/#(\d+) ([0-9a-f]{64})/g)].map((match) => ({ id: Number(match[1]), hash: match[2] }));
    // The person, the family, the report, the body, the dossier's own entry (the chain head).
    expect(printed.length).toBeGreaterThanOrEqual(5);
    const entries = await db().select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).where(inArray(auditLog.id, printed.map((entry) => entry.id)));
    expect(printed.every((entry) => entries.some((row) => row.id === entry.id && row.hash === entry.hash))).toBe(true);

    const [head] = await db().select().from(auditLog).where(eq(auditLog.id, printed.at(-1)?.id ?? 0));
    expect(head).toMatchObject({ action: "dossier.read", entity: "dossier", entityId: id, actorId: actionRequest.session?.userId });
  });

  it("prints Libya time with its zone, dates as dates, translated codes and custody as a labelled table linked to its audit entries", async () => {
    actionRequest.session = await createStaffSession(db(), "registrar");
    const text = await pdfText(await generate("person", personId));

    expect(text).toContain("Africa/Tripoli");
    expect(text).not.toMatch(/\d{2}:\d{2} UTC/);
    // The custody event recorded on the form at 09:30 in Tarhuna, and the sample collected on a date alone.
    expect(text).toContain("2024-05-01 09:30");
    expect(text).toContain("2024-03-01");
    expect(text).not.toMatch(/2024-03-01 1[24]:00/);
    for (const heading of ["When (Libya time)", "From", "To", "Place", "Recorded by", "Audit entry"]) expect(text).toContain(heading);
    expect(text).toContain("مشرحة طرابلس");

    expect(text).not.toContain("in_person");
    expect(text).toContain("In person");
    expect(text).not.toMatch(/· reference ·/);
    expect(text).toContain("Family reference sample");

    // The sample's collection entry vouches for its custody event too: no record that has one says "no audit entry".
    const [collected] = await db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.entityId, sampleId), eq(auditLog.action, "sample.collect")));
    expect(text.match(new RegExp(`#${collected?.id}(?!\\d)`, "g"))?.length ?? 0).toBeGreaterThanOrEqual(3);
    const [custody] = await db().select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, "custody.record"));
    expect(text).toMatch(new RegExp(`#${custody?.id} [0-9a-f]{64}`));
    expect(text.match(/no audit entry/g)?.length ?? 0).toBe(2); // the factory's identification, in its section and in the hash list
  });

  it("explains the verification without our software and names the signed checkpoint it lies under", async () => {
    actionRequest.session = await createStaffSession(db(), "forensic");
    const before = await pdfText(await generate("remains", remainsId));
    expect(before).not.toContain("npm run");
    expect(before).toContain("SHA-256");
    expect(before).toContain("No signed checkpoint has been made yet");

    const { privateKey } = generateKeyPairSync("ed25519");
    const checkpoint = signCheckpoint((await currentHead(db()))!, privateKey);
    await storeCheckpoint(db(), checkpoint);
    const text = await pdfText(await generate("remains", remainsId));
    expect(text).toContain("Signed checkpoint this dossier lies under");
    expect(text).toContain(checkpoint.signature);
    expect(text).toContain(checkpoint.publicKey);
    expect(text).toContain(`#${checkpoint.entryId}`);
    expect(text).toContain("openssl pkeyutl -verify");
    expect(text).not.toContain("does NOT verify");
  });

  it("refuses a viewer and an unknown record", async () => {
    actionRequest.session = await createStaffSession(db(), "viewer");
    expect((await generate("person", personId)).status).toBe(403);
    actionRequest.session = await createStaffSession(db(), "forensic");
    expect((await generate("person", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await generate("grave", personId)).status).toBe(404);
  });
});
