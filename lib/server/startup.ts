import { checkEnvironmentAtStart, EnvironmentError } from "@/lib/env";
import "server-only";
import { demoRefusal } from "./demo-refusal";
import { closeDatabaseOnShutdown, getDatabaseHandle } from "./database";
import { logger } from "./logger";

/** Why this process must not serve, or null when it may. */
function startRefusal(): string | null {
  let checked;
  try {
    // Every setting, whoever started the server: a short AUTH_SECRET, a malformed address or port.
    checked = checkEnvironmentAtStart();
  } catch (error) {
    if (error instanceof EnvironmentError) return error.message;
    throw error;
  }
  if (checked.NODE_ENV !== "production") return null;
  // `next start` believes any X-Forwarded-For a client sends; only scripts/serve.mjs decides the
  // address (lib/auth/request-metadata.ts), and the per-address limits and the audit trail need it.
  if (!globalThis.__tarhunaClientAddressProof) {
    return "This server cannot tell a client's real address: start the production build with `npm start` (scripts/serve.mjs), not `next start`.";
  }
  return null;
}

/**
 * What a server process does before its first request: refuse to run with a bad setting, or in
 * production without the session secret, the public address or the production server in front;
 * then open the database and apply pending migrations.
 */
export async function prepareServer(): Promise<void> {
  const refusal = startRefusal();
  if (refusal) {
    logger.fatal({ event: "server.refused" }, refusal);
    logger.flush();
    process.exit(1);
  }
  try {
    const handle = await getDatabaseHandle();
    logger.info({ event: "database.ready", database: handle.description }, "database ready");
    const refusedDemo = await demoRefusal(handle.db, checkEnvironmentAtStart());
    if (refusedDemo) {
      logger.fatal({ event: "server.refused" }, refusedDemo);
      logger.flush();
      process.exit(1);
    }
  } catch (error) {
    // The health check reports the outage and the handle is retried on the next request.
    // Our own explanations (db/errors.ts) are safe to print; any other error is named by its kind
    // and code only, as a failed migration's or driver's message may quote SQL and its values.
    const explained = error instanceof Error && error.name === "DatabaseSetupError";
    const errorCode = (error as { code?: unknown } | null)?.code;
    logger.error(
      { event: "database.unavailable", errorName: error instanceof Error ? error.name : typeof error, ...(typeof errorCode === "string" ? { errorCode } : {}) },
      explained ? `database not ready: ${error.message}` : "database not ready",
    );
  }
  closeDatabaseOnShutdown();
}
