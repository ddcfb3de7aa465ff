/**
 * Runs once when a server process starts: open the database and apply any pending migration before
 * the first request, so every start-up brings the schema up to date.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDatabaseHandle, closeDatabaseOnShutdown } = await import("@/lib/server/database");
  try {
    const handle = await getDatabaseHandle();
    console.log(`Database ready: ${handle.description}`);
  } catch (error) {
    // The health check reports the outage and the handle is retried on the next request.
    console.error(`Database not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
  closeDatabaseOnShutdown();
}
