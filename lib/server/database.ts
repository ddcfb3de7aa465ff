import "server-only";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * One database handle per server process, opened and migrated on first use. Kept on globalThis so
 * that every bundle Next.js loads in this process (instrumentation, pages, route handlers) shares it.
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
