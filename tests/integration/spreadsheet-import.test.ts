import { count, eq, inArray } from "drizzle-orm";
import Papa from "papaparse";
import { expect, it } from "vitest";
import { auditLog, missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import { sha256Hex } from "@/lib/import/parse-file";
import { runImport, type ImportEvent, type ImportMode } from "@/lib/import/run-import";
import type { ImportKind } from "@/lib/import/fields";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { createFamily, createMissingPerson, createUser, uniqueSuffix } from "./support/factories";

const backends = await testBackends();
const REPORT_HEADERS = ["رقم البلاغ", "Filed on", "اسم المبلغ", "Category", "الوقائع", "Case numbers"];

type ResultEvent = Extract<ImportEvent, { type: "result" }>;

describeOnEachBackend(backends, "spreadsheet import", (database) => {
  async function importEvents(kind: ImportKind, text: string, mode: ImportMode): Promise<ImportEvent[]> {
    const { db } = database();
    const actor = await createUser(db, "registrar");
    const events: ImportEvent[] = [];
    const bytes = new TextEncoder().encode(text);
    await runImport(db, { bytes, fileName: "reports.csv", kind, mapping: null, mode, actor: { actorId: actor.id, actorLabel: actor.username } }, (event) => events.push(event));
    return events;
  }

  async function importText(kind: ImportKind, text: string, mode: ImportMode): Promise<{ result: ResultEvent; events: ImportEvent[] }> {
    const events = await importEvents(kind, text, mode);
    const result = events.find((event): event is ResultEvent => event.type === "result");
    if (!result) throw new Error(`no result: ${JSON.stringify(events.at(-1))}`);
    return { result, events };
  }

  async function reportCount(prefix: string): Promise<number> {
    const rows = await database().db.select({ reportNumber: policeReports.reportNumber }).from(policeReports);
    return rows.filter((row) => row.reportNumber.startsWith(prefix)).length;
  }

  it("reports exactly the 10 bad rows of a 1,000-row file, imports the rest once, and nothing on the second import", async () => {
    const prefix = `IMP-${uniqueSuffix()}-`;
    const badRows = new Set([2, 57, 58, 199, 400, 401, 650, 777, 900, 1001]);
    const records = Array.from({ length: 1000 }, (_, index) => {
      const rowNumber = index + 2;
      const good = [`${prefix}${index}`, "2020-06-0" + ((index % 9) + 1), `مبلغ ${index}`, index % 2 ? "killing" : "اختفاء", "نص", ""];
      if (!badRows.has(rowNumber)) return good;
      return rowNumber % 2 ? [...good.slice(0, 1), "2099-01-01", ...good.slice(2)] : [...good.slice(0, 3), "robbery", ...good.slice(4)];
    });
    const text = Papa.unparse([REPORT_HEADERS, ...records]);

    const { result: dryRun, events } = await importText("policeReports", text, "dryRun");
    expect(dryRun.counts).toEqual({ rows: 1000, new: 990, alreadyPresent: 0, invalid: 10, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    expect(dryRun.errors.map((error) => error.rowNumber)).toEqual([...badRows].sort((a, b) => a - b));
    expect(events.some((event) => event.type === "progress")).toBe(true);
    expect(await reportCount(prefix)).toBe(0);

    const { result: first } = await importText("policeReports", text, "commit");
    expect(first.counts).toEqual({ rows: 1000, new: 990, alreadyPresent: 0, invalid: 10, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    expect(await reportCount(prefix)).toBe(990);

    const { result: second } = await importText("policeReports", text, "commit");
    expect(second.counts).toEqual({ rows: 1000, new: 0, alreadyPresent: 990, invalid: 10, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    expect(await reportCount(prefix)).toBe(990);

    const { db } = database();
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, first.importId ?? ""));
    expect(entry).toMatchObject({ action: "import.policeReports", entity: "import" });
    expect(entry?.after).toMatchObject({ sha256: sha256Hex(new TextEncoder().encode(text)), new: 990, invalid: 10, alreadyPresent: 0, fileName: "reports.csv" });
    const [traced] = await db.select({ total: count() }).from(policeReports).where(eq(policeReports.importId, first.importId ?? ""));
    expect(traced?.total).toBe(990);
  });

  it("links imported reports to the missing persons they name by case number, and refuses unknown ones", async () => {
    const { db } = database();
    const person = await createMissingPerson(db);
    const prefix = `LNK-${uniqueSuffix()}-`;
    const text = Papa.unparse([
      REPORT_HEADERS,
      [`${prefix}1`, "14/07/2020", "سالم", "قتل", "", person.caseNumber],
      [`${prefix}2`, "2020-07-15", "سالم", "قتل", "", "TRH-MP-99999"],
    ]);
    const { result } = await importText("policeReports", text, "commit");
    expect(result.counts).toMatchObject({ new: 1, invalid: 1 });
    expect(result.errors).toEqual([{ rowNumber: 3, column: "Case numbers", problem: "unknownCaseNumber", values: { value: "TRH-MP-99999" } }]);
    const [report] = await db.select().from(policeReports).where(eq(policeReports.reportNumber, `${prefix}1`));
    expect(report).toMatchObject({ filedOn: "2020-07-14", category: "killing" });
    const links = await db.select().from(policeReportPersons).where(eq(policeReportPersons.reportId, report?.id ?? ""));
    expect(links.map((link) => link.missingPersonId)).toEqual([person.id]);
  });

  it("imports missing persons with a normalised search name and their family, keyed by case number", async () => {
    const { db } = database();
    const family = await createFamily(db);
    const caseNumbers = [`CASE-${uniqueSuffix()}`.toUpperCase(), `CASE-${uniqueSuffix()}`.toUpperCase()];
    const text = Papa.unparse([
      ["Case number", "الاسم", "اسم الأب", "اللقب", "الجنس", "سنة الميلاد", "مرجع العائلة"],
      [caseNumbers[0], "أحمد", "إبراهيم", "الترهوني", "ذكر", "1980", family.reference],
      [caseNumbers[1], "فاطمة", "", "", "أنثى", "", ""],
    ]);
    const { result } = await importText("missingPersons", text, "commit");
    expect(result.counts).toEqual({ rows: 2, new: 2, alreadyPresent: 0, invalid: 0, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    const people = await db.select().from(missingPersons).where(inArray(missingPersons.caseNumber, caseNumbers));
    const byCaseNumber = new Map(people.map((person) => [person.caseNumber, [person.nameSearch, person.sex, person.familyId, person.importId]]));
    expect(byCaseNumber.get(caseNumbers[0] ?? "")).toEqual(["احمد ابراهيم الترهوني", "male", family.id, result.importId]);
    expect(byCaseNumber.get(caseNumbers[1] ?? "")).toEqual(["فاطمه", "female", null, result.importId]);
    const { result: again } = await importText("missingPersons", text, "commit");
    expect(again.counts).toMatchObject({ new: 0, alreadyPresent: 2 });
  });

  it("refuses a mapping that leaves a column undecided or a required field without a column", async () => {
    const unknownColumn = await importEvents("policeReports", "Report number,Colour\nA-1,red\n", "commit");
    expect(unknownColumn.at(-1)).toMatchObject({ type: "mapping", problem: { problem: "unmappedColumns", columns: ["Colour"] } });
    const noDate = await importEvents("policeReports", "Report number,Reporter,Category\nA-1,سالم,قتل\n", "commit");
    expect(noDate.at(-1)).toMatchObject({ type: "mapping", problem: { problem: "missingRequired", fields: ["filedOn"] } });
  });
});
