import "./support/mock-action-request";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, beforeEach, expect, it } from "vitest";
import { POST as exportAuditLog } from "@/app/api/staff/audit/export/route";
import { auditLog, graveSites, users } from "@/db/schema";
import { appendAuditEntry } from "@/lib/audit/append";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createMissingPerson, createUser } from "./support/factories";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();

/** Issue 24, item 2: the filtered audit log leaves as a spreadsheet a person reads, and says so in the log. */
describeOnEachBackend(backends, "audit log export", (database) => {
  const db = () => database().db;
  let caseNumber = "";
  let personId = "";
  let siteId = "";
  let proposerName = "";

  beforeAll(async () => {
    const person = await createMissingPerson(db());
    caseNumber = person.caseNumber;
    personId = person.id;
    const proposer = await createUser(db(), "forensic");
    const [account] = await db().select().from(users).where(eq(users.id, proposer.id));
    proposerName = account?.displayName ?? "";
    const [site] = await db().select({ id: graveSites.id }).from(graveSites).limit(1);
    siteId = site?.id ?? "";
    await db().transaction(async (tx) => {
      await appendAuditEntry(tx, { actorId: null, actorLabel: "registrar", action: "missingPerson.update", entity: "missing_person", entityId: personId, before: { status: "missing", version: 1 }, after: { status: "found_alive", version: 2, mergedIntoId: proposer.id } });
      await appendAuditEntry(tx, { actorId: null, actorLabel: "forensic", action: "graveSite.update", entity: "grave_site", entityId: siteId || null, before: { status: "surveyed" }, after: { status: "excavating" } });
    });
  });

  beforeEach(() => {
    actionRequest.db = db();
  });

  const download = (query: string) => exportAuditLog(new Request(`http://localhost/api/staff/audit/export?${query}`, { method: "POST" }));
  const csvRows = async (response: Response) => Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, "").trim()).data;

  it("gives an administrator the entries of a case number in Arabic words, and audits the export with its filters", async () => {
    actionRequest.session = await createStaffSession(db(), "admin");
    const response = await download(`entityId=${caseNumber}&format=csv&lang=ar`);
    expect(response.status).toBe(200);
    const [header, ...rows] = await csvRows(response);
    expect(header).toEqual(["رقم القيد", "الوقت", "المستخدم", "الإجراء", "رمز الإجراء", "نوع السجل", "السجل", "معرّف السجل", "التغييرات", "العنوان"]);
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.[3]).toBe("تعديل بيانات مفقود");
    expect(row?.[4]).toBe("missingPerson.update");
    expect(row?.[5]).toBe("مفقود");
    expect(row?.[6]).toContain(caseNumber);
    expect(row?.[8]).toContain("الحالة: مفقود ← وُجد حياً");
    expect(row?.[8]).toContain(proposerName);
    expect(row?.[8]).not.toMatch(/found_alive|status:/);
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.action, "export.auditLog"), eq(auditLog.actorId, actionRequest.session.userId)));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toMatchObject({ format: "csv", rows: 1, filters: { entityId: caseNumber } });
  });

  it("writes an English left-to-right XLSX filtered by record type", async () => {
    actionRequest.session = await createStaffSession(db(), "admin");
    const response = await download("entity=grave_site&format=xlsx&lang=en");
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const sheet = workbook.worksheets[0];
    expect(sheet?.views[0]?.rightToLeft).toBe(false);
    expect(sheet?.getRow(1).values).toContain("Record type");
    const types = new Set<string>();
    const changes: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number === 1) return;
      types.add(String(row.getCell(6).value));
      changes.push(String(row.getCell(9).value ?? ""));
    });
    expect([...types]).toEqual(["Grave site"]);
    expect(changes).toContain("Status: Surveyed → Excavation under way");
  });

  it("sets an Arabic XLSX right to left", async () => {
    actionRequest.session = await createStaffSession(db(), "admin");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await (await download("entity=grave_site&format=xlsx&lang=ar")).arrayBuffer()) as never);
    expect(workbook.worksheets[0]?.views[0]?.rightToLeft).toBe(true);
  });

  it.each(["registrar", "forensic", "viewer"] as const)("refuses a %s and writes nothing", async (role) => {
    actionRequest.session = await createStaffSession(db(), role);
    const before = await db().$count(auditLog, eq(auditLog.action, "export.auditLog"));
    expect((await download("format=csv")).status).toBe(403);
    expect(await db().$count(auditLog, eq(auditLog.action, "export.auditLog"))).toBe(before);
  });
});
