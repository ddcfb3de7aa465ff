/**
 * The process that reads an import file (started by parse-in-worker.ts): reads and checks the
 * file, sends progress and then one outcome, and ends. No database here: only the file and the
 * rules of its rows.
 */
import { ImportFileError } from "./decode";
import { parseSheet } from "./parse-file";
import type { ParseJob, WorkerMessage } from "./parse-in-worker";

function send(message: WorkerMessage): Promise<void> {
  return new Promise((resolve, reject) => process.send?.(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

// The server that started this process is gone (stopped, killed): nobody waits for the answer.
process.once("disconnect", () => process.exit(0));

process.once("message", (job: ParseJob) => {
  void (async () => {
    try {
      const outcome = await parseSheet(job.bytes, job.kind, job.mapping, (progress) => void send({ type: "progress", progress }), job.readOptions);
      await send({ type: "outcome", outcome });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      await send({ type: "fileError", key: error.key, values: error.values });
    }
    process.disconnect();
  })();
});
