import "server-only";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * One database handle per server process, opened and migrated on first use and closed on a stop
 * signal (closeDatabaseOnShutdown). Kept on globalThis, not in a module variable: Next.js loads
 * instrumentation, pages and route handlers as bundles of their own, each with its own copy of this
 * module, and in development hot reload evaluates it again; a module variable would open one
 * database per copy (for PGlite, a second process-wide lock on the same folder).
 */
const holder = globalThis as typeof globalThis & { tarhunaDatabase?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  if (!holder.tarhunaDatabase) {
    holder.tarhunaDatabase = openAndMigrate().catch((error: unknown) => {
      // Forget the failure so the next request tries again (e.g. once PostgreSQL is back).
      holder.tarhunaDatabase = undefined;
      throw error;
    });
  }
  return holder.tarhunaDatabase;
}

async function openAndMigrate(): Promise<DatabaseHandle> {
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeDatabase(): Promise<void> {
  const pending = holder.tarhunaDatabase;
  holder.tarhunaDatabase = undefined;
  if (pending) await (await pending).close();
}

/** Closes the embedded database cleanly on a stop signal so its files are flushed before exit. */
export function closeDatabaseOnShutdown(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void closeDatabase().finally(() => process.exit(0));
    });
  }
}
