import { ImportFileError } from "./decode";
import type { ImportKind } from "./fields";
import type { ColumnMapping } from "./headers";
import { PARSE_WORKER_HEAP_MB, PARSE_WORKER_SECONDS } from "./limits";
import type { ImportProgress, ParseOutcome } from "./parse-file";
import type { ReadOptions } from "./read-options";
import { childEntry } from "@/lib/processes/child-bundle";
import { prepareSpareReader, takeReader } from "./reader-process";

export interface ParseJob {
  bytes: Uint8Array;
  kind: ImportKind;
  mapping: ColumnMapping | null;
  readOptions?: ReadOptions;
}

export interface WorkerLimits {
  heapMb: number;
  seconds: number;
}

/** The reading process's module, from the app's folder (bundled by lib/processes/child-bundle.ts). */
export const READER_SOURCE = "lib/import/parse-child.ts";

const LIMITS: WorkerLimits = { heapMb: PARSE_WORKER_HEAP_MB, seconds: PARSE_WORKER_SECONDS };


export type WorkerMessage =
  | { type: "progress"; progress: ImportProgress }
  | { type: "outcome"; outcome: ParseOutcome }
  | { type: "fileError"; key: ImportFileError["key"]; values: Record<string, string | number> };

/** V8 aborts a process whose heap is full; a worker thread's full heap can abort the server with it. */
const OUT_OF_MEMORY = (code: number | null, signal: NodeJS.Signals | null) => signal === "SIGABRT" || code === 134;

/**
 * parseSheet in a process of its own. Reading a workbook is CPU-bound and can take seconds; on the
 * request thread it would hold up every other request (the health check and the public page
 * included). Its heap and time are capped: a file that needs more is refused and only that process
 * ends — not a worker thread, whose heap running out can still end the whole server.
 */
export async function parseInWorker(job: ParseJob, onProgress: (progress: ImportProgress) => void, limits: WorkerLimits = LIMITS): Promise<ParseOutcome> {
  const entry = await childEntry(READER_SOURCE);
  return new Promise((resolve, reject) => {
    const child = takeReader(entry, limits.heapMb);
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      finish();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      // After the caller has gone on with the outcome: a fork blocks this thread for some 20–30 ms.
      setImmediate(() => prepareSpareReader(entry, limits.heapMb));
    };
    const timer = setTimeout(() => settle(() => reject(new ImportFileError("tooComplex"))), limits.seconds * 1000);
    child.on("message", (message: WorkerMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "outcome") settle(() => resolve(message.outcome));
      else settle(() => reject(new ImportFileError(message.key, message.values)));
    });
    child.on("error", (error) => settle(() => reject(error)));
    // "close", not "exit": by then every message the process sent has been received.
    child.on("close", (code, signal) =>
      settle(() => reject(OUT_OF_MEMORY(code, signal) ? new ImportFileError("tooComplex") : new Error(`import reader stopped (${signal ?? `exit code ${code}`}) without an answer`))),
    );
    child.send(job);
  });
}
