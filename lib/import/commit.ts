import "server-only";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { selectRows, type Database, type Transaction } from "@/db/client";
import { policeReports, spreadsheetImports } from "@/db/schema";
import { updateVersioned } from "@/lib/actions/versioned-update";
import { appendAuditEntry } from "@/lib/audit/append";
import { buildNameSearch } from "@/lib/names/normalise-arabic";
import { allocateCaseNumbers } from "@/lib/people/sequences";
import { POLICE_REPORT_ENTITY } from "@/lib/reports/report-details";
import { classifyRows, type ClassifiedImport, type Replacement } from "./classify";
import { linkReportsOnFile } from "./commit-links";
import { INSERT_BATCH_ROWS, yieldToEventLoop } from "./limits";
import { chunks } from "./lookups";
import type { ImportProgress, ParsedSheet, ValidRow } from "./parse-file";
import type { ConflictChoice } from "./report-conflicts";
import type { PersonDecision } from "./people-review";
import type { MissingPersonRow, PoliceReportRow } from "./validate-row";
import { runTransaction } from "@/lib/audit/run-transaction";

/** Any fixed number: it names the lock that lets one import at a time decide what is new. */
const IMPORT_LOCK_KEY = 7_310_010;

export interface ImportActor {
  actorId: string;
  actorLabel: string;
  ip?: string;
  userAgent?: string;
}

export interface CommittedImport extends ClassifiedImport {
  importId: string;
  auditHash: string;
}

/**
 * One JSON parameter per batch, unpacked by json_to_recordset: thousands of rows per statement
 * without thousands of bind parameters, which is what keeps 100,000 rows to seconds.
 */
async function insertMissingPersons(tx: Transaction, importId: string, rows: ValidRow[], references: Map<string, string>): Promise<void> {
  // A person without a case number in the file gets the registry's next ones, as the form does.
  const allocated = await allocateCaseNumbers(tx, rows.filter(({ values }) => (values as MissingPersonRow).caseNumber === "").length);
  const records = rows.map(({ values }) => {
    const person = values as MissingPersonRow;
    return {
      case_number: person.caseNumber === "" ? allocated.shift() : person.caseNumber,
      source_reference: person.sourceReference,
      last_seen_on_precision: person.lastSeenOnPrecision,
      source_values: person.sourceValues,
      family_id: person.familyReference === null ? null : (references.get(person.familyReference) ?? null),
      given_name: person.givenName,
      father_name: person.fatherName,
      grandfather_name: person.grandfatherName,
      family_name: person.familyName,
      name_latin: person.nameLatin,
      name_search: buildNameSearch(person),
      sex: person.sex,
      birth_year: person.birthYear,
      last_seen_on: person.lastSeenOn,
      last_seen_place: person.lastSeenPlace,
      circumstances: person.circumstances,
    };
  });
  await tx.execute(sql`
    insert into missing_persons (case_number, source_reference, last_seen_on_precision, source_values, family_id, given_name, father_name, grandfather_name, family_name, name_latin,
      name_search, sex, birth_year, last_seen_on, last_seen_place, circumstances, import_id)
    select case_number, source_reference, last_seen_on_precision, coalesce(source_values, '{}'::jsonb), family_id, given_name, father_name, grandfather_name, family_name, name_latin,
      name_search, sex::sex, birth_year, last_seen_on, last_seen_place, circumstances, ${importId}::uuid
    from json_to_recordset(${JSON.stringify(records)}::json) as r(case_number text, source_reference text, last_seen_on_precision text, source_values jsonb, family_id uuid, given_name text,
      father_name text, grandfather_name text, family_name text, name_latin text, name_search text, sex text,
      birth_year int, last_seen_on date, last_seen_place text, circumstances text)`);
}

/**
 * The people the new reports name who are not on file: each created once with the registry's next
 * case number, the name as the register wrote it kept, and the import's id. Their ids join the
 * references, under their name keys, for the reports' links.
 */
async function insertNamedPeople(tx: Transaction, importId: string, people: ReadonlyMap<string, PersonDecision>, references: Map<string, string>): Promise<void> {
  const created = [...people].flatMap(([key, decision]) => (decision.action === "create" ? [{ key, person: decision.person }] : []));
  if (created.length === 0) return;
  const caseNumbers = await allocateCaseNumbers(tx, created.length);
  const records = created.map(({ person }, index) => ({
    case_number: caseNumbers[index],
    given_name: person.givenName,
    father_name: person.fatherName,
    grandfather_name: person.grandfatherName,
    family_name: person.familyName,
    name_search: buildNameSearch({ ...person, nameLatin: "" }),
    source_values: person.title === "" ? { fullName: person.fullName } : { fullName: person.fullName, title: person.title },
  }));
  const inserted = await selectRows<{ id: string; case_number: string }>(
    tx,
    sql`insert into missing_persons (case_number, given_name, father_name, grandfather_name, family_name, name_search, source_values, import_id)
        select case_number, given_name, father_name, grandfather_name, family_name, name_search, source_values, ${importId}::uuid
        from json_to_recordset(${JSON.stringify(records)}::json) as r(case_number text, given_name text, father_name text, grandfather_name text,
          family_name text, name_search text, source_values jsonb)
        returning id, case_number`,
  );
  const idOf = new Map(inserted.map((person) => [person.case_number, person.id]));
  created.forEach(({ key }, index) => {
    const id = idOf.get(caseNumbers[index] ?? "");
    if (!id) throw new Error(`named person ${key} was not inserted`);
    references.set(key, id);
  });
}

