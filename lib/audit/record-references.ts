import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { dnaSamples, families, graveSites, identifications, missingPersons, policeReports, referenceDonors, remains, users } from "@/db/schema";
import type { StaffSession } from "@/lib/auth/current-session";
import { can, type Permission } from "@/lib/auth/permissions";
import { fullArabicName } from "@/components/people/person-name";

/** A record or a person an audit entry names by id, as staff know it: a code or a name, and its page. */
export interface RecordReference {
  /** A case number, code, reference, barcode or username: written left to right. */
  code: string | null;
  /** A person's name, in the record's own script. */
  name: string | null;
  /** The record's staff page (without the language prefix), or null when it has none. */
  href: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** Deep enough for a list's elements and a merge's two snapshots; an entry nests no further. */
const REFERENCE_DEPTH = 4;

/**
 * Every id an entry names: its record, and the values of its before and after that are ids, also
 * inside lists and nested objects (a relationship's person, an effect's body), which the viewer names.
 */
export function referencedIds(entries: readonly { entityId: string | null; before: unknown; after: unknown }[]): string[] {
  const ids = new Set<string>();
  const collect = (value: unknown, depth: number) => {
    if (isRecordId(value)) ids.add(value.toLowerCase());
    else if (depth >= REFERENCE_DEPTH) return;
    else if (Array.isArray(value)) value.forEach((inner) => collect(inner, depth + 1));
    else if (typeof value === "object" && value !== null) Object.values(value).forEach((inner) => collect(inner, depth + 1));
  };
  for (const entry of entries) {
    collect(entry.entityId, 0);
    collect(entry.before, 0);
    collect(entry.after, 0);
  }
  return [...ids];
}

/** permission null: any signed-in staff (colleagues' names are on every record page). */
type Lookup = { permission: Permission | null; find: (db: Executor, ids: string[]) => Promise<[string, RecordReference][]> };

/**
 * Where an id is looked up, each table under the permission that lets a role read it: a reader
 * sees only the names and codes their role could open anyway; other ids stay as they are.
 */
const LOOKUPS: Lookup[] = [
  {
    permission: null,
    find: async (db, ids) =>
      (await db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).where(inArray(users.id, ids))).map((row) => [
        row.id,
        { code: row.username, name: row.displayName, href: `/staff/users/${row.id}` },
      ]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (await db.select().from(missingPersons).where(inArray(missingPersons.id, ids))).map((row) => [
        row.id,
        { code: row.caseNumber, name: fullArabicName(row), href: `/staff/persons/${row.id}` },
      ]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (await db.select({ id: families.id, reference: families.reference }).from(families).where(inArray(families.id, ids))).map((row) => [
        row.id,
        { code: row.reference, name: null, href: `/staff/families/${row.id}` },
      ]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (await db.select().from(referenceDonors).where(inArray(referenceDonors.id, ids))).map((row) => [row.id, { code: null, name: fullArabicName(row), href: `/staff/donors/${row.id}` }]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (await db.select({ id: dnaSamples.id, barcode: dnaSamples.barcode }).from(dnaSamples).where(inArray(dnaSamples.id, ids))).map((row) => [
        row.id,
        { code: row.barcode, name: null, href: `/staff/samples/${row.id}` },
      ]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (await db.select({ id: policeReports.id, reportNumber: policeReports.reportNumber }).from(policeReports).where(inArray(policeReports.id, ids))).map((row) => [
        row.id,
        { code: row.reportNumber, name: null, href: `/staff/reports/${row.id}` },
      ]),
  },
  {
    permission: "forensic.read",
    find: async (db, ids) =>
      (await db.select({ id: remains.id, code: remains.code }).from(remains).where(inArray(remains.id, ids))).map((row) => [row.id, { code: row.code, name: null, href: `/staff/remains/${row.id}` }]),
  },
  {
    permission: "forensic.read",
    find: async (db, ids) =>
      (await db.select({ id: graveSites.id, code: graveSites.code }).from(graveSites).where(inArray(graveSites.id, ids))).map((row) => [
        row.id,
        { code: row.code, name: null, href: `/staff/sites/${row.id}` },
      ]),
  },
  {
    permission: "people.read",
    find: async (db, ids) =>
      (
        await db
          .select({ id: identifications.id, code: remains.code, caseNumber: missingPersons.caseNumber })
          .from(identifications)
          .innerJoin(remains, eq(remains.id, identifications.remainsId))
          .innerJoin(missingPersons, eq(missingPersons.id, identifications.missingPersonId))
          .where(inArray(identifications.id, ids))
      ).map((row) => [row.id, { code: `${row.code} ↔ ${row.caseNumber}`, name: null, href: `/staff/identifications/${row.id}` }]),
  },
];

/** "TRH-MP-00018 · أحمد محمد …", as a spreadsheet cell writes a reference. */
export function referenceText(reference: RecordReference): string {
  return [reference.code, reference.name].filter((part) => part !== null && part !== "").join(" · ");
}

/** The records and people these ids stand for, as far as the session's role may read them. */
export async function resolveRecordReferences(session: StaffSession, db: Executor, ids: readonly string[]): Promise<Map<string, RecordReference>> {
  const valid = ids.filter(isRecordId);
  if (valid.length === 0) return new Map();
  const lookups = LOOKUPS.filter((lookup) => lookup.permission === null || can(session.role, lookup.permission));
  const found = await Promise.all(lookups.map((lookup) => lookup.find(db, valid)));
  return new Map(found.flat().map(([id, reference]) => [id.toLowerCase(), reference]));
}
