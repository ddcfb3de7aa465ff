import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetKeptReading, parseReusingLast } from "@/lib/import/parse-reuse";
import { DEFAULT_READ_OPTIONS } from "@/lib/import/read-options";
import { waitingReaderPid } from "@/lib/import/reader-process";
import type { PoliceReportRow } from "@/lib/import/validate-row";

const HEADERS = ["رقم البلاغ", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "الوقائع"];
const reports = (first: number, rows: number) =>
  new TextEncoder().encode(Papa.unparse([HEADERS, ...Array.from({ length: rows }, (_, index) => [`PR-${first + index}`, "2020-01-01", `مبلغ ${index}`, "قتل", "نص"])]));

async function until(condition: () => boolean) {
  for (let waited = 0; waited < 10_000 && !condition(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

const parsedOf = (outcome: Awaited<ReturnType<typeof parseReusingLast>>) => {
  if (!("parsed" in outcome)) throw new Error("the file was not read");
  return outcome.parsed;
};

describe("a file checked and then imported is read once", () => {
  beforeEach(() => forgetKeptReading());

  it("gives the import a copy of the check's reading, without a reading process, and reads a changed file or way of reading again", async () => {
    const job = { bytes: reports(1, 4), kind: "policeReports" as const, mapping: null, readOptions: DEFAULT_READ_OPTIONS };
    const checked = parsedOf(await parseReusingLast(job, () => undefined));
    expect(await until(() => waitingReaderPid() !== null)).toBe(true);
    const waiting = waitingReaderPid();

    // The check's caller changes its rows: the import still gets the rows as read.
    (checked.validRows[0]?.values as PoliceReportRow).reportNumber = "changed";
    const progress: unknown[] = [];
    const imported = parsedOf(await parseReusingLast({ ...job, bytes: reports(1, 4) }, (event) => progress.push(event)));
    expect(waitingReaderPid()).toBe(waiting);
    expect(imported.validRows.map((row) => (row.values as PoliceReportRow).reportNumber)).toEqual(["PR-1", "PR-2", "PR-3", "PR-4"]);
    expect(progress).toEqual([{ phase: "parse", rows: 4 }]);

    // Other bytes, or the same bytes read with other options: read again, by the waiting reader.
    const other = parsedOf(await parseReusingLast({ ...job, bytes: reports(10, 2) }, () => undefined));
    expect(other.validRows).toHaveLength(2);
    expect(waitingReaderPid()).not.toBe(waiting);
    expect(await until(() => waitingReaderPid() !== null)).toBe(true);
    const next = waitingReaderPid();
    const skippingNothing = parsedOf(await parseReusingLast({ ...job, bytes: reports(10, 2), readOptions: { ...DEFAULT_READ_OPTIONS, hiddenRows: "read" } }, () => undefined));
    expect(skippingNothing.hiddenRows).toBe("read");
    expect(waitingReaderPid()).not.toBe(next);
  });
});
