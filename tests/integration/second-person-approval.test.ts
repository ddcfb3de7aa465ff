import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { approveRequest, refuseRequest } from "@/app/[locale]/staff/approvals/actions";
import { mergeDuplicatePersons, voidMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { voidRemains } from "@/app/[locale]/staff/remains/actions";
import { updateApprovalPolicy } from "@/app/[locale]/staff/settings/actions";
import { approvalRequests, missingPersons, remains } from "@/db/schema";
import { SECOND_PERSON_STEPS } from "@/lib/approvals/runners";
import { SECOND_PERSON_ACTIONS } from "@/lib/approvals/second-person-actions";
import { listPendingApprovals } from "@/lib/approvals/queries";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser } from "./support/factories";
import { readAs } from "./support/read-access";
import { importActionFileExports } from "./support/server-actions";

const backends = await testBackends();

it("each step that waits for a second person is approved with the schema its own action parses", async () => {
  const actions = (await importActionFileExports()).map((entry) => entry.value as { actionName?: string; inputSchema?: unknown });
  for (const name of SECOND_PERSON_ACTIONS) {
    const action = actions.find((candidate) => candidate.actionName === name);
    expect(action, name).toBeDefined();
    expect(SECOND_PERSON_STEPS[name].schema, name).toBe(action?.inputSchema);
  }
});

describeOnEachBackend(backends, "two-person control of irreversible steps", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
  });
  const personRow = async (id: string) => (await db().select().from(missingPersons).where(eq(missingPersons.id, id)))[0];
  const requestOf = async (subjectId: string) => (await db().select().from(approvalRequests).where(eq(approvalRequests.subjectId, subjectId)))[0];

  async function requestPersonVoid() {
    const person = await createMissingPerson(db());
    const requester = await createUser(db(), "registrar");
    signInAs(requester);
    expect(await voidMissingPerson({ recordId: person.id, reason: "Registered twice by mistake" })).toMatchObject({ ok: false, error: "awaitingApproval", message: "Actions.awaitingApproval" });
    const request = await requestOf(person.id);
    if (!request) throw new Error("no approval request was recorded");
    return { person, requester, request };
  }

  it("a void asked for by one registrar waits, the person stays on record, and the request is audited", async () => {
    const { person, request, requester } = await requestPersonVoid();
    expect((await personRow(person.id))?.voidedAt).toBeNull();
    expect(request).toMatchObject({ action: "persons.void", status: "pending", requestedBy: requester.id, subjectEntity: "missing_person" });
    expect((await auditEntriesFor(db(), "approval_request", request.id)).map((entry) => entry.action)).toEqual(["approval.requested"]);
    const pending = await listPendingApprovals(readAs("registrar", "approvals.decide"), db());
    expect(pending.map((row) => row.id)).toContain(request.id);
  });

  it("the requester cannot approve their own request; nothing is voided", async () => {
    const { person, request, requester } = await requestPersonVoid();
    signInAs(requester);
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: false, message: "Approvals.ownRequest" });
    expect((await personRow(person.id))?.voidedAt).toBeNull();
    expect((await requestOf(person.id))?.status).toBe("pending");
  });

  it("a second registrar approves: the person is voided with the requester's reason, and both steps are in the audit log", async () => {
    const { person, request } = await requestPersonVoid();
    const second = await createUser(db(), "registrar");
    signInAs(second);
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: true });
    expect(await personRow(person.id)).toMatchObject({ voidReason: "Registered twice by mistake" });
    expect((await personRow(person.id))?.voidedAt).not.toBeNull();
    expect(await requestOf(person.id)).toMatchObject({ status: "approved", decidedBy: second.id });
    expect((await auditEntriesFor(db(), "approval_request", request.id)).map((entry) => entry.action)).toEqual(["approval.requested", "approval.approved"]);
    expect((await auditEntriesFor(db(), "missing_person", person.id)).map((entry) => entry.action)).toContain("missingPerson.void");
    // Decided once: a second approval changes nothing.
    signInAs(await createUser(db(), "admin"));
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: false, message: "Approvals.alreadyDecided" });
  });

  it("a second person without the step's own permission cannot approve it, and a viewer cannot decide at all", async () => {
    const { person, request } = await requestPersonVoid();
    signInAs(await createUser(db(), "forensic"));
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: false, message: "Approvals.notAllowedToApprove" });
    signInAs(await createUser(db(), "viewer"));
    expect(await approveRequest({ requestId: request.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await personRow(person.id))?.voidedAt).toBeNull();
  });

  it("a refusal needs a reason, keeps the person, and closes the request", async () => {
    const { person, request } = await requestPersonVoid();
    signInAs(await createUser(db(), "admin"));
    expect(await refuseRequest({ requestId: request.id, reason: "" })).toMatchObject({ ok: false, error: "invalid", fieldErrors: { reason: expect.any(String) } });
    expect((await requestOf(person.id))?.status).toBe("pending");
    expect(await refuseRequest({ requestId: request.id, reason: "Not a duplicate: different mother" })).toMatchObject({ ok: true });
    expect(await requestOf(person.id)).toMatchObject({ status: "refused", decisionReason: "Not a duplicate: different mother" });
    expect((await personRow(person.id))?.voidedAt).toBeNull();
  });

  it("a request that could never be carried out is refused at once, with the step's own message", async () => {
    const person = await createMissingPerson(db());
    signInAs(await createUser(db(), "registrar"));
    const other = await createMissingPerson(db());
    expect(await mergeDuplicatePersons({ survivorId: person.id, mergedId: other.id, survivorVersion: 99, mergedVersion: 1 })).toMatchObject({ ok: false, error: "conflict" });
    expect(await requestOf(other.id)).toBeUndefined();
  });

  it("an administrator can relax the rule for one step: a body is then voided at once, a person still waits", async () => {
    const body = await createRemains(db());
    const admin = await createUser(db(), "admin");
    signInAs(admin);
    expect(await voidRemains({ recordId: body.id, reason: "Entered twice" })).toMatchObject({ error: "awaitingApproval" });
    expect((await db().select().from(remains).where(eq(remains.id, body.id)))[0]?.voidedAt).toBeNull();
    signInAs(await createUser(db(), "registrar"));
    expect(await updateApprovalPolicy({ required: { "remains.void": false } })).toMatchObject({ error: "forbidden" });
    signInAs(admin);
    expect(await updateApprovalPolicy({ required: { "remains.void": false } })).toMatchObject({ ok: true });
    const second = await createRemains(db());
    expect(await voidRemains({ recordId: second.id, reason: "Entered twice" })).toMatchObject({ ok: true });
    expect((await db().select().from(remains).where(eq(remains.id, second.id)))[0]?.voidedAt).not.toBeNull();
    await requestPersonVoid();
    signInAs(admin);
    expect(await updateApprovalPolicy({ required: { "remains.void": true } })).toMatchObject({ ok: true });
  });
});
