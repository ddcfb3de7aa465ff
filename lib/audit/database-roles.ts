import "server-only";
import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { selectRows, type Executor } from "@/db/client";

/** Evidence tables: the app role may add to them and read them, never change or remove a row. */
const APPEND_ONLY_TABLES = ["audit_log", "custody_events", "audit_checkpoints"] as const;

/**
 * Grants the application's role what the app needs and nothing that could rewrite evidence: it may
 * read and write the registry's tables, but only INSERT and SELECT the append-only ones, and as it
 * owns none of them it cannot ALTER TABLE ... DISABLE TRIGGER either. Run by the owner role after
 * every migration (db/migrate.ts), so tables added later are covered too.
 */
export async function grantApplicationRole(owner: Sql, role: string): Promise<void> {
  const grantee = owner(role);
  await owner`grant usage on schema public to ${grantee}`;
  await owner`grant select, insert, update, delete on all tables in schema public to ${grantee}`;
  await owner`grant usage, select on all sequences in schema public to ${grantee}`;
  for (const table of APPEND_ONLY_TABLES) await owner`revoke update, delete, truncate on ${owner(table)} from ${grantee}`;
  // The app checks at start whether migrations are pending; it never applies them itself.
  await owner`grant usage on schema drizzle to ${grantee}`;
  await owner`grant select on drizzle.__drizzle_migrations to ${grantee}`;
}

/**
 * A warning when the connected role could rewrite the audit log (it owns the table, is a superuser,
 * or may update, delete or truncate it), or null when it may only add and read entries.
 */
export async function auditLogPrivilegeWarning(db: Executor): Promise<string | null> {
  const [row] = await selectRows<{ role: string; owns: boolean; superuser: boolean; rewrite: boolean }>(
    db,
    sql`select current_user as role,
          pg_has_role(current_user, c.relowner, 'USAGE') as owns,
          (select rolsuper from pg_roles where rolname = current_user) as superuser,
          (has_table_privilege('audit_log', 'UPDATE') or has_table_privilege('audit_log', 'DELETE')
            or has_table_privilege('audit_log', 'TRUNCATE')) as rewrite
        from pg_class c where c.oid = 'audit_log'::regclass`,
  );
  if (!row || !(row.owns || row.superuser || row.rewrite)) return null;
  const why = row.superuser ? "is a superuser" : row.owns ? "owns audit_log (and could disable its trigger)" : "may update, delete or truncate audit_log";
  return `Warning: the app's database role "${row.role}" ${why}. Run migrations as an owner role (MIGRATION_DATABASE_URL) and let the app connect as a role that may only INSERT and SELECT audit entries: see README, "Database roles".`;
}
