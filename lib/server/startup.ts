import "server-only";
import { closeDatabaseOnShutdown, getDatabaseHandle } from "./database";

/** Why production must not be served this way, or null when it may. */
function productionRefusal(): string | null {
  if (process.env.NODE_ENV !== "production") return null;
  // Without the secret no staff session could be signed or checked: refuse to serve at all.
  if (!process.env.AUTH_SECRET) return "AUTH_SECRET is not set: the server will not start without it. See README, Configuration.";
  if (!process.env.NEXTAUTH_URL) return "NEXTAUTH_URL is not set: the server will not start without the registry's public address. See README, Configuration.";
  // `next start` believes any X-Forwarded-For a client sends; only scripts/serve.mjs decides the
  // address (lib/auth/request-metadata.ts), and the per-address limits and the audit trail need it.
  if (!globalThis.__tarhunaClientAddressProof) {
    return "This server cannot tell a client's real address: start the production build with `npm start` (scripts/serve.mjs), not `next start`.";
  }
  return null;
}

/**
 * What a server process does before its first request: refuse to run in production without the
 * session secret, the public address or the production server in front, then open the database and
 * apply pending migrations.
 */
export async function prepareServer(): Promise<void> {
  const refusal = productionRefusal();
  if (refusal) {
    console.error(refusal);
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
