import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseInWorker } from "@/lib/import/parse-in-worker";
import type { PoliceReportRow } from "@/lib/import/validate-row";
import { waitingReaderPid } from "@/lib/import/reader-process";

const HEADERS = ["رقم البلاغ", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "الوقائع"];
const reports = (first: number, rows: number) =>
  new TextEncoder().encode(Papa.unparse([HEADERS, ...Array.from({ length: rows }, (_, index) => [`SP-${first + index}`, "2020-01-01", `مبلغ ${index}`, "قتل", "نص"])]));

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean) {
  for (let waited = 0; waited < 10_000 && !condition(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe("the reader started ahead of the next import", () => {
  it("reads the next file, each file's rows its own, and is not kept once used", async () => {
    const first = await parseInWorker({ bytes: reports(1, 3), kind: "policeReports", mapping: null }, () => undefined);
    expect("parsed" in first && first.parsed.validRows.length).toBe(3);
    expect(await until(() => waitingReaderPid() !== null)).toBe(true);
    const waiting = waitingReaderPid();

    const second = await parseInWorker({ bytes: reports(100, 5), kind: "policeReports", mapping: null }, () => undefined);
    expect("parsed" in second && second.parsed.validRows.map((row) => (row.values as PoliceReportRow).reportNumber)).toEqual(["SP-100", "SP-101", "SP-102", "SP-103", "SP-104"]);
    // The waiting reader did the second job and ended with it; another now waits.
    expect(await until(() => !running(waiting ?? 0))).toBe(true);
    expect(await until(() => waitingReaderPid() !== null)).toBe(true);
    expect(waitingReaderPid()).not.toBe(waiting);
  });

  it("is not given a job under another heap cap, and is not left running", async () => {
    await parseInWorker({ bytes: reports(1, 2), kind: "policeReports", mapping: null }, () => undefined);
    expect(await until(() => waitingReaderPid() !== null)).toBe(true);
    const waiting = waitingReaderPid();
    const capped = await parseInWorker({ bytes: reports(1, 2), kind: "policeReports", mapping: null }, () => undefined, { heapMb: 256, seconds: 60 });
    expect("parsed" in capped && capped.parsed.validRows.length).toBe(2);
    expect(await until(() => !running(waiting ?? 0))).toBe(true);
  });
});
