import { parseEnvironment } from "@/lib/env";
import { countCaseRecords, holdsCaseRecords } from "@/lib/demo/holdings";
import { seedDemoData } from "@/lib/demo/seed";
import { isDemoDataLoaded } from "@/lib/system/demo-mode";
import { authEnvironment, demoAuthSecret } from "./support/auth-secret";
import { buildIsStale } from "./support/build-freshness";
import { runCli } from "./support/cli";
import { openMigratedDatabase } from "./support/database";
import { runBin, serveProductionBuild } from "./support/next-server";
import { assertPortFree } from "./support/port";
import { printDemoAccounts, printSeedSummary } from "./support/seed-summary";

/** Seeds the demo data only into an empty database: a database with records is left as it is. */
async function seedWhenEmpty(): Promise<void> {
  const handle = await openMigratedDatabase();
  try {
    if (holdsCaseRecords(await countCaseRecords(handle.db))) {
      const kind = (await isDemoDataLoaded(handle.db)) ? "the demo data" : "records that are not demo data";
      console.log(`${handle.description} already holds ${kind}; nothing was seeded.`);
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
    await runBin("next", ["build"]);
  }
  printDemoAccounts();
  console.log(`Serving on http://localhost:${port} (Arabic: /ar, English: /en). Stop with Ctrl+C.`);
  await serveProductionBuild(port, authEnvironment(port, secret, checked));
});
