import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Opens the configured database and brings its schema up to date; the caller closes it. */
export async function openMigratedDatabase(): Promise<DatabaseHandle> {
  const handle = await openDatabase(undefined, { maxConnections: 2 });
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
