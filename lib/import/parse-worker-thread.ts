/**
 * Runs inside the import's worker thread (see parse-in-worker.ts): reads and checks the file, posts
 * progress and then one outcome. No database here: only the file and the rules of its rows.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ImportFileError } from "./decode";
import { parseSheet } from "./parse-file";
import type { ParseJob, WorkerMessage } from "./parse-in-worker";

const port = parentPort;
if (!port) throw new Error("parse-worker-thread.ts runs only as a worker thread");
const post = (message: WorkerMessage) => port.postMessage(message);

const job = workerData as ParseJob;
try {
  const outcome = await parseSheet(job.bytes, job.kind, job.mapping, (progress) => post({ type: "progress", progress }));
  post({ type: "outcome", outcome });
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  post({ type: "fileError", key: error.key, values: error.values });
}
