import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase, pendingMigrationCount } from "@/db/migrate";
import { UserFacingError } from "./cli";
import { commandDatabaseConfig } from "./command-database";

/** Opens the command's database without changing it; the caller closes it. */
export async function openCommandDatabase(maxConnections = 2): Promise<DatabaseHandle> {
  return openDatabase(commandDatabaseConfig(), { maxConnections });
}

/** Opens the command's database and brings its schema up to date; the caller closes it. */
export async function openMigratedDatabase(): Promise<DatabaseHandle> {
  const handle = await openCommandDatabase();
  try {
    await migrateDatabase(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Opens the command's database for reading only: an unmigrated one is refused, never migrated. */
export async function openMigratedDatabaseReadOnly(command: string): Promise<DatabaseHandle> {
  const handle = await openCommandDatabase();
  try {
    const pending = await pendingMigrationCount(handle);
    if (pending > 0) {
      throw new UserFacingError(
        `${handle.description} lacks ${pending} migration(s) of this version: ${command} changes nothing, so it stops here. Apply them first with npm run db:migrate (after a backup), then run it again.`,
      );
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}
