import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { dnaSamples, strProfiles } from "@/db/schema";
import type { ProfileRow, RowError } from "@/lib/kinship/csv";

const CHUNK = 500;

export interface ProfileImportOutcome {
  samples: number;
  loci: number;
  errors: RowError[];
}

/**
 * Stores the laboratory's rows: a row whose barcode names no live sample is reported and skipped;
 * a locus typed again replaces the earlier call and moves its version on.
 */
export async function storeProfileRows(tx: Transaction, rows: readonly ProfileRow[]): Promise<ProfileImportOutcome> {
  const barcodes = [...new Set(rows.map((row) => row.barcode))];
  const samples = new Map<string, string>();
  for (let start = 0; start < barcodes.length; start += CHUNK) {
    const found = await tx
      .select({ id: dnaSamples.id, barcode: dnaSamples.barcode })
      .from(dnaSamples)
      .where(and(inArray(dnaSamples.barcode, barcodes.slice(start, start + CHUNK)), isNull(dnaSamples.voidedAt)));
    for (const sample of found) samples.set(sample.barcode, sample.id);
  }
  const errors: RowError[] = [];
  const values: (typeof strProfiles.$inferInsert)[] = [];
  for (const row of rows) {
    const sampleId = samples.get(row.barcode);
    if (!sampleId) errors.push({ line: row.line, code: "unknownBarcode", value: row.barcode });
    else values.push({ sampleId, locus: row.locus, allele1: row.genotype[0], allele2: row.genotype[1] });
  }
  for (let start = 0; start < values.length; start += CHUNK) {
    await tx
      .insert(strProfiles)
      .values(values.slice(start, start + CHUNK))
      .onConflictDoUpdate({
        target: [strProfiles.sampleId, strProfiles.locus],
        set: {
          allele1: sql`excluded.allele_1`,
          allele2: sql`excluded.allele_2`,
          version: sql`${strProfiles.version} + 1`,
          updatedAt: sql`now()`,
        },
      });
  }
  return { samples: new Set(values.map((value) => value.sampleId)).size, loci: values.length, errors };
}

/** How many bodies and references have a profile, for the screening page. */
export async function countProfiles(db: Executor): Promise<{ remains: number; reference: number }> {
  const rows = await db
    .select({ kind: dnaSamples.kind, samples: count(sql`distinct ${strProfiles.sampleId}`) })
    .from(strProfiles)
    .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
    .where(isNull(dnaSamples.voidedAt))
    .groupBy(dnaSamples.kind);
  const of = (kind: "remains" | "reference") => rows.find((row) => row.kind === kind)?.samples ?? 0;
  return { remains: of("remains"), reference: of("reference") };
}
