import { closeDatabaseOnShutdown, getDatabaseHandle } from "./database";

/**
 * What a server process does before its first request: refuse to run in production without the
 * session secret, then open the database and apply pending migrations.
 */
export async function prepareServer(): Promise<void> {
  if (process.env.NODE_ENV === "production" && !process.env.AUTH_SECRET) {
    // Without the secret no staff session could be signed or checked: refuse to serve at all.
    console.error("AUTH_SECRET is not set: the server will not start without it. See README, Configuration.");
    process.exit(1);
  }
  try {
    const handle = await getDatabaseHandle();
    console.log(`Database ready: ${handle.description}`);
  } catch (error) {
    // The health check reports the outage and the handle is retried on the next request.
    console.error(`Database not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
  closeDatabaseOnShutdown();
}
