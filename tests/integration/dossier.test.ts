import "./support/mock-action-request";
import { eq, inArray } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { createFamily } from "@/app/[locale]/staff/families/actions";
import { createMissingPerson } from "@/app/[locale]/staff/persons/actions";
import { createPoliceReport } from "@/app/[locale]/staff/reports/actions";
import { POST as dossierRoute } from "@/app/api/staff/dossier/[subject]/[id]/route";
import { auditLog, personalEffects } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { actionRequest, signInAs } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createRemains, createUser, proposeIdentification, uniqueSuffix } from "./support/factories";
import { familyInput, missingPersonInput, unwrap } from "./support/people";
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
    expect(head).toMatchObject({ action: "dossier.generate", entity: "dossier", entityId: id, actorId: actionRequest.session?.userId });
  });

  it("refuses a viewer and an unknown record", async () => {
    actionRequest.session = await createStaffSession(db(), "viewer");
    expect((await generate("person", personId)).status).toBe(403);
    actionRequest.session = await createStaffSession(db(), "forensic");
    expect((await generate("person", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await generate("grave", personId)).status).toBe(404);
  });
});
