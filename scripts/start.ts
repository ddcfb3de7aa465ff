import fs from "node:fs";
import path from "node:path";
import pino from "pino";
import type { DatabaseConfig } from "@/db/config";
import { explainDataDirectoryError } from "@/db/errors";
import { acquirePgliteLock } from "@/db/pglite-lock";
import { listenSettings, parseProductionEnvironment } from "@/lib/env";
import { authEnvironment } from "./support/auth-secret";
import { buildIsStale } from "./support/build-freshness";
import { runCli, UserFacingError } from "./support/cli";
import { commandDatabaseConfig } from "./support/command-database";
import { servedBuild, serveProductionBuild } from "./support/next-server";
import { copyTemplateIfEmpty } from "./support/pglite-template";
import { assertPortFree } from "./support/port";

/**
 * The server's log is JSON lines (scripts/support/server-log.mjs); what `npm start` says before the
 * server starts goes to the same journal, so it is written the same way. Refusals stay plain text
 * (runCli): they end the command, addressed to whoever started it.
 */
const startLog = pino();

/**
 * The embedded database is opened and migrated by the server alone; here only what would make it
 * fail, each with its fix: a data folder that cannot be used or is in use by another process. A
 * DATA_DIR without a database gets the prebuilt one from `npm run build`, which spares initdb.
 */
function prepareDataDirectory(dataDir: string, buildFolder: string): void {
  let release = () => {};
  try {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.accessSync(path.dirname(dataDir), fs.constants.R_OK | fs.constants.W_OK);
    release = acquirePgliteLock(dataDir);
    const copied = copyTemplateIfEmpty(dataDir, buildFolder);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.R_OK | fs.constants.W_OK);
    if (copied) startLog.info({ event: "database.created" }, "Database: new, from the prebuilt embedded database of this build.");
  } catch (error) {
    if (error instanceof Error && error.name === "DatabaseSetupError") throw error;
    throw explainDataDirectoryError(error, dataDir);
  } finally {
    release();
  }
}

/** PostgreSQL is checked and migrated before serving, so a wrong DATABASE_URL ends here in one line. */
async function preparePostgres(config: DatabaseConfig): Promise<void> {
  const { openDatabase } = await import("@/db/client");
  const { migrateDatabase } = await import("@/db/migrate");
  const { auditLogPrivilegeWarning } = await import("@/lib/audit/database-roles");
  const handle = await openDatabase(config, { maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    const warning = await auditLogPrivilegeWarning(handle.db);
    if (warning) startLog.warn({ event: "database.privileges" }, warning);
  } finally {
    await handle.close();
  }
}

/**
 * `npm start`: checks what would otherwise fail obscurely (port, build, database, settings) and
 * says how to fix it, then serves the production build, which opens the database and applies migrations.
 */
runCli(async () => {
  // Every setting, checked as the server will check them (lib/env.ts), before anything is opened.
  const checked = parseProductionEnvironment(process.env);
  const secret = checked.AUTH_SECRET ?? "";
  const { hostname } = listenSettings(checked);
  await assertPortFree(checked.PORT, hostname);
  const build = servedBuild();
  // Code updated (a `git pull`, a changed lockfile) but not rebuilt: serving would mix the old build
  // with the new code's database migrations and settings checks.
  if (buildIsStale()) {
    throw new UserFacingError("The production build is older than the code (a file under app/, lib/, db/, components/ or package-lock.json changed since). Run `npm run build` first.");
  }
  const config = commandDatabaseConfig((line) => startLog.info({ event: "database.chosen" }, line));
  if (config.kind === "postgres") await preparePostgres(config);
  else if (config.dataDir) prepareDataDirectory(config.dataDir, build.path);
  await serveProductionBuild(checked.PORT, authEnvironment(checked.PORT, secret, checked), build);
});
