import "server-only";
import { and, asc, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { alleleFrequencies, alleleFrequencyTables, users } from "@/db/schema";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import type { FrequencyRow } from "@/lib/kinship/csv";
import { frequencyTableSha256 } from "@/lib/kinship/frequency-digest";
import { defineRead } from "@/lib/auth/read-access";

const INSERT_CHUNK = 1_000;

export interface FrequencyTableInfo {
  id: string;
  name: string;
  synthetic: boolean;
  minFrequency: number;
  loadedAt: Date;
  loci: number;
  alleles: number;
  sha256: string;
}

export interface ActiveFrequencyTable {
  info: FrequencyTableInfo;
  table: FrequencyTable;
}

type TableHeader = typeof alleleFrequencyTables.$inferSelect;

async function readTable(db: Executor, header: TableHeader): Promise<ActiveFrequencyTable> {
  const rows = await db
    .select({ locus: alleleFrequencies.locus, allele: alleleFrequencies.allele, frequency: alleleFrequencies.frequency })
    .from(alleleFrequencies)
    .where(eq(alleleFrequencies.tableId, header.id))
    .orderBy(asc(alleleFrequencies.locus), asc(alleleFrequencies.allele));
  const data: Record<string, Record<string, number>> = {};
  for (const row of rows) (data[row.locus] ??= {})[row.allele] = row.frequency;
  const info = {
    id: header.id,
    name: header.name,
    synthetic: header.synthetic,
    minFrequency: header.minFrequency,
    loadedAt: header.loadedAt,
    loci: Object.keys(data).length,
    alleles: rows.length,
    // Tables loaded before the fingerprint was kept get it from their rows, which never change.
    sha256: header.sha256 ?? frequencyTableSha256(rows),
  };
  return { info, table: new FrequencyTable(data, header.minFrequency) };
}

/** The table approved last is the one screening uses; older ones stay for the record. */
export async function loadActiveFrequencyTable(db: Executor): Promise<ActiveFrequencyTable | null> {
  const [header] = await db
    .select()
    .from(alleleFrequencyTables)
    .where(isNotNull(alleleFrequencyTables.approvedAt))
    .orderBy(desc(alleleFrequencyTables.approvedAt), desc(alleleFrequencyTables.loadedAt), desc(alleleFrequencyTables.id))
    .limit(1);
  return header ? readTable(db, header) : null;
}

/** Any table, approved or not, by its id: the dossier names the one behind an identification's ratio. */
export async function loadFrequencyTableInfo(db: Executor, tableId: string): Promise<FrequencyTableInfo | null> {
  const [header] = await db.select().from(alleleFrequencyTables).where(eq(alleleFrequencyTables.id, tableId));
  return header ? (await readTable(db, header)).info : null;
}

export interface PendingFrequencyTable {
  id: string;
  name: string;
  minFrequency: number;
  loadedBy: string | null;
  loadedByName: string | null;
  loadedAt: Date;
  sha256: string | null;
}

/** Tables loaded but not yet approved by a second forensic user, oldest first. */
async function listPendingFrequencyTablesQuery(db: Executor): Promise<PendingFrequencyTable[]> {
  return db
    .select({
      id: alleleFrequencyTables.id,
      name: alleleFrequencyTables.name,
      minFrequency: alleleFrequencyTables.minFrequency,
      loadedBy: alleleFrequencyTables.loadedBy,
      loadedByName: users.displayName,
      loadedAt: alleleFrequencyTables.loadedAt,
      sha256: alleleFrequencyTables.sha256,
    })
    .from(alleleFrequencyTables)
    .leftJoin(users, eq(users.id, alleleFrequencyTables.loadedBy))
    .where(isNull(alleleFrequencyTables.approvedAt))
    .orderBy(asc(alleleFrequencyTables.loadedAt));
}

export interface NewFrequencyTable {
  id?: string;
  name: string;
  synthetic: boolean;
  minFrequency: number;
  loadedBy: string | null;
  loadedAt?: Date;
  rows: readonly Pick<FrequencyRow, "locus" | "allele" | "frequency">[];
}

/** Saves a table as pending: it takes effect only through approveFrequencyTable. */
export async function saveFrequencyTable(tx: Transaction, table: NewFrequencyTable): Promise<{ id: string; sha256: string }> {
  const sha256 = frequencyTableSha256(table.rows);
  const [header] = await tx
    .insert(alleleFrequencyTables)
    .values({ id: table.id, name: table.name, synthetic: table.synthetic, minFrequency: table.minFrequency, loadedBy: table.loadedBy, loadedAt: table.loadedAt, sha256 })
    .returning({ id: alleleFrequencyTables.id });
  if (!header) throw new Error("allele frequency table was not saved");
  for (let start = 0; start < table.rows.length; start += INSERT_CHUNK) {
    const chunk = table.rows.slice(start, start + INSERT_CHUNK).map((row) => ({ tableId: header.id, locus: row.locus, allele: row.allele, frequency: row.frequency }));
    await tx.insert(alleleFrequencies).values(chunk);
  }
  return { id: header.id, sha256 };
}

export type ApprovalOutcome = { status: "approved"; table: TableHeader } | { status: "notFound" | "alreadyApproved" | "ownTable" };

/** Four eyes: a pending table becomes the active one when a user other than its loader approves it. */
export async function approveFrequencyTable(tx: Transaction, tableId: string, approverId: string): Promise<ApprovalOutcome> {
  const [header] = await tx.select().from(alleleFrequencyTables).where(eq(alleleFrequencyTables.id, tableId)).for("update");
  if (!header) return { status: "notFound" };
  if (header.approvedAt) return { status: "alreadyApproved" };
  if (header.loadedBy === approverId) return { status: "ownTable" };
  const [approved] = await tx
    .update(alleleFrequencyTables)
    .set({ approvedBy: approverId, approvedAt: new Date() })
    .where(and(eq(alleleFrequencyTables.id, tableId), isNull(alleleFrequencyTables.approvedAt)))
    .returning();
  return approved ? { status: "approved", table: approved } : { status: "alreadyApproved" };
}

export const listPendingFrequencyTables = defineRead("alleleFrequencies.manage", listPendingFrequencyTablesQuery);

/** The kinship pages' view of the active table; actions and the screen read it through loadActiveFrequencyTable once authorised. */
export const readActiveFrequencyTable = defineRead("dnaProfiles.use", loadActiveFrequencyTable);
