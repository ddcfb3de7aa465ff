import { checkEnvironmentAtStart, EnvironmentError } from "@/lib/env";
import "server-only";
import { demoRefusal } from "./demo-refusal";
import { closeDatabaseOnShutdown, getDatabaseHandle } from "./database";

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
    console.error(refusal);
    process.exit(1);
  }
  try {
    const handle = await getDatabaseHandle();
    console.log(`Database ready: ${handle.description}`);
    const refusedDemo = await demoRefusal(handle.db, checkEnvironmentAtStart());
    if (refusedDemo) {
      console.error(refusedDemo);
      process.exit(1);
    }
  } catch (error) {
    // The health check reports the outage and the handle is retried on the next request.
    console.error(`Database not ready: ${error instanceof Error ? error.message : String(error)}`);
  }
  closeDatabaseOnShutdown();
}
