import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, missingPersons, policeReportPersons, policeReports } from "@/db/schema";
import type { ImportKind } from "@/lib/import/fields";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import type { ImportMode } from "@/lib/import/run-import";
import { authoriseRead } from "@/lib/auth/read-access";
import { getMissingPersonDetails } from "@/lib/people/person-queries";
import type { RegisterFile } from "../fixtures/make-registers";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { importRegisterFile } from "./support/import-register";
import { sessionOf } from "./support/read-access";

const backends = await testBackends();

describeOnEachBackend(backends, "people named by a register (issue 28, points 4 and 5)", (database) => {
  function importRegister(name: RegisterFile, kind: ImportKind, mode: ImportMode, conflictChoices: Record<string, ConflictChoice> = {}) {
    return importRegisterFile(database().db, name, { kind, mode, conflictChoices });
  }

  /** Each report of the import with the names of the people linked to it, sorted. */
  async function linkedNames(importId: string): Promise<Record<string, string[]>> {
    const rows = await database()
      .db.select({ reportNumber: policeReports.reportNumber, given: missingPersons.givenName, father: missingPersons.fatherName, grandfather: missingPersons.grandfatherName, family: missingPersons.familyName })
      .from(policeReports)
      .innerJoin(policeReportPersons, eq(policeReportPersons.reportId, policeReports.id))
      .innerJoin(missingPersons, eq(missingPersons.id, policeReportPersons.missingPersonId))
      .where(eq(policeReports.importId, importId));
    const linked: Record<string, string[]> = {};
    for (const row of rows) (linked[row.reportNumber] ??= []).push([row.given, row.father, row.grandfather, row.family].filter(Boolean).join(" "));
    return Object.fromEntries(Object.entries(linked).sort().map(([number, names]) => [number, names.sort()]));
  }

  /** The people of persons-two-lists.csv, imported once for the tests of this file. */
  let onFileOnce: Promise<(typeof missingPersons.$inferSelect)[]> | null = null;
  function peopleOnFile() {
    onFileOnce ??= importRegister("persons-two-lists.csv", "missingPersons", "commit").then((lists) =>
      database().db.select().from(missingPersons).where(eq(missingPersons.importId, lists.importId ?? "")),
    );
    return onFileOnce;
  }

  it("takes no link to a person who is not among the likely matches: those reports keep waiting", async () => {
    await peopleOnFile();
    const strangerId = "00000000-0000-4000-8000-000000000000";
    const first = await importRegister("reports-named-people.csv", "policeReports", "dryRun");
    const choices = Object.fromEntries(first.personMatches.map((match): [string, ConflictChoice] => [match.key, `link:${strangerId}`]));
    const checked = await importRegister("reports-named-people.csv", "policeReports", "dryRun", choices);
    expect(checked.counts).toMatchObject({ new: 5, conflicts: 2, peopleLinked: 0 });
    expect(checked.preview.flatMap((record) => record.people).some((person) => person.action === "link")).toBe(false);
  });

  it("makes several names in one cell several people, each linked to the report, after the same duplicate review as the forms", async () => {
    const onFile = await peopleOnFile();
    const idOf = (given: string) => onFile.find((person) => person.givenName === given)?.id ?? "";

    const dryRun = await importRegister("reports-named-people.csv", "policeReports", "dryRun");
    expect(dryRun.errors).toEqual([]);
    expect(dryRun.personMatches.map((match) => [match.rowNumber, match.name, match.matches.map((candidate) => candidate.id)])).toEqual([
      [5, "عادل مفتاح سالم القماطي", [idOf("عادل")]],
      [7, "نوري بشير علي الزنتاني", [idOf("نوري")]],
      [7, "مصباح عياد محمد الككلي", [idOf("مصباح")]],
    ]);
    // Reports naming someone the registry may have wait for the user; the others are previewed with their people.
    expect(dryRun.counts).toMatchObject({ new: 5, conflicts: 2, peopleCreated: 6, peopleLinked: 0 });
    expect(dryRun.preview.map((record) => [record.title.split(" — ")[0], record.people.map((person) => `${person.action} ${person.name}`)])).toEqual([
      ["701/2020", ["create محمد علي سالم القماطي", "create أحمد علي سالم القماطي"]],
      ["702/2020", ["create فرج عمر خليفة الككلي", "create سعد عمر خليفة الككلي"]],
      ["703/2020", ["create عبد الله ونيس الترهوني"]],
      ["705/2020", ["create محمد علي سالم القماطي"]],
      ["707/2020", ["create خالد عمر الفيتوري"]],
    ]);

    const [adel, nouri, misbah] = dryRun.personMatches.map((match) => match.key);
    const choices: Record<string, ConflictChoice> = { [adel ?? ""]: `link:${idOf("عادل")}`, [nouri ?? ""]: `link:${idOf("نوري")}`, [misbah ?? ""]: "create" };
    const checked = await importRegister("reports-named-people.csv", "policeReports", "dryRun", choices);
    expect(checked.counts).toMatchObject({ new: 7, conflicts: 0, peopleCreated: 7, peopleLinked: 2 });
    expect(checked.preview.find((record) => record.title.startsWith("706/2020"))?.people).toEqual([
      { name: "نوري بشير علي الزنتاني", action: "link", caseNumber: onFile.find((person) => person.givenName === "نوري")?.caseNumber },
      { name: "مصباح عياد محمد الككلي", action: "create", caseNumber: null },
    ]);

    const committed = await importRegister("reports-named-people.csv", "policeReports", "commit", choices);
    const importId = committed.importId ?? "";
    expect(await linkedNames(importId)).toEqual({
      "701/2020": ["أحمد علي سالم القماطي", "محمد علي سالم القماطي"],
      "702/2020": ["سعد عمر خليفة الككلي", "فرج عمر خليفة الككلي"],
      "703/2020": ["عبد الله ونيس الترهوني"],
      "704/2020": ["عادل مفتاح سالم القماطي"],
      "705/2020": ["محمد علي سالم القماطي"],
      "706/2020": ["مصباح عياد محمد الككلي", "نوري بشير علي الزنتاني"],
      "707/2020": ["خالد عمر الفيتوري"],
    });
    const created = await database().db.select().from(missingPersons).where(eq(missingPersons.importId, importId));
    expect(created).toHaveLength(7);
    // The man named in 701 and, with a title and "بن", in 705 is one person with the register's spelling kept.
    const mohamed = created.filter((person) => person.givenName === "محمد");
    expect(mohamed.map((person) => person.sourceValues)).toEqual([{ fullName: "محمد علي سالم القماطي" }]);
    const [entry] = await database().db.select().from(auditLog).where(and(eq(auditLog.entityId, importId), eq(auditLog.action, "import.policeReports")));
    expect(entry?.after).toMatchObject({ new: 7, peopleCreated: 7, peopleLinked: 2 });
    // The people on file the user chose are linked, not created again.
    const linkedOnFile = await database().db.select().from(policeReportPersons).where(inArray(policeReportPersons.missingPersonId, [idOf("عادل"), idOf("نوري")]));
    expect(linkedOnFile).toHaveLength(2);

    // Imported again: every report is on file, so there is nobody to decide on and nothing to create.
    const again = await importRegister("reports-named-people.csv", "policeReports", "dryRun");
    expect(again.counts).toMatchObject({ new: 0, alreadyPresent: 7, conflicts: 0, peopleCreated: 0 });
    expect(again.personMatches).toEqual([]);
  });

  it("puts a person's extra columns in their fields or the register notes, says so in the preview, and shows each refused value", async () => {
    const dryRun = await importRegister("persons-extra-columns.csv", "missingPersons", "dryRun");
    expect(dryRun.mapping).toEqual(["sourceReference", "fullName", "motherName", "nationalNumber", "dateOfBirth", "age", "phone", "address", "lastSeenOn"]);
    expect(dryRun.errors.map((error) => [error.rowNumber, error.column, error.problem, error.values?.value])).toEqual([
      [4, "العمر", "ageFormat", "مئة"],
      [5, "الاسم الكامل", "severalNames", "جمعة وعمر مفتاح الككلي"],
    ]);
    expect(dryRun.preview.map((record) => [record.title, record.detail, record.notes])).toEqual([
      ["سالم مفتاح عمر الككلي", "1985", { fullName: "سالم مفتاح عمر الككلي", motherName: "فاطمة علي", nationalNumber: "119850123456", phone: "+218912345678", address: "ترهونة - حي الربط", dateOfBirth: "15/3/1985" }],
      ["مراد خليفة سالم الترهوني", "1985", { fullName: "مراد خليفة سالم الترهوني", age: "٣٤ سنة" }],
    ]);

    const committed = await importRegister("persons-extra-columns.csv", "missingPersons", "commit");
    const created = await database().db.select().from(missingPersons).where(eq(missingPersons.importId, committed.importId ?? ""));
    expect(created.map((person) => [person.givenName, person.birthYear, person.sourceValues.motherName ?? null, person.sourceValues.age ?? null]).sort()).toEqual([
      ["سالم", 1985, "فاطمة علي", null],
      ["مراد", 1985, null, "٣٤ سنة"],
    ]);
  });

  it("shows a person's register notes on the person's page, the phone and address only to roles that see contact details", async () => {
    const salemOf = () => database().db.select().from(missingPersons).where(and(eq(missingPersons.givenName, "سالم"), eq(missingPersons.familyName, "الككلي")));
    let [salem] = await salemOf();
    if (!salem) {
      await importRegister("persons-extra-columns.csv", "missingPersons", "commit");
      [salem] = await salemOf();
    }
    const asRole = (role: "registrar" | "viewer") => getMissingPersonDetails(authoriseRead(sessionOf(role), "people.read"), database().db, salem?.id ?? "");
    expect((await asRole("registrar"))?.sourceValues).toMatchObject({ motherName: "فاطمة علي", phone: "+218912345678", address: "ترهونة - حي الربط" });
    const seenByViewer = (await asRole("viewer"))?.sourceValues ?? {};
    expect(seenByViewer).toMatchObject({ motherName: "فاطمة علي", nationalNumber: "119850123456" });
    expect(Object.keys(seenByViewer)).not.toContain("phone");
    expect(Object.keys(seenByViewer)).not.toContain("address");
  });
});
