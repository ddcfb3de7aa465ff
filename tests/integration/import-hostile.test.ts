import "./support/mock-action-request";
import { count, eq } from "drizzle-orm";
import Papa from "papaparse";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { POST as importRoute } from "@/app/api/staff/import/route";
import { auditLog, importRuns, policeReports } from "@/db/schema";
import { MAX_LISTED_ERRORS, MAX_ROWS, MAX_SHARED_STRINGS, MAX_UNCOMPRESSED_BYTES } from "@/lib/import/limits";
import { ImportFileError } from "@/lib/import/decode";
import { parseInWorker } from "@/lib/import/parse-in-worker";
import type { ImportEvent } from "@/lib/import/run-import";
import { actionRequest } from "./support/action-request";
import { describeOnEachBackend, testBackends } from "./support/databases";
import { lastColumnWorkbook, manySharedStrings, sharedStringBomb } from "./support/hostile-spreadsheets";
import { createStaffSession } from "./support/staff-users";

const backends = await testBackends();
const HEADERS = ["رقم البلاغ", "تاريخ البلاغ", "اسم المبلغ", "نوع البلاغ", "الوقائع"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type ResultEvent = Extract<ImportEvent, { type: "result" }>;

function upload(file: File, mode: "dryRun" | "commit"): Request {
  const form = new FormData();
  form.set("file", file);
  form.set("kind", "policeReports");
  form.set("mode", mode);
  return new Request("http://localhost/api/staff/import", { method: "POST", body: form });
}

const workbookFile = (bytes: Buffer) => new File([new Uint8Array(bytes)], "register.xlsx", { type: XLSX_TYPE });
const csvFile = (text: string) => new File([text], "register.csv", { type: "text/csv" });

async function events(response: Response): Promise<ImportEvent[]> {
  return (await response.text())
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as ImportEvent);
}

async function outcome(response: Response): Promise<Exclude<ImportEvent, { type: "progress" }>> {
  const last = (await events(response)).at(-1);
  if (!last || last.type === "progress") throw new Error("the import gave no outcome");
  return last;
}

