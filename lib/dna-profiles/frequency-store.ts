import { asc, desc, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { alleleFrequencies, alleleFrequencyTables } from "@/db/schema";
import { FrequencyTable } from "@/lib/kinship/frequencies";
import type { FrequencyRow } from "@/lib/kinship/csv";

const INSERT_CHUNK = 1_000;

export interface FrequencyTableInfo {
  id: string;
  name: string;
  synthetic: boolean;
  minFrequency: number;
  loadedAt: Date;
  loci: number;
  alleles: number;
}

export interface ActiveFrequencyTable {
  info: FrequencyTableInfo;
  table: FrequencyTable;
}

/** The newest table loaded is the one screening uses; older ones stay for the record. */
export async function loadActiveFrequencyTable(db: Executor): Promise<ActiveFrequencyTable | null> {
  const [header] = await db.select().from(alleleFrequencyTables).orderBy(desc(alleleFrequencyTables.loadedAt), desc(alleleFrequencyTables.id)).limit(1);
  if (!header) return null;
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
  };
  return { info, table: new FrequencyTable(data, header.minFrequency) };
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

export async function saveFrequencyTable(tx: Transaction, table: NewFrequencyTable): Promise<string> {
  const [header] = await tx
    .insert(alleleFrequencyTables)
    .values({ id: table.id, name: table.name, synthetic: table.synthetic, minFrequency: table.minFrequency, loadedBy: table.loadedBy, loadedAt: table.loadedAt })
    .returning({ id: alleleFrequencyTables.id });
  if (!header) throw new Error("allele frequency table was not saved");
  for (let start = 0; start < table.rows.length; start += INSERT_CHUNK) {
    const chunk = table.rows.slice(start, start + INSERT_CHUNK).map((row) => ({ tableId: header.id, locus: row.locus, allele: row.allele, frequency: row.frequency }));
    await tx.insert(alleleFrequencies).values(chunk);
  }
  return header.id;
}
