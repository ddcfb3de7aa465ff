import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { runImport, type ImportEvent } from "@/lib/import/run-import";
import { createRandom } from "@/lib/demo/random";
import { FAMILY_NAMES, MALE_GIVEN_NAMES } from "@/lib/demo/names";
import { timed } from "./timing";

const run = promisify(execFile);

export interface ImportFigures {
  rows: number;
  importMilliseconds: number;
  copyMilliseconds: number;
}

const COPY_COLUMNS = ["station", "report_number", "filed_on", "reporter_name", "reporter_relationship", "category", "narrative"] as const;

/** Invented police reports, one array of COPY_COLUMNS values each; `prefix` keeps the two runs' numbers apart. */
function reportRows(count: number, prefix: string): string[][] {
  const random = createRandom(0x1a4f07);
  return Array.from({ length: count }, (_, index) => [
    "مركز شرطة ترهونة",
    `${prefix}${index}/2020`,
    `20${random.int(19, 22)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    `${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(MALE_GIVEN_NAMES).ar} ${random.pick(FAMILY_NAMES).ar}`,
    "أخ",
    random.chance(0.3) ? "killing" : "disappearance",
    "بلاغ عن فقدان شخص (بيانات اصطناعية للاختبار)",
  ]);
}

const csvLine = (values: readonly string[]) => `${values.map((value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)).join(",")}\n`;

/** The spreadsheet a registrar would upload: the template's headers, one report a row, no persons named. */
function importCsv(rows: string[][]): Uint8Array {
  const fields = IMPORT_FIELDS.policeReports.filter((field) => field.key !== "caseNumbers");
  const order = fields.map((field) => COPY_COLUMNS.indexOf(field.key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) as (typeof COPY_COLUMNS)[number]));
  const header = csvLine(fields.map((field) => `${field.headerAr} / ${field.headerEn}`));
  const body = rows.map((row) => csvLine(order.map((index) => row[index] ?? ""))).join("");
  return new TextEncoder().encode(header + body);
}

/**
 * `rows` police reports through the real import path (parse, check, one audited transaction) and
 * the same number of rows, same content, through `psql \copy` into police_reports.
 */
export async function measureImport(db: Database, databaseUrl: string, rows: number): Promise<ImportFigures> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
  if (!admin) throw new Error("the demo admin account is missing");
  const bytes = importCsv(reportRows(rows, "IMP-"));
  const events: ImportEvent[] = [];
  const imported = await timed(() =>
    runImport(db, { bytes, fileName: "bench-police-reports.csv", kind: "policeReports", mapping: null, mode: "commit", actor: { actorId: admin.id, actorLabel: "bench" } }, (event) => events.push(event)),
  );
  const result = events.find((event) => event.type === "result");
  if (!result || result.type !== "result" || result.counts.new !== rows) {
    throw new Error(`the import did not create ${rows} reports: ${JSON.stringify(events.filter((event) => event.type !== "progress")).slice(0, 1000)}`);
  }
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-bench-copy-"));
  try {
    const file = path.join(directory, "reports.csv");
    await fs.writeFile(file, reportRows(rows, "CPY-").map(csvLine).join(""));
    const copied = await timed(() => run("psql", [databaseUrl, "-v", "ON_ERROR_STOP=1", "-c", `\\copy police_reports (${COPY_COLUMNS.join(", ")}) from '${file}' with (format csv)`]));
    if (!copied.result.stdout.includes(`COPY ${rows}`)) throw new Error(`psql \\copy answered: ${copied.result.stdout}`);
    return { rows, importMilliseconds: imported.milliseconds, copyMilliseconds: copied.milliseconds };
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}
