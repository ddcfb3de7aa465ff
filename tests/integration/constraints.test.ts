import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, custodyEvents, dnaSamples, identifications, policeReports, remains } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { refusal } from "./support/database-errors";
import { describeOnEachBackend, testBackends } from "./support/databases";
import {
  createDonor,
  createMissingPerson,
  createReferenceSample,
  createRemains,
  createUser,
  proposeIdentification,
  referenceSampleValues,
  uniqueSuffix,
} from "./support/factories";

const backends = await testBackends();

describeOnEachBackend(backends, "database constraints", (database) => {
  it("refuses a second body with the same code", async () => {
    const db = database().db;
    const code = `TST-GS-99-B${uniqueSuffix()}`;
    const body = await createRemains(db, code);
    const failure = await refusal(
      db.insert(remains).values({ siteId: body.siteId, code, recoveredOn: "2021-03-01", condition: "complete" }),
    );
    expect(failure).toMatchObject({ code: "23505", constraint: "remains_code_unique" });
  });

  it("refuses a second active identification of the same remains, but allows one after a rejection", async () => {
    const db = database().db;
    const forensic = await createUser(db);
    const body = await createRemains(db);
    const [firstPerson, secondPerson, thirdPerson] = [await createMissingPerson(db), await createMissingPerson(db), await createMissingPerson(db)];
    const first = await proposeIdentification(db, { remainsId: body.id, missingPersonId: firstPerson.id, proposedBy: forensic.id });
    const duplicate = await refusal(proposeIdentification(db, { remainsId: body.id, missingPersonId: secondPerson.id, proposedBy: forensic.id }));
    expect(duplicate).toMatchObject({ code: "23505", constraint: "identifications_one_active_per_remains" });

    await db.update(identifications).set({ status: "rejected", rejectionReason: "DNA excluded" }).where(eq(identifications.id, first.id));
    const next = await proposeIdentification(db, { remainsId: body.id, missingPersonId: thirdPerson.id, proposedBy: forensic.id });
    expect(next.status).toBe("proposed");
  });

  it("refuses a second active identification of the same missing person", async () => {
    const db = database().db;
    const forensic = await createUser(db);
    const person = await createMissingPerson(db);
    await proposeIdentification(db, { remainsId: (await createRemains(db)).id, missingPersonId: person.id, proposedBy: forensic.id });
    const failure = await refusal(
      proposeIdentification(db, { remainsId: (await createRemains(db)).id, missingPersonId: person.id, proposedBy: forensic.id }),
    );
    expect(failure).toMatchObject({ code: "23505", constraint: "identifications_one_active_per_person" });
  });

  it("refuses confirmation by the forensic scientist who proposed the identification (four eyes)", async () => {
    const db = database().db;
    const proposer = await createUser(db);
    const reviewer = await createUser(db);
    const proposal = await proposeIdentification(db, {
      remainsId: (await createRemains(db)).id,
      missingPersonId: (await createMissingPerson(db)).id,
      proposedBy: proposer.id,
    });
    const confirm = (confirmedBy: string) =>
      db.update(identifications).set({ status: "confirmed", confirmedBy, confirmedAt: new Date("2024-01-02T10:00:00Z") }).where(eq(identifications.id, proposal.id));
    expect(await refusal(confirm(proposer.id))).toMatchObject({ code: "23514", constraint: "identifications_four_eyes" });
    await confirm(reviewer.id);
  });

  it("refuses UPDATE and DELETE on the audit log", async () => {
    const db = database().db;
    await db.transaction((tx) => appendAuditEntry(tx, { actorId: null, actorLabel: "test", action: "test.write", entity: "system" }));
    // eslint-disable-next-line drizzle/enforce-update-with-where -- every row, on purpose: the database must refuse it
    expect(await refusal(db.update(auditLog).set({ actorLabel: "someone else" }))).toMatchObject({ code: "42501" });
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- every row, on purpose: the database must refuse it
    expect(await refusal(db.delete(auditLog))).toMatchObject({ code: "42501" });
    expect(await refusal(db.execute(sql`truncate table audit_log`))).toMatchObject({ code: "42501" });
  });

  it("refuses UPDATE and DELETE on custody events", async () => {
    const db = database().db;
    const recorder = await createUser(db);
    const body = await createRemains(db);
    await db.insert(custodyEvents).values({ remainsId: body.id, action: "collected", occurredAt: new Date("2021-02-01T08:00:00Z"), recordedBy: recorder.id });
    const update = db.update(custodyEvents).set({ place: "elsewhere" }).where(eq(custodyEvents.remainsId, body.id));
    expect(await refusal(update)).toMatchObject({ code: "42501" });
    expect(await refusal(db.delete(custodyEvents).where(eq(custodyEvents.remainsId, body.id)))).toMatchObject({ code: "42501" });
  });

  it("refuses a reference sample without the donor's consent", async () => {
    const db = database().db;
    const donor = await createDonor(db);
    const withoutConsent = { ...referenceSampleValues(donor.id), consentGiven: false };
    expect(await refusal(db.insert(dnaSamples).values(withoutConsent))).toMatchObject({
      code: "23514",
      constraint: "dna_samples_reference_consent",
    });
    const withoutScope = { ...referenceSampleValues(donor.id), consentScope: null };
    expect(await refusal(db.insert(dnaSamples).values(withoutScope))).toMatchObject({ code: "23514" });
  });

  it("refuses a second sample with the same barcode", async () => {
    const db = database().db;
    const barcode = `TST-DNA-${uniqueSuffix()}`;
    await createReferenceSample(db, (await createDonor(db)).id, barcode);
    const failure = await refusal(createReferenceSample(db, (await createDonor(db)).id, barcode));
    expect(failure).toMatchObject({ code: "23505", constraint: "dna_samples_barcode_unique" });
  });

  it("refuses a report number twice at one station but allows it at another station", async () => {
    const db = database().db;
    const reportNumber = `${uniqueSuffix()}/2021`;
    const report = (station?: string) =>
      db.insert(policeReports).values({ station, reportNumber, filedOn: "2021-05-01", reporterName: "مبلّغ", category: "disappearance" });
    await report();
    expect(await refusal(report())).toMatchObject({ code: "23505", constraint: "police_reports_station_number_unique" });
    await report("مركز شرطة آخر");
    const stored = await db.select().from(policeReports).where(eq(policeReports.reportNumber, reportNumber));
    expect(stored.map((row) => row.station).sort()).toEqual(["مركز شرطة آخر", "مركز شرطة ترهونة"].sort());
  });
});
