import "server-only";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { dnaSamples, strProfileHistory, strProfiles } from "@/db/schema";
import { ActionRefusal } from "@/lib/actions/result";
import { compareAlleles } from "@/lib/kinship/alleles";
import type { ProfileRow, RowError } from "@/lib/kinship/csv";
import { defineRead } from "@/lib/auth/read-access";

const CHUNK = 500;

/** Calls by sample barcode and locus, written "12/13": how the audit entry names them. */
export type CallsBySample = Record<string, Record<string, string>>;

export interface ProfileImportOutcome {
  samples: number;
  loci: number;
  /** Rows that repeat a call already stored: nothing is written for them. */
  unchanged: number;
  retyped: number;
  /** The earlier call of every locus the file re-typed. */
  before: CallsBySample;
  /** Every call the file added or changed. */
  after: CallsBySample;
  errors: RowError[];
}

export interface Retyping {
  reason: string;
  userId: string;
}

type StoredCall = typeof strProfiles.$inferSelect;

async function liveSamples(tx: Transaction, barcodes: readonly string[]): Promise<Map<string, string>> {
  const samples = new Map<string, string>();
  for (let start = 0; start < barcodes.length; start += CHUNK) {
    const found = await tx
      .select({ id: dnaSamples.id, barcode: dnaSamples.barcode })
      .from(dnaSamples)
      // A sealed sample (consent withdrawn) takes no new calls, like a voided one.
      .where(and(inArray(dnaSamples.barcode, barcodes.slice(start, start + CHUNK)), isNull(dnaSamples.voidedAt), isNull(dnaSamples.consentWithdrawnOn)));
    for (const sample of found) samples.set(sample.barcode, sample.id);
  }
  return samples;
}

async function storedCalls(tx: Transaction, sampleIds: readonly string[]): Promise<Map<string, StoredCall>> {
  const calls = new Map<string, StoredCall>();
  for (let start = 0; start < sampleIds.length; start += CHUNK) {
    const rows = await tx.select().from(strProfiles).where(inArray(strProfiles.sampleId, sampleIds.slice(start, start + CHUNK))).for("update");
    for (const row of rows) calls.set(`${row.sampleId}|${row.locus}`, row);
  }
  return calls;
}

/** "9.3/10": the two alleles in numeric order, however the file or the store ordered them. */
const callOf = (row: { allele1: string; allele2: string }): string => [row.allele1, row.allele2].sort(compareAlleles).join("/");

const put = (calls: CallsBySample, barcode: string, locus: string, call: string) => ((calls[barcode] ??= {})[locus] = call);

/**
 * Stores the laboratory's rows. A row whose barcode names no live sample is reported and skipped; a
 * call that repeats the stored one is a no-op; a new locus is added. A call that differs from the
 * stored one is a re-typing: refused unless the import is declared one, and then the earlier call
 * is kept in str_profile_history with the reason before the new one replaces it.
 */
export async function storeProfileRows(tx: Transaction, rows: readonly ProfileRow[], retyping: Retyping | null): Promise<ProfileImportOutcome> {
  const samples = await liveSamples(tx, [...new Set(rows.map((row) => row.barcode))]);
  const stored = await storedCalls(tx, [...new Set(samples.values())]);
  const outcome: ProfileImportOutcome = { samples: 0, loci: 0, unchanged: 0, retyped: 0, before: {}, after: {}, errors: [] };
  const additions: (typeof strProfiles.$inferInsert)[] = [];
  const replacements: { previous: StoredCall; allele1: string; allele2: string }[] = [];
  for (const row of rows) {
    const sampleId = samples.get(row.barcode);
    if (!sampleId) {
      outcome.errors.push({ line: row.line, code: "unknownBarcode", value: row.barcode });
      continue;
    }
    const previous = stored.get(`${sampleId}|${row.locus}`);
    const call = { allele1: row.genotype[0], allele2: row.genotype[1] };
    if (previous && callOf(previous) === callOf(call)) {
      outcome.unchanged += 1;
      continue;
    }
    if (previous) {
      replacements.push({ previous, ...call });
      put(outcome.before, row.barcode, row.locus, callOf(previous));
    } else additions.push({ sampleId, locus: row.locus, ...call });
    put(outcome.after, row.barcode, row.locus, callOf(call));
  }
  if (replacements.length > 0 && !retyping) {
    throw new ActionRefusal("invalid", "Kinship.retypingRefused", { retyping: "Kinship.retypingRequired" });
  }
  for (let start = 0; start < additions.length; start += CHUNK) await tx.insert(strProfiles).values(additions.slice(start, start + CHUNK));
  if (retyping) await replaceCalls(tx, replacements, retyping);
  outcome.retyped = replacements.length;
  outcome.loci = additions.length + replacements.length;
  outcome.samples = Object.keys(outcome.after).length;
  return outcome;
}

async function replaceCalls(tx: Transaction, replacements: readonly { previous: StoredCall; allele1: string; allele2: string }[], retyping: Retyping): Promise<void> {
  for (let start = 0; start < replacements.length; start += CHUNK) {
    const history = replacements.slice(start, start + CHUNK).map(({ previous }) => ({
      sampleId: previous.sampleId,
      locus: previous.locus,
      allele1: previous.allele1,
      allele2: previous.allele2,
      version: previous.version,
      typedAt: previous.updatedAt,
      replacedBy: retyping.userId,
      reason: retyping.reason,
    }));
    if (history.length > 0) await tx.insert(strProfileHistory).values(history);
  }
  for (const { previous, allele1, allele2 } of replacements) {
    await tx
      .update(strProfiles)
      .set({ allele1, allele2, version: sql`${strProfiles.version} + 1`, updatedAt: sql`now()` })
      .where(eq(strProfiles.id, previous.id));
  }
}

/** How many bodies and references have a profile, for the screening page. */
async function countProfilesQuery(db: Executor): Promise<{ remains: number; reference: number }> {
  const rows = await db
    .select({ kind: dnaSamples.kind, samples: count(sql`distinct ${strProfiles.sampleId}`) })
    .from(strProfiles)
    .innerJoin(dnaSamples, eq(dnaSamples.id, strProfiles.sampleId))
    .where(isNull(dnaSamples.voidedAt))
    .groupBy(dnaSamples.kind);
  const of = (kind: "remains" | "reference") => rows.find((row) => row.kind === kind)?.samples ?? 0;
  return { remains: of("remains"), reference: of("reference") };
}

export const countProfiles = defineRead("dnaProfiles.use", countProfilesQuery);
