import "./support/mock-action-request";
import { createHash } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeEach, expect, it } from "vitest";
import { addFollowUp, completeFollowUp, issueDocument, recordHandover } from "@/app/[locale]/staff/identifications/actions";
import { recordCustodyEvent } from "@/app/[locale]/staff/remains/actions";
import { GET as documentRoute } from "@/app/api/staff/documents/[documentId]/route";
import { GET as handoverFormRoute } from "@/app/api/staff/handovers/[identificationId]/form/route";
import { custodyEvents, identifications, missingPersons, personalEffects } from "@/db/schema";
import { verificationCodeSchema } from "@/lib/aftercare/aftercare-values";
import { findDocumentByVerificationCode, listIssuedDocuments } from "@/lib/aftercare/documents";
import { getFollowUpQueue, listFollowUps } from "@/lib/aftercare/follow-ups";
import { getRemainsHandover } from "@/lib/aftercare/handover";
import { readHandoverScan, storeHandoverScan } from "@/lib/aftercare/handover-scan";
import { getFamilyPortalStatus } from "@/lib/family-portal/status";
import { writeOfficeContact } from "@/lib/settings/office-contact";
import { NO_OFFICE_CONTACT } from "@/lib/settings/office-contact-values";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser, proposeIdentification } from "./support/factories";
import { unwrap } from "./support/people";
import { readAs } from "./support/read-access";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

async function pdfText(response: Response): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
  return (await extractText(document, { mergePages: true })).text;
}

