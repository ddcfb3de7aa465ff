import "server-only";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { importValueMappings } from "@/db/schema";
import type { ReadOptions } from "./read-options";

type ValueMappings = NonNullable<ReadOptions["valueMappings"]>;

/** The register words users mapped in earlier imports, offered again (the user's new choice wins). */
export async function withRememberedValues(db: Executor, options: ReadOptions): Promise<ReadOptions> {
  const rows = await db.select().from(importValueMappings);
  const remembered: Record<string, Record<string, string>> = {};
  for (const row of rows) remembered[row.field] = { ...remembered[row.field], [row.sourceValue]: row.targetValue };
  const chosen = options.valueMappings ?? {};
  const merged = Object.fromEntries(
    [...new Set([...Object.keys(remembered), ...Object.keys(chosen)])].map((field) => [field, { ...remembered[field], ...(chosen as Record<string, Record<string, string>>)[field] }]),
  );
  return { ...options, valueMappings: merged as ValueMappings };
}

/** Keeps the mappings the user chose in this import for the next one: the latest choice wins. */
export async function rememberValues(db: Database | Executor, chosen: ValueMappings | undefined, userId: string): Promise<void> {
  const rows = Object.entries(chosen ?? {}).flatMap(([field, values]) => Object.entries(values ?? {}).map(([sourceValue, targetValue]) => ({ field, sourceValue, targetValue, updatedBy: userId })));
  if (rows.length === 0) return;
  await db
    .insert(importValueMappings)
    .values(rows)
    .onConflictDoUpdate({
      target: [importValueMappings.field, importValueMappings.sourceValue],
      set: { targetValue: sql`excluded.target_value`, updatedBy: sql`excluded.updated_by`, updatedAt: sql`now()` },
    });
}
