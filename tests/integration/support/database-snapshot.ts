import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";

/**
 * A digest of every row of every table except the audit log, so a test can say "nothing changed"
 * without knowing which tables an action might touch (later issues add tables and actions).
 */
export async function snapshotTablesExceptAuditLog(db: Executor): Promise<Record<string, string>> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'audit_log'
        order by table_name`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await selectRows<{ digest: string }>(
      db,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    snapshot[name] = row?.digest ?? "";
  }
  return snapshot;
}
