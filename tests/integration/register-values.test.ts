import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { policeReports } from "@/db/schema";
import type { ReadOptions } from "@/lib/import/read-options";
import type { ImportMode } from "@/lib/import/run-import";
import type { RegisterFile } from "../fixtures/make-registers";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { importRegisterFile } from "./support/import-register";

const backends = await testBackends();

describeOnEachBackend(backends, "register values (issue 28, point 2)", (database) => {
  function importRegister(name: RegisterFile, mode: ImportMode, readOptions?: ReadOptions) {
    return importRegisterFile(database().db, name, { kind: "policeReports", mode, readOptions });
  }

  it("remembers a word mapped in one import for the next, and stores converted dates with their original and precision", async () => {
    const before = await importRegister("us-locale-dates.csv", "dryRun");
    expect(before.counts).toMatchObject({ new: 0, invalid: 10 });
    const options: ReadOptions = { sheets: null, headerRows: null, hiddenRows: "skip", dateOrders: { filedOn: "monthFirst" }, valueMappings: { category: { تغيب: "disappearance" } } };
    const committed = await importRegister("us-locale-dates.csv", "commit", options);
    expect(committed.counts).toMatchObject({ new: 10, invalid: 0 });
    const [first] = await database().db.select().from(policeReports).where(eq(policeReports.reportNumber, "500/2020"));
    expect(first).toMatchObject({ filedOn: "2020-06-01", category: "disappearance" });

    const later = await importRegister("us-locale-dates.csv", "dryRun");
    expect(later.counts).toMatchObject({ alreadyPresent: 10, invalid: 0 });
    expect(later.codedValues[0]?.values[0]).toMatchObject({ value: "تغيب", target: "disappearance", source: "mapped" });

    await importRegister("date-shapes.csv", "commit");
    const [hijri] = await database().db.select().from(policeReports).where(eq(policeReports.reportNumber, "604/2020"));
    expect(hijri).toMatchObject({ filedOn: "2020-06-07", filedOnPrecision: "day", sourceValues: { filedOn: "15/10/1441 هـ", reporterPhone: "+218945678901" } });
    const [approximate] = await database().db.select().from(policeReports).where(eq(policeReports.reportNumber, "605/2020"));
    expect(approximate).toMatchObject({ filedOn: "2020-06-01", filedOnPrecision: "month", sourceValues: { filedOn: "6/2020" } });
  });
});
