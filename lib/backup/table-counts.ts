import "server-only";
import { sql } from "drizzle-orm";
import { selectRows, type Executor } from "@/db/client";

/**
 * Rows per table of the application's schema: printed by backup and restore so that whoever runs
 * them can see, table by table, that nothing was lost on the way.
 */
export async function countRowsPerTable(db: Executor): Promise<Record<string, number>> {
  const tables = await selectRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await selectRows<{ count: number }>(db, sql`select count(*)::int as count from ${sql.identifier(name)}`);
    counts[name] = Number(row?.count ?? 0);
  }
  return counts;
}

export function formatCounts(counts: Record<string, number>): string {
  const width = Math.max(...Object.keys(counts).map((name) => name.length), 5);
  return Object.entries(counts)
    .map(([name, count]) => `  ${name.padEnd(width)}  ${count}`)
    .join("\n");
}
