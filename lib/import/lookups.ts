import "server-only";
import { and, eq, isNull, sql, type SQLWrapper } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { families, missingPersons, policeReportPersons, policeReports } from "@/db/schema";

/** Keys per lookup statement: one JSON parameter each, so the size is a matter of memory only. */
const LOOKUP_CHUNK = 20_000;

/** The keys as one JSON text parameter, unpacked by the server: one bind parameter, not thousands. */
const keyList = (keys: readonly string[]) => sql`select json_array_elements_text(${JSON.stringify(keys)}::json)`;

/**
 * `= any(array(...))` probes an index once per key; an expression without an index (upper(...))
 * would be compared with every key in turn, so there `in (...)` lets the planner hash the keys.
 */
const inIndexedKeys = (column: SQLWrapper, keys: readonly string[]) => sql`${column} = any(array(${keyList(keys)}))`;
const inKeys = (expression: SQLWrapper, keys: readonly string[]) => sql`${expression} in (${keyList(keys)})`;
const inIndexedIds = (column: SQLWrapper, ids: readonly string[]) => sql`${column} = any(array(select value::uuid from json_array_elements_text(${JSON.stringify(ids)}::json)))`;

function chunks<Item>(items: readonly Item[], size: number): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

async function collect<Item, Row>(items: readonly Item[], query: (chunk: Item[]) => Promise<Row[]>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const chunk of chunks([...new Set(items)], LOOKUP_CHUNK)) rows.push(...(await query(chunk)));
  return rows;
}

/** The live reports already on file under the keys named (report_key, migration 0018), by key. */
export async function existingReports(db: Executor, keys: readonly string[]) {
  const rows = await collect(keys, (chunk) =>
    db
      .select({
        id: policeReports.id,
        version: policeReports.version,
        key: policeReports.reportKey,
        filedOn: policeReports.filedOn,
        reporterName: policeReports.reporterName,
        reporterRelationship: policeReports.reporterRelationship,
        category: policeReports.category,
        narrative: policeReports.narrative,
      })
      .from(policeReports)
      .where(and(inIndexedKeys(policeReports.reportKey, chunk), isNull(policeReports.voidedAt))),
  );
  return new Map(rows.map((row) => [row.key, row]));
}

/** Case numbers and family references are compared in capitals, as the forms store them. */
const upperCaseNumber = sql<string>`upper(${missingPersons.caseNumber})`;
const upperReference = sql<string>`upper(${families.reference})`;

export async function existingCaseNumbers(db: Executor, caseNumbers: readonly string[]): Promise<Set<string>> {
  const rows = await collect(caseNumbers, (chunk) =>
    db.select({ caseNumber: upperCaseNumber }).from(missingPersons).where(inKeys(upperCaseNumber, chunk)),
  );
  return new Set(rows.map((row) => row.caseNumber));
}

/** Case number → the id a report should name: a merged record's reports go to the person it became. */
export async function resolveCaseNumbers(db: Executor, caseNumbers: readonly string[]): Promise<Map<string, string>> {
  const rows = await collect(caseNumbers, (chunk) =>
    db
      .select({ id: missingPersons.id, caseNumber: upperCaseNumber, mergedIntoId: missingPersons.mergedIntoId })
      .from(missingPersons)
      .where(and(inKeys(upperCaseNumber, chunk), isNull(missingPersons.voidedAt))),
  );
  return new Map(rows.map((row) => [row.caseNumber, row.mergedIntoId ?? row.id]));
}

export async function resolveFamilyReferences(db: Executor, references: readonly string[]): Promise<Map<string, string>> {
  const rows = await collect(references, (chunk) =>
    db.select({ id: families.id, reference: upperReference }).from(families).where(and(inKeys(upperReference, chunk), isNull(families.voidedAt))),
  );
  return new Map(rows.map((row) => [row.reference, row.id]));
}

export { chunks };

/** A person a report on file is linked to, with the name parts an incoming names cell is compared with. */
export interface LinkedPerson {
  id: string;
  givenName: string;
  fatherName: string;
  grandfatherName: string;
  familyName: string;
}

/** The people each report on file is linked to, by report id (every report named has an entry). */
export async function linkedPeopleOfReports(db: Executor, reportIds: readonly string[]): Promise<Map<string, LinkedPerson[]>> {
  const rows = await collect(reportIds, (chunk) =>
    db
      .select({
        reportId: policeReportPersons.reportId,
        id: missingPersons.id,
        givenName: missingPersons.givenName,
        fatherName: missingPersons.fatherName,
        grandfatherName: missingPersons.grandfatherName,
        familyName: missingPersons.familyName,
      })
      .from(policeReportPersons)
      .innerJoin(missingPersons, eq(missingPersons.id, policeReportPersons.missingPersonId))
      .where(inIndexedIds(policeReportPersons.reportId, chunk)),
  );
  const linked = new Map<string, LinkedPerson[]>(reportIds.map((id) => [id, []]));
  for (const { reportId, ...person } of rows) linked.get(reportId)?.push(person);
  return linked;
}