const insertReports = (importId: string, records: object[]) => sql`
  insert into police_reports (station, report_number, filed_on, reporter_name, reporter_relationship, category, narrative, source_reference,
    filed_on_precision, source_values, import_id)
  select station, report_number, filed_on, reporter_name, reporter_relationship, category::police_report_category, narrative, source_reference,
    filed_on_precision, coalesce(source_values, '{}'::jsonb), ${importId}::uuid
  from json_to_recordset(${JSON.stringify(records)}::json) as r(station text, report_number text, filed_on date,
    reporter_name text, reporter_relationship text, category text, narrative text, source_reference text, filed_on_precision text, source_values jsonb)`;

async function insertPoliceReports(tx: Transaction, importId: string, rows: ValidRow[], references: Map<string, string>): Promise<void> {
  const reports = rows.map(({ values }) => values as PoliceReportRow);
  const records = reports.map((report) => ({
    station: report.station,
    report_number: report.reportNumber,
    filed_on: report.filedOn,
    reporter_name: report.reporterName,
    reporter_relationship: report.reporterRelationship,
    category: report.category,
    narrative: report.narrative,
    source_reference: report.sourceReference,
    filed_on_precision: report.filedOnPrecision,
    source_values: report.sourceValues,
  }));
  // Most registers name no person: then the new ids are not needed and not sent back.
  if (!reports.some((report) => report.caseNumbers.length > 0 || report.namedPeople.length > 0)) {
    await tx.execute(insertReports(importId, records));
    return;
  }
  const inserted = await selectRows<{ id: string; station: string; report_number: string }>(
    tx,
    sql`${insertReports(importId, records)} returning id, station, report_number`,
  );
  const idOf = new Map(inserted.map((report) => [`${report.station}\u0000${report.report_number}`, report.id]));
  const links = reports.flatMap((report) => {
    const reportId = idOf.get(`${report.station}\u0000${report.reportNumber}`);
    if (!reportId) throw new Error(`imported report ${report.reportNumber} was not inserted`);
    // Case numbers resolve to people on file; names to the people just created or the ones the user chose.
    const personIds = new Set([...report.caseNumbers, ...report.namedPeople.map((person) => person.key)].map((key) => references.get(key)));
    return [...personIds].flatMap((missingPersonId) => (missingPersonId ? [{ report_id: reportId, missing_person_id: missingPersonId }] : []));
  });
  if (links.length === 0) return;
  await tx.execute(sql`
    insert into police_report_persons (report_id, missing_person_id)
    select report_id, missing_person_id from json_to_recordset(${JSON.stringify(links)}::json) as r(report_id uuid, missing_person_id uuid)`);
}

/**
 * The reports on file that the user chose to correct with the file's version: each a versioned
 * update with its own audit entry naming the import, as a correction through the form would be.
 */
async function replaceReports(tx: Transaction, importId: string, replacements: Replacement[], actor: ImportActor): Promise<void> {
  for (const { row, existingId, version } of replacements) {
    const report = row.values as PoliceReportRow;
    const [before] = await tx.select().from(policeReports).where(sql`${policeReports.id} = ${existingId}`);
    const values = { filedOn: report.filedOn, reporterName: report.reporterName, reporterRelationship: report.reporterRelationship, category: report.category, narrative: report.narrative };
    const after = await updateVersioned(tx, policeReports, POLICE_REPORT_ENTITY, { id: existingId, version }, values);
    await appendAuditEntry(tx, { ...actor, action: "policeReport.update", entity: POLICE_REPORT_ENTITY, entityId: existingId, before, after: { ...after, importId, reporterNameSearch: undefined } });
  }
}

/**
 * Imports every new row in one transaction with one audit entry (file hash and counts) — or
 * nothing, whatever happens on the way. Each created record carries the import's id.
 */
export async function commitImport(
  db: Database,
  parsed: ParsedSheet,
  actor: ImportActor,
  fileName: string,
  onProgress: (progress: ImportProgress) => void = () => {},
  choices: Readonly<Record<string, ConflictChoice>> = {},
): Promise<CommittedImport> {
  const importId = randomUUID();
  return runTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
    onProgress({ phase: "check" });
    await yieldToEventLoop();
    const classified = await classifyRows(tx, parsed, choices);
    const total = classified.newRows.length;
    await insertNamedPeople(tx, importId, classified.newPeople, classified.references);
    let saved = 0;
    for (const batch of chunks(classified.newRows, INSERT_BATCH_ROWS)) {
      if (parsed.kind === "policeReports") await insertPoliceReports(tx, importId, batch, classified.references);
      else await insertMissingPersons(tx, importId, batch, classified.references);
      saved += batch.length;
      onProgress({ phase: "save", saved, total });
      await yieldToEventLoop();
    }
    await replaceReports(tx, importId, classified.replacements, actor);
    await linkReportsOnFile(tx, importId, classified.linksOnFile, classified.references, actor);
    await tx.insert(spreadsheetImports).values({ id: importId, kind: parsed.kind, fileName, sha256: parsed.sha256, createdBy: actor.actorId, createdCount: total + classified.counts.peopleCreated });
    const { hash } = await appendAuditEntry(tx, {
      ...actor,
      action: parsed.kind === "policeReports" ? "import.policeReports" : "import.missingPersons",
      entity: "import",
      entityId: importId,
      after: {
        fileName,
        sha256: parsed.sha256,
        format: parsed.format,
        encoding: parsed.encoding,
        columns: parsed.headers.map((header, index) => ({ header, field: parsed.mapping[index] })),
        ...classified.counts,
      },
    });
    return { ...classified, importId, auditHash: hash };
  });
}
