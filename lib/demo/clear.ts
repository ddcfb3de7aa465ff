import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Transaction } from "@/db/client";

/**
 * Empties every table of the public schema inside the seed's transaction, so a reset and the new
 * demo data commit together or not at all. audit_log and custody_events refuse TRUNCATE by
 * trigger; the triggers are switched off for this one statement and on again before anything else
 * runs, and the whole step is only reached once the caller has established that the database
 * holds demonstration data alone.
 */
export async function clearDemoData(tx: Transaction): Promise<void> {
  const tables = await selectRows<{ tablename: string }>(
    tx,
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  );
  const names = tables.map((table) => sql.identifier(table.tablename));
  if (names.length === 0) return;
  for (const name of names) await tx.execute(sql`alter table ${name} disable trigger user`);
  await tx.execute(sql`truncate table ${sql.join(names, sql`, `)} restart identity cascade`);
  for (const name of names) await tx.execute(sql`alter table ${name} enable trigger user`);
}
