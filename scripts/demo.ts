import { parseEnvironment } from "@/lib/env";
import { countCaseRecords, holdsCaseRecords } from "@/lib/demo/holdings";
import { nonDemoUsernames } from "@/lib/demo/remove";
import { seedDemoData } from "@/lib/demo/seed";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { authEnvironment, demoAuthSecret } from "./support/auth-secret";
import { buildIsStale } from "./support/build-freshness";
import { runCli, UserFacingError } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { servedBuild, serveProductionBuild } from "./support/next-server";
import { assertPortFree } from "./support/port";
import { buildAndSwapIn } from "./support/production-build";
import { printDemoAccounts, printSeedSummary } from "./support/seed-summary";

/**
 * Seeds the demo data only into an empty database. A database with accounts or records of real use
 * is refused: the demo would put its public accounts and password beside them, and serve them.
 */
async function seedWhenEmpty(): Promise<void> {
  const handle = await openMigratedDatabase();
  try {
    const demoLoaded = await isDemoDataLoaded(handle.db);
    const accounts = await nonDemoUsernames(handle.db);
    if (accounts.length > 0) {
      throw new UserFacingError(
        `${handle.description} holds ${accounts.length} account(s) that are not demo accounts (${accounts.slice(0, 5).join(", ")}${accounts.length > 5 ? ", …" : ""}): the demo runs only on a database of its own. Point DATABASE_URL or DATA_DIR at a new one.`,
      );
    }
    if (holdsCaseRecords(await countCaseRecords(handle.db))) {
      if (!demoLoaded) throw new UserFacingError(`${handle.description} holds records that are not demo data: the demo runs only on a database of its own.`);
      console.log(`${handle.description} already holds the demo data; nothing was seeded.`);
      return;
    }
    const result = await seedDemoData(handle.db, { reset: false });
    if (result.status === "refused") console.log(result.reason);
    else printSeedSummary(handle.description, result);
  } finally {
    await handle.close();
  }
}

/** `npm run demo`: migrate, seed when empty, build when the sources changed, serve on PORT. */
runCli(async () => {
  const checked = parseEnvironment(process.env);
  const port = checked.PORT;
  const secret = demoAuthSecret(checked);
  await assertPortFree(port);
  await seedWhenEmpty();
  if (buildIsStale()) {
    console.log("Building the app (about a minute)…");
    await buildAndSwapIn();
  }
  printDemoAccounts();
  console.log(`Serving on http://localhost:${port} (Arabic: /ar, English: /en). Stop with Ctrl+C.`);
  // TARHUNA_DEMO=1: the server may serve demo accounts (lib/server/startup.ts refuses them otherwise).
  await serveProductionBuild(port, { ...authEnvironment(port, secret, checked), TARHUNA_DEMO: "1" }, servedBuild());
});
