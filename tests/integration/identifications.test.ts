import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import {
  confirmIdentification,
  proposeIdentification,
  recordNotification,
  recordReturn,
  rejectIdentification,
  retractIdentification,
} from "@/app/[locale]/staff/identifications/actions";
import { identifications, missingPersons, remains } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit/verify";
import type { ProposeIdentificationValues } from "@/lib/identifications/schemas";
import { getPublicSummary } from "@/lib/public/summary";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createProfiledReference, createRemains, createUser } from "./support/factories";
import { unwrap } from "./support/people";
import { relaxSecondPersonControl } from "./support/approval-policy";

const backends = await testBackends();

describeOnEachBackend(backends, "the identification workflow", (database) => {
  const db = () => database().db;

  beforeEach(async () => {
    actionRequest.db = db();
    await relaxSecondPersonControl(db());
    actionRequest.session = null;
  });

  async function sides() {
    const [body, person] = await Promise.all([createRemains(db()), createMissingPerson(db())]);
    await createProfiledReference(db(), person.id);
    return { body, person };
  }

  function proposal(code: string, missingPersonId: string, overrides: Partial<ProposeIdentificationValues> = {}): ProposeIdentificationValues {
    return {
      remainsCode: code,
      missingPersonId,
      basis: ["dna", "personal_effects"],
      likelihoodRatio: "1.2e9",
      locale: "en",
      evidenceSummary: "DNA match with the mother's reference sample; car key recognised by the family.",
      acknowledgeMismatch: false,
      dnaProfileOverride: false,
      dnaOverrideReason: "",
      ...overrides,
    };
  }

  async function proposedBy(role: "forensic" = "forensic") {
    const proposer = await createUser(db(), role);
    const { body, person } = await sides();
    signInAs(proposer);
    const { identificationId } = unwrap(await proposeIdentification(proposal(body.code, person.id)));
    return { proposer, body, person, identificationId };
  }

  async function readIdentification(id: string) {
    const [row] = await db().select().from(identifications).where(eq(identifications.id, id));
    if (!row) throw new Error("identification vanished");
    return row;
  }

  async function personStatus(id: string) {
    const [row] = await db().select({ status: missingPersons.status }).from(missingPersons).where(eq(missingPersons.id, id));
    return row?.status;
  }

  async function confirmedBySecondExaminer(identificationId: string) {
    signInAs(await createUser(db(), "forensic"));
    unwrap(await confirmIdentification({ identificationId, version: 1 }));
  }

  it("takes an identification from proposal to return, each step audited, the person's status following", async () => {
    const { person, identificationId } = await proposedBy();
    expect(await personStatus(person.id)).toBe("missing");
    const identifiedBefore = (await getPublicSummary(db())).identified;

    await confirmedBySecondExaminer(identificationId);
    expect(await personStatus(person.id)).toBe("identified");
    // The public learns of an identification only after the family was told in person.
    expect((await getPublicSummary(db())).identified).toBe(identifiedBefore);

    const registrar = await createUser(db(), "registrar");
    signInAs(registrar);
    const beforeConfirmation = { identificationId, version: 2, notifiedOn: "2024-01-01", notificationMethod: "in_person" as const };
    expect(await recordNotification(beforeConfirmation)).toMatchObject({ ok: false, fieldErrors: { notifiedOn: "Identifications.notifiedBeforeConfirmation" } });
    unwrap(await recordNotification({ ...beforeConfirmation, notifiedOn: await confirmationDay(identificationId) }));
    expect((await getPublicSummary(db())).identified).toBe(identifiedBefore + 1);
    unwrap(await recordReturn({ identificationId, version: 3, returnedOn: await confirmationDay(identificationId), returnedTo: "Aisha, his mother", burialPlace: "Tarhuna cemetery" }));

    const stored = await readIdentification(identificationId);
    expect(stored).toMatchObject({ status: "remains_returned", notifiedBy: registrar.id, notificationMethod: "in_person", returnedTo: "Aisha, his mother", version: 4 });
    expect(await personStatus(person.id)).toBe("remains_returned");
    const entries = await auditEntriesFor(db(), "identification", identificationId);
    expect(entries.map((entry) => entry.action)).toEqual([
      "identification.propose",
      "identification.confirm",
      "identification.recordNotification",
      "identification.recordReturn",
    ]);
    expect(entries[1]).toMatchObject({ before: { status: "proposed" }, after: { status: "confirmed", personStatus: { before: "missing", after: "identified" } } });
  });

  async function confirmationDay(identificationId: string): Promise<string> {
    const { confirmedAt } = await readIdentification(identificationId);
    if (!confirmedAt) throw new Error("not confirmed");
    return new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(confirmedAt);
  }

  it("refuses the proposer's own confirmation, even sent straight to the action", async () => {
    const { proposer, identificationId } = await proposedBy();
    signInAs(proposer);
    expect(await confirmIdentification({ identificationId, version: 1 })).toMatchObject({ ok: false, error: "refused", message: "Identifications.ownProposal" });
    expect(await readIdentification(identificationId)).toMatchObject({ status: "proposed", confirmedBy: null, version: 1 });
  });

  it("refuses a registrar who proposes or confirms, and audits the refusal", async () => {
    const { body, person } = await sides();
    const registrar = await createUser(db(), "registrar");
    signInAs(registrar);
    expect(await proposeIdentification(proposal(body.code, person.id))).toMatchObject({ ok: false, error: "forbidden" });
    const { identificationId } = await proposedBy();
    signInAs(registrar);
    expect(await confirmIdentification({ identificationId, version: 1 })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await db().$count(identifications, eq(identifications.remainsId, body.id))).toBe(0);
    expect((await readIdentification(identificationId)).status).toBe("proposed");
  });

  it("refuses a proposal when the body or the person already has an active identification", async () => {
    const { body, person } = await proposedBy();
    const other = await sides();
    signInAs(await createUser(db(), "forensic"));
    expect(await proposeIdentification(proposal(body.code, other.person.id))).toMatchObject({
      ok: false,
      fieldErrors: { remainsCode: "Identifications.remainsHeld" },
    });
    expect(await proposeIdentification(proposal(other.body.code, person.id))).toMatchObject({
      ok: false,
      fieldErrors: { missingPersonId: "Identifications.personHeld" },
    });
  });

  it("asks for the acknowledgement of a body that does not fit the person, and keeps it in the audit", async () => {
    const { body, person } = await sides();
    await db().update(remains).set({ estimatedSex: "female", ageMin: 20, ageMax: 30 }).where(eq(remains.id, body.id));
    await db().update(missingPersons).set({ sex: "male", birthYear: 1950, lastSeenOn: "2019-06-01" }).where(eq(missingPersons.id, person.id));
    signInAs(await createUser(db(), "forensic"));
    expect(await proposeIdentification(proposal(body.code, person.id))).toMatchObject({
      ok: false,
      fieldErrors: { acknowledgeMismatch: "Identifications.mismatchSexAndAge" },
    });
    const { identificationId } = unwrap(await proposeIdentification(proposal(body.code, person.id, { acknowledgeMismatch: true })));
    const [entry] = await auditEntriesFor(db(), "identification", identificationId);
    expect(entry?.after).toMatchObject({ mismatchesAcknowledged: ["sex", "age"] });
  });

  it("requires a likelihood ratio above zero when DNA is a basis", async () => {
    const { body, person } = await sides();
    signInAs(await createUser(db(), "forensic"));
    expect(await proposeIdentification(proposal(body.code, person.id, { likelihoodRatio: "0" }))).toMatchObject({
      ok: false,
      fieldErrors: { likelihoodRatio: "Identifications.likelihoodRatioRequired" },
    });
    unwrap(await proposeIdentification(proposal(body.code, person.id, { basis: ["anthropology"], likelihoodRatio: "" })));
  });

  it("retracts a confirmed identification: both sides are free again and the person is missing again", async () => {
    const { body, person, identificationId } = await proposedBy();
    await confirmedBySecondExaminer(identificationId);
    signInAs(await createUser(db(), "admin"));
    expect(await retractIdentification({ identificationId, version: 2, reason: "x" })).toMatchObject({ fieldErrors: { reason: "Identifications.reasonTooShort" } });
    unwrap(await retractIdentification({ identificationId, version: 2, reason: "The reference sample was mislabelled." }));
    expect(await personStatus(person.id)).toBe("missing");
    expect(await readIdentification(identificationId)).toMatchObject({ status: "retracted", retractionReason: "The reference sample was mislabelled." });
    const other = await sides();
    signInAs(await createUser(db(), "forensic"));
    unwrap(await proposeIdentification(proposal(body.code, other.person.id)));
    unwrap(await proposeIdentification(proposal(other.body.code, person.id)));
  });

  it("rejects a proposal with its reason, after which no step can revive it", async () => {
    const { identificationId } = await proposedBy();
    signInAs(await createUser(db(), "forensic"));
    unwrap(await rejectIdentification({ identificationId, version: 1, reason: "DNA excluded kinship." }));
    expect(await confirmIdentification({ identificationId, version: 2 })).toMatchObject({ ok: false, message: "Identifications.notAllowedNow" });
  });
});

