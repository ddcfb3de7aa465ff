import { authEnvironment, requireAuthSecret } from "./support/auth-secret";
import { openMigratedDatabase } from "./support/database";
import { runCli } from "./support/cli";
import { assertProductionBuild, serveProductionBuild } from "./support/next-server";
import { assertPortFree, readPort } from "./support/port";

/**
 * `npm start`: checks what would otherwise fail obscurely (port, build, database) and says how to
 * fix it, then serves the production build. The server applies migrations again on start-up.
 */
runCli(async () => {
  const port = readPort();
  const secret = requireAuthSecret();
  await assertPortFree(port);
  assertProductionBuild();
  const handle = await openMigratedDatabase();
  console.log(`Database: ${handle.description}`);
  await handle.close();
  await serveProductionBuild(port, authEnvironment(port, secret));
});
