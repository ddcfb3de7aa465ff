import { fork, type ChildProcess } from "node:child_process";

/**
 * The reading processes of imports (parse-child.ts), one started ahead of need. A fresh Node
 * process spends about a tenth of a second starting and loading the reader before it reads a byte:
 * a quarter of a 5,000-row file's check or import (bench/RESULTS.md, issue 28). The office checks a
 * file and then imports it, so once a reader has been used another is started and left waiting
 * for the next job. It has the same heap cap as any reader, holds no data until it is given a job,
 * ends by itself when its server ends (parse-child.ts leaves on disconnect), and is stopped after
 * SPARE_IDLE_MILLISECONDS unused.
 */
const SPARE_IDLE_MILLISECONDS = 5 * 60_000;

interface Spare {
  entry: string;
  heapMb: number;
  child: ChildProcess;
  idleTimer: NodeJS.Timeout;
}

let spare: Spare | null = null;

// The reader's file lives in a folder removed when this process ends (lib/processes/child-bundle.ts): a
// reader still starting then would fail to load it and say so.
process.once("exit", () => {
  if (spare) discard(spare);
});

function startReader(entry: string, heapMb: number): ChildProcess {
  return fork(/* turbopackIgnore: true */ entry, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
}

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null && child.connected;

/** Whether the waiting reader can take a job for this reader file and heap cap. */
const fits = (waiting: Spare | null, entry: string, heapMb: number): waiting is Spare =>
  waiting !== null && waiting.entry === entry && waiting.heapMb === heapMb && alive(waiting.child);

function discard(waiting: Spare) {
  clearTimeout(waiting.idleTimer);
  if (alive(waiting.child)) waiting.child.kill("SIGKILL");
}

/**
 * A reader for one job: the waiting one when it runs the same reader file (the dev server rebuilds
 * it when a source changes) with the same heap cap, else a new one.
 */
export function takeReader(entry: string, heapMb: number): ChildProcess {
  const waiting = spare;
  spare = null;
  if (fits(waiting, entry, heapMb)) {
    clearTimeout(waiting.idleTimer);
    // Waiting, it did not keep the server from ending; at work it does, as any reader.
    waiting.child.ref();
    waiting.child.channel?.ref();
    return waiting.child;
  }
  if (waiting) discard(waiting);
  return startReader(entry, heapMb);
}

/** Starts a reader to wait for the next job, unless one already waits. */
export function prepareSpareReader(entry: string, heapMb: number): void {
  if (fits(spare, entry, heapMb)) return;
  if (spare) discard(spare);
  const child = startReader(entry, heapMb);
  // Its failure to start is the next job's to meet (takeReader finds it dead and starts another).
  child.on("error", () => undefined);
  child.unref();
  child.channel?.unref();
  // Taken or discarded, a reader's timer is cleared: when it fires, the reader still waits.
  const idleTimer = setTimeout(() => {
    if (spare?.child !== child) return;
    discard(spare);
    spare = null;
  }, SPARE_IDLE_MILLISECONDS);
  idleTimer.unref();
  spare = { entry, heapMb, child, idleTimer };
}

/** The process id of the reader waiting for a job, if one is (for tests and diagnostics). */
export function waitingReaderPid(): number | null {
  return spare && alive(spare.child) ? (spare.child.pid ?? null) : null;
}
