/**
 * A child process for the kill test: imports a file and, once the first batch is inserted inside
 * the transaction, says so and sleeps, so the parent can SIGKILL it mid-import.
 */
import fs from "node:fs";
import { openDatabase } from "@/db/client";
import { runImport } from "@/lib/import/run-import";

const [filePath, actorId] = process.argv.slice(2);
if (!filePath || !actorId) throw new Error("usage: import-child.ts FILE ACTOR_ID");

const handle = await openDatabase();
let announced = false;
await runImport(
  handle.db,
  { bytes: fs.readFileSync(filePath), fileName: "kill.csv", kind: "policeReports", mapping: null, mode: "commit", actor: { actorId, actorLabel: "kill-test" } },
  (event) => {
    if (event.type !== "progress" || event.phase !== "save" || announced) return;
    announced = true;
    process.stdout.write("SAVING\n");
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
);
process.stdout.write("FINISHED\n");
await handle.close();
