import { openMigratedDatabase } from "./support/database";
import { runCli } from "./support/cli";

runCli(async () => {
  const handle = await openMigratedDatabase();
  console.log(`Migrations applied to ${handle.description}.`);
  await handle.close();
});
