import { sql, type SQL } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";

/** The digest query of each database, built once: its tables are all there before the first test (migrations). */
const digestQueries = new WeakMap<Executor, SQL>();

async function digestQueryFor(db: Executor): Promise<SQL> {
  const known = digestQueries.get(db);
  if (known) return known;
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log'
        order by table_name`,
  );
  // One statement for every table instead of one per table: the authorisation matrix takes two
  // snapshots per call, and a round trip per table made that most of its time.
  const query = sql.join(
    tables.map(({ name }) => sql`select ${name} as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`),
    sql` union all `,
  );
  digestQueries.set(db, query);
  return query;
}

/**
 * A digest of every row of every table except the audit log, so a test can say "nothing changed"
 * without knowing which tables an action might touch (later issues add tables and actions).
 */
export async function snapshotTablesExceptAuditLog(db: Executor): Promise<Record<string, string>> {
  const rows = await selectRows<{ name: string; digest: string }>(db, await digestQueryFor(db));
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