describeOnEachBackend(
  backends.filter((backend) => backend.name === "PostgreSQL"),
  "two examiners confirming the same proposal at the same moment",
  (database) => {
    it("lets exactly one confirmation through and refuses the other clearly; the audit chain still verifies", async () => {
      const db = database().db;
      actionRequest.db = db;
      const proposer = await createUser(db, "forensic");
      const [body, person] = await Promise.all([createRemains(db), createMissingPerson(db)]);
      await createProfiledReference(db, person.id);
      signInAs(proposer);
      const { identificationId } = unwrap(
        await proposeIdentification({
          remainsCode: body.code,
          missingPersonId: person.id,
          basis: ["dna"],
          likelihoodRatio: "3.4e10",
          locale: "en",
          evidenceSummary: "DNA match.",
          acknowledgeMismatch: false,
          dnaProfileOverride: false,
          dnaOverrideReason: "",
        }),
      );
      const [first, second] = await Promise.all([createUser(db, "forensic"), createUser(db, "forensic")]);
      // Each call reads the signed-in session as it starts, so the two run as two different users.
      signInAs(first);
      const firstCall = confirmIdentification({ identificationId, version: 1 });
      signInAs(second);
      const secondCall = confirmIdentification({ identificationId, version: 1 });
      const results = await Promise.all([firstCall, secondCall]);

      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toMatchObject([{ ok: false, error: "conflict", message: "Actions.conflict" }]);
      const [stored] = await db.select().from(identifications).where(eq(identifications.id, identificationId));
      expect(stored).toMatchObject({ status: "confirmed", version: 2 });
      expect([first.id, second.id]).toContain(stored?.confirmedBy);
      const confirmations = (await auditEntriesFor(db, "identification", identificationId)).filter((entry) => entry.action === "identification.confirm");
      expect(confirmations).toHaveLength(1);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    });
  },
);
