import path from "node:path";
import { Worker } from "node:worker_threads";
import { ImportFileError } from "./decode";
import type { ImportKind } from "./fields";
import type { ColumnMapping } from "./headers";
import { PARSE_WORKER_HEAP_MB, PARSE_WORKER_SECONDS } from "./limits";
import type { ImportProgress, parseSheet } from "./parse-file";

export interface ParseJob {
  bytes: Uint8Array;
  kind: ImportKind;
  mapping: ColumnMapping | null;
}

type ParseOutcome = Awaited<ReturnType<typeof parseSheet>>;

export type WorkerMessage =
  | { type: "progress"; progress: ImportProgress }
  | { type: "outcome"; outcome: ParseOutcome }
  | { type: "fileError"; key: ImportFileError["key"]; values: Record<string, string | number> };

/**
 * Found from the app's folder, not from this module: in the production build this code runs from
 * a bundle under .next/, where no file beside it is the worker's entry.
 */
const WORKER_ENTRY = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "import", "parse-worker.mjs");

/**
 * parseSheet in a thread of its own. Reading a workbook is CPU-bound and can take seconds; on the
 * request thread it would hold up every other request (the health check and the public page
 * included). The thread's heap and time are capped: a file that needs more is refused, the server
 * stays up.
 */
export function parseInWorker(job: ParseJob, onProgress: (progress: ImportProgress) => void): Promise<ParseOutcome> {
  return new Promise((resolve, reject) => {
    // Left to Node at run time: the bundler would otherwise try to bundle the entry and tsx with it.
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_ENTRY, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: PARSE_WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
      void worker.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new ImportFileError("tooComplex"))), PARSE_WORKER_SECONDS * 1000);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "outcome") settle(() => resolve(message.outcome));
      else settle(() => reject(new ImportFileError(message.key, message.values)));
    });
    worker.on("error", (error: Error & { code?: string }) => {
      settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ImportFileError("tooComplex") : error));
    });
    worker.on("exit", (code) => settle(() => reject(new Error(`import worker stopped (exit code ${code}) without an answer`))));
  });
}