function resultOf(event: ImportEvent): ResultEvent {
  if (event.type !== "result") throw new Error(`expected a result, got ${JSON.stringify(event)}`);
  return event;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Asks the health endpoint every 50 ms, on this process's event loop, until `work` settles. The
 * wait of each answer counts from the moment it was due, so a loop held up by the import shows.
 */
async function slowestHealthAnswer(work: Promise<unknown>): Promise<{ slowestMilliseconds: number; answers: number }> {
  let settled = false;
  void work.finally(() => (settled = true)).catch(() => undefined);
  let slowestMilliseconds = 0;
  let answers = 0;
  while (!settled) {
    const due = performance.now() + 50;
    await sleep(50);
    const response = await healthRoute();
    expect(response.status).toBe(200);
    slowestMilliseconds = Math.max(slowestMilliseconds, performance.now() - due);
    answers += 1;
  }
  return { slowestMilliseconds, answers };
}

describeOnEachBackend(backends, "hostile spreadsheet imports", (database) => {
  beforeEach(async () => {
    actionRequest.db = database().db;
    actionRequest.session = await createStaffSession(database().db, "registrar");
  });

  async function recordCounts() {
    const { db } = database();
    const [reports] = await db.select({ total: count() }).from(policeReports);
    const [entries] = await db.select({ total: count() }).from(auditLog);
    return { reports: reports?.total, auditEntries: entries?.total };
  }

  it("reads a workbook with a cell in column XFD of each of 2,000 rows by its mapped columns only, health answering within 1 s", async () => {
    const running = importRoute(upload(workbookFile(lastColumnWorkbook(HEADERS, 2_000)), "dryRun")).then(outcome);
    const health = await slowestHealthAnswer(running);
    const result = resultOf(await running);
    expect(result.counts).toEqual({ rows: 2_000, new: 0, alreadyPresent: 0, invalid: 2_000, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    // Four required cells empty and one cell past the header, in every row.
    expect(result.errorCounts).toEqual({ required: 8_000, extraCells: 2_000 });
    expect(result.errorCount).toBe(10_000);
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors[0]).toMatchObject({ rowNumber: 2 });
    expect(health.answers).toBeGreaterThan(0);
    expect(health.slowestMilliseconds).toBeLessThan(1_000);
  });

  it("refuses a workbook whose shared strings unzip past the cap although the zip says 1 kB, importing nothing", async () => {
    const before = await recordCounts();
    const bomb = await sharedStringBomb(HEADERS, MAX_UNCOMPRESSED_BYTES / 1024 / 1024 + 16);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const running = importRoute(upload(workbookFile(bomb), "commit")).then(outcome);
    const health = await slowestHealthAnswer(running);
    expect(await running).toEqual({ type: "fileError", key: "uncompressedTooLarge", values: { limit: MAX_UNCOMPRESSED_BYTES / 1024 / 1024 } });
    expect(health.slowestMilliseconds).toBeLessThan(1_000);
    expect(await recordCounts()).toEqual(before);
  });

  it("refuses a workbook of more shared strings than allowed, importing nothing", async () => {
    const before = await recordCounts();
    const response = await importRoute(upload(workbookFile(manySharedStrings(HEADERS, MAX_SHARED_STRINGS + 1)), "commit"));
    expect(await outcome(response)).toEqual({ type: "fileError", key: "tooManySharedStrings", values: { limit: MAX_SHARED_STRINGS } });
    expect(await recordCounts()).toEqual(before);
  });

  it("lists the first 1,000 problems of a CSV of invalid rows with the true count of each kind, and refuses more rows than allowed", async () => {
    const invalidRows = Array.from({ length: 30_000 }, (_, index) => [`BAD-${index}`, "31/02/2020", "سالم", "سرقة", ""]);
    const response = await importRoute(upload(csvFile(Papa.unparse([HEADERS, ...invalidRows])), "commit"));
    const result = resultOf(await outcome(response));
    expect(result.counts).toEqual({ rows: 30_000, new: 0, alreadyPresent: 0, invalid: 30_000, conflicts: 0, replaced: 0, peopleCreated: 0, peopleLinked: 0, reportsLinked: 0 });
    expect(result.errorCount).toBe(60_000);
    expect(result.errorCounts).toEqual({ dateFormat: 30_000, invalidCategory: 30_000 });
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors.at(-1)).toMatchObject({ rowNumber: 2 + MAX_LISTED_ERRORS / 2 - 1 });

    const before = await recordCounts();
    const tooManyRows = `${HEADERS.join(",")}\n${"R,2020-01-01,سالم,قتل,\n".repeat(MAX_ROWS + 1)}`;
    const refused = await importRoute(upload(csvFile(tooManyRows), "commit"));
    expect(await outcome(refused)).toEqual({ type: "fileError", key: "tooManyRows", values: { limit: MAX_ROWS } });
    expect(await recordCounts()).toEqual(before);
  });

  it("refuses a second import by the same user while the first runs, and lets another user import meanwhile", async () => {
    const { db } = database();
    const registrar = actionRequest.session;
    if (!registrar) throw new Error("no session");
    const first = importRoute(upload(workbookFile(lastColumnWorkbook(HEADERS, 2_000)), "dryRun")).then(outcome);
    while ((await db.select().from(importRuns).where(eq(importRuns.userId, registrar.userId))).length === 0) await sleep(10);

    const second = await importRoute(upload(csvFile(`${HEADERS.join(",")}\nR-1,2020-01-01,سالم,قتل,\n`), "dryRun"));
    expect(await outcome(second)).toEqual({ type: "fileError", key: "importRunning", values: {} });

    actionRequest.session = await createStaffSession(db, "admin");
    const other = await importRoute(upload(csvFile(`${HEADERS.join(",")}\nR-1,2020-01-01,سالم,قتل,\n`), "dryRun"));
    expect(resultOf(await outcome(other)).counts.rows).toBe(1);

    expect(resultOf(await first).counts.rows).toBe(2_000);
    actionRequest.session = registrar;
    const afterwards = await importRoute(upload(csvFile(`${HEADERS.join(",")}\nR-1,2020-01-01,سالم,قتل,\n`), "dryRun"));
    expect(resultOf(await outcome(afterwards)).counts.rows).toBe(1);
  });
});

describe("the process that reads an import file", () => {
  const reports = (rows: number) =>
    Papa.unparse([HEADERS, ...Array.from({ length: rows }, (_, index) => [`MEM-${index}`, "2020-01-01", `مبلغ ${index}`, "قتل", "نص البلاغ ".repeat(20)])]);

  it("refuses a file that needs more heap or time than it may use, and this process goes on", async () => {
    const job = { bytes: new TextEncoder().encode(reports(150_000)), kind: "policeReports" as const, mapping: null };
    const outOfMemory = await parseInWorker(job, () => undefined, { heapMb: 64, seconds: 120 }).catch((error: unknown) => error);
    expect(outOfMemory).toBeInstanceOf(ImportFileError);
    expect(outOfMemory).toMatchObject({ key: "tooComplex" });
    const outOfTime = await parseInWorker(job, () => undefined, { heapMb: 768, seconds: 0.5 }).catch((error: unknown) => error);
    expect(outOfTime).toMatchObject({ key: "tooComplex" });
    const small = await parseInWorker({ ...job, bytes: new TextEncoder().encode(reports(10)) }, () => undefined);
    expect("parsed" in small && small.parsed.validRows.length).toBe(10);
  });
});