describeOnEachBackend(backends, "after an identification: handover, letters and follow-ups (issue 27, points 2, 3, 4, 7)", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
  });

  /** A body with two effects and a person of a known name, identified; the family told on 2024-03-05 unless only confirmed. */
  async function identification(status: "confirmed" | "family_notified" = "family_notified") {
    const body = await createRemains(db());
    const person = await createMissingPerson(db());
    await db().update(missingPersons).set({ givenName: "عبد الرحمن", fatherName: "مصطفى", familyName: "الزقزوقي", nameLatin: "Abdulrahman Mustafa al-Zaqzouqi" }).where(eq(missingPersons.id, person.id));
    const effects = await db()
      .insert(personalEffects)
      .values([
        { remainsId: body.id, kind: "car_key", description: "مفتاح سيارة تويوتا" },
        { remainsId: body.id, kind: "clothing", description: "قميص أزرق" },
      ])
      .returning();
    const row = await proposeIdentification(db(), { remainsId: body.id, missingPersonId: person.id, proposedBy: (await createUser(db(), "forensic")).id });
    const confirmer = await createUser(db(), "forensic");
    const notified = status === "family_notified" ? { notifiedOn: "2024-03-05", notifiedBy: confirmer.id, notificationMethod: "in_person" as const } : {};
    await db().update(identifications).set({ status, confirmedBy: confirmer.id, confirmedAt: new Date("2024-03-01T10:00:00Z"), ...notified }).where(eq(identifications.id, row.id));
    return { identificationId: row.id, remainsId: body.id, person, effects, familyId: person.familyId ?? "" };
  }

  const handover = (identificationId: string, items: { effectId: string; disposition: string }[], overrides: Record<string, unknown> = {}) => ({
    identificationId,
    handedOverAt: "2024-03-10T11:00",
    place: "مشرحة ترهونة",
    receivedBy: "سالم الزقزوقي",
    receivedByRelationship: "أخ",
    staffMember: "نوال",
    notes: "",
    items,
    ...overrides,
  });

  it("records the handover with each effect's fate, closes the body's chain of custody and audits both", async () => {
    const { identificationId, remainsId, effects } = await identification();
    const [key, shirt] = effects.map((effect) => effect.id);
    const items = [
      { effectId: key ?? "", disposition: "kept_as_evidence" },
      { effectId: shirt ?? "", disposition: "photographed_and_returned" },
    ];
    signInAs(await createUser(db(), "registrar"));
    unwrap(await recordHandover(handover(identificationId, items)));

    const recorded = await getRemainsHandover(readAs("viewer", "people.read"), db(), identificationId);
    expect(recorded).toMatchObject({ receivedBy: "سالم الزقزوقي", receivedByRelationship: "أخ", staffMember: "نوال" });
    expect(recorded?.items.map((item) => [item.description, item.disposition]).sort()).toEqual([
      ["قميص أزرق", "photographed_and_returned"],
      ["مفتاح سيارة تويوتا", "kept_as_evidence"],
    ]);
    const chain = await db().select().from(custodyEvents).where(eq(custodyEvents.remainsId, remainsId));
    expect(chain).toMatchObject([{ action: "returned", toParty: "سالم الزقزوقي (أخ)", fromParty: "نوال", place: "مشرحة ترهونة" }]);
    expect((await auditEntriesFor(db(), "identification", identificationId)).map((entry) => entry.action)).toContain("identification.handover");
    expect((await auditEntriesFor(db(), "custody_event", chain[0]?.id ?? "")).map((entry) => entry.action)).toEqual(["custody.record"]);

    // The chain is closed: a further movement is refused, a correction of an entry is not; a second handover is refused.
    signInAs(await createUser(db(), "forensic"));
    const movement = { remainsId, sampleId: null, action: "transferred", fromParty: "المشرحة", toParty: "المختبر", place: "ترهونة", occurredAt: "2024-03-11T09:00", notes: "", correctsEventId: null };
    expect(await recordCustodyEvent(movement)).toMatchObject({ ok: false, message: "Forensic.custodyClosed" });
    expect(await recordCustodyEvent({ ...movement, action: "returned", correctsEventId: chain[0]?.id ?? null })).toMatchObject({ ok: true });
    expect(await recordHandover(handover(identificationId, items))).toMatchObject({ ok: false, message: "Aftercare.handoverAlreadyRecorded" });
  });

  it("refuses a handover before the family was told, dated before it, with an effect left out or foreign, or by a viewer; nothing is written", async () => {
    const confirmed = await identification("confirmed");
    const notified = await identification();
    const other = await identification();
    const all = notified.effects.map((effect) => ({ effectId: effect.id, disposition: "handed_over" }));
    signInAs(await createUser(db(), "registrar"));
    expect(await recordHandover(handover(confirmed.identificationId, confirmed.effects.map((effect) => ({ effectId: effect.id, disposition: "handed_over" }))))).toMatchObject({
      ok: false,
      message: "Aftercare.handoverBeforeNotification",
    });
    expect(await recordHandover(handover(notified.identificationId, all, { handedOverAt: "2024-03-04T10:00" }))).toMatchObject({ ok: false, fieldErrors: { handedOverAt: "Aftercare.handoverBeforeNotifiedDate" } });
    expect(await recordHandover(handover(notified.identificationId, all.slice(1)))).toMatchObject({ ok: false, fieldErrors: { items: "Aftercare.itemsIncomplete" } });
    const foreign = [...all.slice(1), { effectId: other.effects[0]?.id ?? "", disposition: "handed_over" }];
    expect(await recordHandover(handover(notified.identificationId, foreign))).toMatchObject({ ok: false, fieldErrors: { items: "Aftercare.itemsNotOfBody" } });
    expect(await recordHandover(handover(notified.identificationId, all, { receivedBy: " " }))).toMatchObject({ ok: false, fieldErrors: { receivedBy: "required" } });
    signInAs(await createUser(db(), "viewer"));
    expect(await recordHandover(handover(notified.identificationId, all))).toMatchObject({ ok: false, error: "forbidden" });
    for (const { identificationId, remainsId } of [confirmed, notified]) {
      expect(await getRemainsHandover(readAs("admin", "people.read"), db(), identificationId)).toBeNull();
      expect(await db().select().from(custodyEvents).where(eq(custodyEvents.remainsId, remainsId))).toEqual([]);
    }
  });

  it("prints the handover form with the effects' fates and both signature lines, and keeps the signed scan with its SHA-256 audited", async () => {
    const { identificationId, person, effects } = await identification();
    const registrar = await createUser(db(), "registrar");
    signInAs(registrar);
    unwrap(await recordHandover(handover(identificationId, effects.map((effect) => ({ effectId: effect.id, disposition: "handed_over" })))));
    actionRequest.session = await createStaffSession(db(), "registrar");
    const response = await handoverFormRoute(new Request(`http://localhost/api/staff/handovers/${identificationId}/form`), { params: Promise.resolve({ identificationId }) });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(response);
    for (const expected of [person.caseNumber, "سالم الزقزوقي", "مفتاح سيارة تويوتا", "Handed over", "Signature of the receiving relative", "توقيع الموظف"]) expect(text).toContain(expected);

    const directory = await mkdtemp(path.join(tmpdir(), "handover-scans-"));
    const session = actionRequest.session;
    expect(await storeHandoverScan(db(), session, {}, identificationId, new TextEncoder().encode("not a scan"), directory)).toBe("refused");
    const scan = new TextEncoder().encode("%PDF-1.4 signed handover form");
    expect(await storeHandoverScan(db(), session, {}, identificationId, scan, directory)).toBe("stored");
    const stored = await readHandoverScan(readAs("registrar", "personalData.export"), db(), identificationId, directory);
    expect(stored).toMatchObject({ contentType: "application/pdf" });
    expect(new TextDecoder().decode(stored?.bytes)).toBe("%PDF-1.4 signed handover form");
    const [entry] = (await auditEntriesFor(db(), "identification", identificationId)).filter((candidate) => candidate.action === "identification.handoverScan");
    expect(entry?.after).toMatchObject({ scanSha256: createHash("sha256").update(scan).digest("hex"), scanContentType: "application/pdf" });

    // A save whose transaction fails (an actor the audit log cannot name) leaves no file behind,
    // and the copy already on record is untouched.
    const ghost = { ...session, userId: crypto.randomUUID() };
    await expect(storeHandoverScan(db(), ghost, {}, identificationId, new TextEncoder().encode("%PDF-1.4 a second scan"), directory)).rejects.toThrow();
    expect(await readdir(directory)).toEqual([`${createHash("sha256").update(scan).digest("hex")}.pdf`]);
    expect(new TextDecoder().decode((await readHandoverScan(readAs("registrar", "personalData.export"), db(), identificationId, directory))?.bytes)).toBe("%PDF-1.4 signed handover form");
  });

  it("issues numbered letters on the office's letterhead whose PDF names the case, the person and a verification code staff can look up", async () => {
    await writeOfficeContact(db(), { ...NO_OFFICE_CONTACT, nameEn: "Tarhuna Missing Persons Office", nameAr: "مكتب المفقودين في ترهونة", phone: "+218 21 000 0000", version: 1 });
    const { identificationId, person } = await identification();
    signInAs(await createUser(db(), "registrar"));
    const kinds = ["identification_certificate", "death_certificate_request", "burial_permit_request"] as const;
    const issued = [];
    for (const kind of kinds) issued.push(unwrap(await issueDocument({ identificationId, kind, addressee: "مكتب السجل المدني ترهونة" })));
    expect(new Set(issued.map((document) => document.number)).size).toBe(3);
    for (const document of issued) expect(document.number).toMatch(/^TRH-DOC-\d{4}-\d{5}$/);
    const listed = await listIssuedDocuments(readAs("viewer", "people.read"), db(), identificationId);
    expect(listed.map((document) => document.kind).sort()).toEqual([...kinds].sort());
    expect((await auditEntriesFor(db(), "identification", identificationId)).filter((entry) => entry.action === "identification.documentIssued")).toHaveLength(3);

    const certificate = listed.find((document) => document.kind === "death_certificate_request");
    if (!certificate) throw new Error("the death certificate request was not listed");
    actionRequest.session = await createStaffSession(db(), "registrar");
    const response = await documentRoute(new Request(`http://localhost/api/staff/documents/${certificate.id}`), { params: Promise.resolve({ documentId: certificate.id }) });
    expect(response.status).toBe(200);
    const text = await pdfText(response);
    const printedCode = certificate.verificationCode.match(/.{4}/g)?.join("-") ?? "";
    for (const expected of [person.caseNumber, certificate.number, printedCode, "عبد الرحمن مصطفى الزقزوقي", "Abdulrahman Mustafa al-Zaqzouqi", "Tarhuna Missing Persons Office", "مكتب المفقودين في ترهونة", "Request to the civil registry for a death certificate", "مكتب السجل المدني ترهونة"]) {
      expect(text).toContain(expected);
    }

    const typed = verificationCodeSchema.parse(printedCode.toLowerCase());
    expect(await findDocumentByVerificationCode(readAs("viewer", "people.read"), db(), typed)).toMatchObject({ number: certificate.number, content: { caseNumber: person.caseNumber } });
    expect(await findDocumentByVerificationCode(readAs("viewer", "people.read"), db(), "AAAAAAAAAAAA")).toBeNull();
  });

  it("refuses a letter before the family was told or by a viewer, and issues none", async () => {
    const confirmed = await identification("confirmed");
    const notified = await identification();
    signInAs(await createUser(db(), "forensic"));
    expect(await issueDocument({ identificationId: confirmed.identificationId, kind: "burial_permit_request", addressee: "البلدية" })).toMatchObject({ ok: false, message: "Aftercare.documentBeforeNotification" });
    expect(await issueDocument({ identificationId: notified.identificationId, kind: "passport", addressee: "البلدية" })).toMatchObject({ ok: false, fieldErrors: { kind: "invalidChoice" } });
    signInAs(await createUser(db(), "viewer"));
    expect(await issueDocument({ identificationId: notified.identificationId, kind: "burial_permit_request", addressee: "البلدية" })).toMatchObject({ ok: false, error: "forbidden" });
    for (const { identificationId } of [confirmed, notified]) expect(await listIssuedDocuments(readAs("admin", "people.read"), db(), identificationId)).toEqual([]);
  });

  it("puts a family's open question in the dashboard's queue by due date until it is marked done, once, audited", async () => {
    const { identificationId, person } = await identification();
    const confirmed = await identification("confirmed");
    signInAs(await createUser(db(), "registrar"));
    expect(await addFollowUp({ identificationId: confirmed.identificationId, kind: "question", description: "متى الدفن؟", dueOn: "2024-04-01" })).toMatchObject({ ok: false, message: "Aftercare.followUpBeforeNotification" });
    const { followUpId } = unwrap(await addFollowUp({ identificationId, kind: "promised_action", description: "إرسال شهادة التعرف إلى العائلة", dueOn: "2024-04-01" }));
    const queued = (await getFollowUpQueue(readAs("viewer", "dashboard.read"), db())).find((item) => item.id === followUpId);
    expect(queued).toMatchObject({ caseNumber: person.caseNumber, kind: "promised_action", dueOn: "2024-04-01", overdue: true, identificationId });

    signInAs(await createUser(db(), "viewer"));
    expect(await completeFollowUp({ followUpId, version: 1, doneNote: "" })).toMatchObject({ ok: false, error: "forbidden" });
    signInAs(await createUser(db(), "forensic"));
    unwrap(await completeFollowUp({ followUpId, version: 1, doneNote: "سُلّمت باليد" }));
    expect(await completeFollowUp({ followUpId, version: 2, doneNote: "" })).toMatchObject({ ok: false, message: "Aftercare.followUpAlreadyDone" });
    expect((await getFollowUpQueue(readAs("viewer", "dashboard.read"), db())).map((item) => item.id)).not.toContain(followUpId);
    expect(await listFollowUps(readAs("viewer", "people.read"), db(), identificationId)).toMatchObject([{ id: followUpId, doneNote: "سُلّمت باليد" }]);
    const actions = (await auditEntriesFor(db(), "identification", identificationId)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["identification.followUpAdded", "identification.followUpDone"]));
  });

  it("shows the family the handover date and the letters' titles and dates, never their numbers or codes", async () => {
    const { identificationId, familyId, effects } = await identification();
    signInAs(await createUser(db(), "registrar"));
    const [before] = await getFamilyPortalStatus(db(), familyId);
    expect(before?.aftercare).toEqual({ handedOverOn: null, documents: [] });
    unwrap(await recordHandover(handover(identificationId, effects.map((effect) => ({ effectId: effect.id, disposition: "handed_over" })))));
    unwrap(await issueDocument({ identificationId, kind: "identification_certificate", addressee: "سالم الزقزوقي" }));
    const [after] = await getFamilyPortalStatus(db(), familyId);
    expect(after?.aftercare).toEqual({ handedOverOn: "2024-03-10", documents: [{ kind: "identification_certificate", issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] });
    expect(JSON.stringify(after)).not.toMatch(/TRH-DOC|مكتب السجل/);

    const confirmedOnly = await identification("confirmed");
    const [news] = await getFamilyPortalStatus(db(), confirmedOnly.familyId);
    expect(news?.aftercare).toBeNull();
  });
});
