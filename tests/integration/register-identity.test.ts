import { and, eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { selectRows } from "@/db/client";
import { auditLog, missingPersons, policeReports } from "@/db/schema";
import type { ImportKind } from "@/lib/import/fields";
import { reportKey } from "@/lib/import/report-identity";
import type { ConflictChoice } from "@/lib/import/report-conflicts";
import type { ImportMode } from "@/lib/import/run-import";
import type { RegisterFile } from "../fixtures/make-registers";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { importRegisterFile } from "./support/import-register";

const backends = await testBackends();

describeOnEachBackend(backends, "register identity (issue 28, point 3)", (database) => {
  function importRegister(name: RegisterFile, kind: ImportKind, mode: ImportMode, conflictChoices: Record<string, ConflictChoice> = {}) {
    return importRegisterFile(database().db, name, { kind, mode, conflictChoices });
  }

  const reportsNumbered = (numbers: string[]) => database().db.select().from(policeReports).where(inArray(policeReports.reportNumber, numbers));

  it("computes in the database the same key for each spelling as the import does", async () => {
    const spellings: [string, string, string | null][] = [
      ["مركز شرطة ترهونة", "418/2020", "2020-06-01"],
      ["ترهونه", "2020/418", null],
      ["Tarhuna", "٤١٨/٢٠٢٠", null],
      ["شرطة  ترهونة", "0418 - 2020", null],
      ["مركز ترهونة", "۴۱۸.۲۰۲۰", null],
      ["مركز شرطة ترهونة", "418", "2021-03-02"],
      ["مركز شرطة غريان", "A-17", "2020-01-01"],
      ["مركز شرطة ترهونة", "2020/2099", null],
      // Migration 0043 answers these without normalising: Tarhuna's stored station, a number and a plausible year.
      ["مركز شرطة ترهونة", "000/2020", null],
      ["مركز شرطة ترهونة", "0100/2020", "2019-01-01"],
      ["مركز شرطة ترهونة", "418/1950", null],
      // …and these through the full rules: a year out of range, another spelling of the station.
      ["مركز شرطة ترهونة", "418/1949", "2020-01-01"],
      ["مركز شرطة ترهونة", "418/2100", null],
      [" مركز شرطة ترهونة", "418/2020", null],
      ["Tarhuna police station", "418/2020", null],
      ["قسم شرطة  القصبات", "2020/0418", null],
      ["مركز شرطة police ps", "17/2020", null],
      // Spaces inside a number with no separator: normalising folds them to one, and so must the import.
      ["مركز شرطة ترهونة", "418  2020", null],
      ["مركز شرطة ترهونة", " 12\t 7 ", "2020-01-01"],
    ];
    for (const [station, number, filedOn] of spellings) {
      const [row] = await selectRows<{ key: string }>(database().db, sql`select police_station_key(${station}) || '|' || police_report_number_key(${number}, ${filedOn}::date) as key`);
      expect(row?.key, `${station} ${number}`).toBe(reportKey(station, number, filedOn));
    }
    expect(reportKey("Tarhuna", "٤١٨/٢٠٢٠", null)).toBe(reportKey("مركز شرطة ترهونة", "2020/418", null));
  });

  it("takes one report written twelve ways as one, the same number a year later as another, and a second version as a conflict", async () => {
    const dryRun = await importRegister("report-spellings.csv", "policeReports", "dryRun");
    expect(dryRun.counts).toMatchObject({ rows: 14, new: 2, invalid: 12 });
    expect(dryRun.errorCounts).toEqual({ duplicateInFile: 11, conflictInFile: 1 });
    expect(dryRun.errors.find((error) => error.problem === "conflictInFile")).toMatchObject({ rowNumber: 15, values: { row: 2 } });

    const committed = await importRegister("report-spellings.csv", "policeReports", "commit");
    expect(committed.counts.new).toBe(2);
    const stored = await reportsNumbered(["418/2020", "418/2021"]);
    expect(stored.map((report) => [report.station, report.reportNumber, report.filedOn]).sort()).toEqual([
      ["مركز شرطة ترهونة", "418/2020", "2020-06-01"],
      ["مركز شرطة ترهونة", "418/2021", "2021-03-02"],
    ]);
    const again = await importRegister("report-spellings.csv", "policeReports", "commit");
    expect(again.counts).toMatchObject({ new: 0, alreadyPresent: 2 });
  });

  it("shows a report on file with other content as a conflict with both versions, and changes it only when the user chooses the file's", async () => {
    await importRegister("report-spellings.csv", "policeReports", "commit");
    const [before] = await reportsNumbered(["418/2020"]);
    if (!before) throw new Error("418/2020 not imported");

    const dryRun = await importRegister("report-correction.csv", "policeReports", "dryRun");
    expect(dryRun.counts).toMatchObject({ new: 0, alreadyPresent: 0, conflicts: 1 });
    expect(dryRun.conflicts).toEqual([
      expect.objectContaining({
        rowNumber: 2,
        reportNumber: "418/2020",
        fields: ["reporterRelationship", "narrative"],
        existing: expect.objectContaining({ id: before.id, reporterRelationship: "أخ", narrative: "خرج ولم يعد" }),
        incoming: expect.objectContaining({ reporterRelationship: "ابن عم", narrative: "شوهد آخر مرة عند البوابة" }),
        choice: null,
      }),
    ]);

    const undecided = await importRegister("report-correction.csv", "policeReports", "commit");
    expect(undecided.counts).toMatchObject({ new: 0, conflicts: 1, replaced: 0 });
    const kept = await importRegister("report-correction.csv", "policeReports", "commit", { [dryRun.conflicts[0]?.key ?? ""]: "keep" });
    expect(kept.counts).toMatchObject({ alreadyPresent: 1, conflicts: 0, replaced: 0 });
    expect((await reportsNumbered(["418/2020"]))[0]).toMatchObject({ narrative: "خرج ولم يعد", version: before.version });

    const replaced = await importRegister("report-correction.csv", "policeReports", "commit", { [dryRun.conflicts[0]?.key ?? ""]: "replace" });
    expect(replaced.counts).toMatchObject({ replaced: 1, conflicts: 0 });
    const [after] = await reportsNumbered(["418/2020"]);
    expect(after).toMatchObject({ id: before.id, reporterRelationship: "ابن عم", narrative: "شوهد آخر مرة عند البوابة", version: before.version + 1 });
    const entries = await database().db.select().from(auditLog).where(and(eq(auditLog.entityId, before.id), eq(auditLog.action, "policeReport.update")));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.after).toMatchObject({ importId: replaced.importId });
  });

  it("keeps the office's own serial as a source reference and gives every person of two lists numbered from 1 a registry case number", async () => {
    const result = await importRegister("persons-two-lists.csv", "missingPersons", "commit");
    expect(result.mapping[0]).toBe("sourceReference");
    expect(result.counts).toMatchObject({ rows: 5, new: 5, invalid: 0 });
    const people = await database().db.select().from(missingPersons).where(eq(missingPersons.importId, result.importId ?? ""));
    expect(people.map((person) => [person.givenName, person.sourceReference]).sort()).toEqual([
      ["عادل", "1"],
      ["فتحي", "1"],
      ["مصباح", "3"],
      ["نوري", "2"],
      ["هشام", "2"],
    ]);
    expect(new Set(people.map((person) => person.caseNumber)).size).toBe(5);
    expect(people.every((person) => /^TRH-MP-\d{5}$/.test(person.caseNumber))).toBe(true);
  });
});
