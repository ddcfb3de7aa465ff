import "./support/mock-action-request";
import { eq } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { recordMeeting } from "@/app/[locale]/staff/identifications/actions";
import { identifications } from "@/db/schema";
import { listNotificationMeetings } from "@/lib/identifications/meetings";
import { actionRequest, auditEntriesFor, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createRemains, createUser, proposeIdentification } from "./support/factories";
import { readAs } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "meetings with the family after an identification (issue 27, point 1)", (database) => {
  const db = () => database().db;
  beforeEach(() => {
    actionRequest.db = db();
  });

  async function identification(status: "proposed" | "confirmed") {
    const proposer = await createUser(db(), "forensic");
    const row = await proposeIdentification(db(), { remainsId: (await createRemains(db())).id, missingPersonId: (await createMissingPerson(db())).id, proposedBy: proposer.id });
    if (status === "confirmed") {
      const confirmer = await createUser(db(), "forensic");
      await db().update(identifications).set({ status, confirmedBy: confirmer.id, confirmedAt: new Date("2024-03-01T10:00:00Z") }).where(eq(identifications.id, row.id));
    }
    return row.id;
  }

  const meeting = (identificationId: string, overrides: Record<string, unknown> = {}) => ({
    identificationId,
    heldOn: "2024-03-04",
    place: "مكتب البلدية في ترهونة",
    staffPresent: "نوال، وأخصائية نفسية",
    familyPresent: "الأم والأخ الأكبر",
    interpreter: "",
    supportOffered: true,
    supportAccepted: true,
    explanation: "تطابق الحمض النووي مع عينة الأم، وتؤكده المفاتيح التي وُجدت معه.",
    familyQuestions: "متى يمكن الدفن؟",
    followUps: "الاتصال بالعائلة بموعد التسليم خلال أسبوع",
    remainsWishes: "الدفن في مقبرة العائلة",
    ...overrides,
  });

  it("a registrar records a meeting on a confirmed identification; it is listed and audited on the identification", async () => {
    const identificationId = await identification("confirmed");
    signInAs(await createUser(db(), "registrar"));
    expect(await recordMeeting(meeting(identificationId))).toMatchObject({ ok: true });
    const [listed] = await listNotificationMeetings(readAs("viewer", "people.read"), db(), identificationId);
    expect(listed).toMatchObject({ heldOn: "2024-03-04", familyPresent: "الأم والأخ الأكبر", supportAccepted: true, remainsWishes: "الدفن في مقبرة العائلة" });
    expect((await auditEntriesFor(db(), "identification", identificationId)).map((entry) => entry.action)).toContain("identification.meeting");
  });

  it("refuses a meeting before confirmation, dated before it, support accepted that was never offered, or by a viewer; nothing is saved", async () => {
    const proposed = await identification("proposed");
    const confirmed = await identification("confirmed");
    signInAs(await createUser(db(), "registrar"));
    expect(await recordMeeting(meeting(proposed))).toMatchObject({ ok: false, message: "Identifications.meetingBeforeConfirmation" });
    expect(await recordMeeting(meeting(confirmed, { heldOn: "2024-02-28" }))).toMatchObject({ ok: false, fieldErrors: { heldOn: "Identifications.meetingBeforeConfirmedDate" } });
    expect(await recordMeeting(meeting(confirmed, { supportOffered: false, supportAccepted: true }))).toMatchObject({
      ok: false,
      fieldErrors: { supportAccepted: "Identifications.supportAcceptedNotOffered" },
    });
    expect(await recordMeeting(meeting(confirmed, { explanation: "" }))).toMatchObject({ ok: false, fieldErrors: { explanation: "required" } });
    signInAs(await createUser(db(), "viewer"));
    expect(await recordMeeting(meeting(confirmed))).toMatchObject({ ok: false, error: "forbidden" });
    for (const id of [proposed, confirmed]) expect(await listNotificationMeetings(readAs("admin", "people.read"), db(), id)).toEqual([]);
  });
});
