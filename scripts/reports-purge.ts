import { purgeSpamReports, SPAM_KEPT_DAYS } from "@/lib/online-reports/purge";
import { openMigratedDatabase } from "./support/database";
import { runCli } from "./support/cli";

/**
 * npm run reports:purge: deletes the online reports a registrar rejected as spam more than 30 days
 * ago, each with an audit note (issue 26, privacy). Meant for a daily timer.
 */
runCli(async () => {
  const handle = await openMigratedDatabase();
  try {
    const deleted = await purgeSpamReports(handle.db, "reports:purge");
    console.log(`Deleted ${String(deleted)} online report(s) rejected as spam more than ${String(SPAM_KEPT_DAYS)} days ago.`);
  } finally {
    await handle.close();
  }
});
