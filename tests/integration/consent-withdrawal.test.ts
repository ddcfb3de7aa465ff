import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { approveRequest } from "@/app/[locale]/staff/approvals/actions";
import { withdrawConsent } from "@/app/[locale]/staff/samples/actions";
import { dnaSamples } from "@/db/schema";
import { loadScreeningInput } from "@/lib/dna-profiles/screening-data";
import { hasAnalysedReferenceProfile } from "@/lib/identifications/reference-profile";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createProfiledReference, createUser } from "./support/factories";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "a donor withdraws consent for their reference sample (issue 27, point 6)", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
  });
  const sampleRow = async (id: string) => (await db().select().from(dnaSamples).where(eq(dnaSamples.id, id)))[0];
  const referencesFor = async (personId: string) =>
    (await loadScreeningInput(readAs("forensic", "dnaProfiles.use"), db())).candidates.find((candidate) => candidate.id === personId)?.references.length ?? 0;

  it("once a second registrar approves, the sample is sealed: recorded with the form's version, out of the screen and of the identification form", async () => {
    const person = await createMissingPerson(db());
    const { sample } = await createProfiledReference(db(), person.id);
    expect(await referencesFor(person.id)).toBe(1);
    expect(await hasAnalysedReferenceProfile(db(), person.id)).toBe(true);

    signInAs(await createUser(db(), "registrar"));
    const withdrawal = { sampleId: sample.id, withdrawnOn: "2024-05-02", wordingVersion: "WD-2024-1", note: "سحبت الأم موافقتها في مكتب البلدية", version: sample.version };
    expect(await withdrawConsent(withdrawal)).toMatchObject({ ok: false, error: "awaitingApproval" });
    // Waiting for the second person: still used.
    expect(await referencesFor(person.id)).toBe(1);

    const [request] = (await db().query.approvalRequests.findMany({ where: (table, { eq: equals }) => equals(table.subjectId, sample.id) })) ?? [];
    if (!request) throw new Error("no approval request");
    signInAs(await createUser(db(), "registrar"));
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: true });

    expect(await sampleRow(sample.id)).toMatchObject({ consentWithdrawnOn: "2024-05-02", consentWithdrawalWording: "WD-2024-1", consentGiven: true });
    expect(await referencesFor(person.id)).toBe(0);
    expect(await hasAnalysedReferenceProfile(db(), person.id)).toBe(false);
    expect((await auditEntriesFor(db(), "dna_sample", sample.id)).map((entry) => entry.action)).toContain("sample.consentWithdrawn");
  });

  it("refuses a withdrawal dated before the sample was collected, or one without the form's version, and changes nothing", async () => {
    const person = await createMissingPerson(db());
    const { sample } = await createProfiledReference(db(), person.id);
    signInAs(await createUser(db(), "registrar"));
    expect(await withdrawConsent({ sampleId: sample.id, withdrawnOn: "2021-01-01", wordingVersion: "WD-2024-1", note: "", version: sample.version })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { withdrawnOn: "People.withdrawalBeforeCollection" },
    });
    expect(await withdrawConsent({ sampleId: sample.id, withdrawnOn: "2024-05-02", wordingVersion: " ", note: "", version: sample.version })).toMatchObject({
      ok: false,
      error: "invalid",
      fieldErrors: { wordingVersion: "required" },
    });
    expect((await sampleRow(sample.id))?.consentWithdrawnOn).toBeNull();
    expect(await referencesFor(person.id)).toBe(1);
  });
});
