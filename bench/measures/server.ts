import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { childEnvironment } from "../../tests/e2e/support/child-environment";
import { findFreePort } from "../../tests/e2e/support/free-port";
import { startProcessGroup, stopProcessGroup, type ProcessGroup } from "../../tests/e2e/support/process-group";
import { repositoryRoot } from "../../tests/e2e/support/repository-root";

const HEALTHY_BODY = JSON.stringify({ status: "ok", db: "ok" });
const START_TIMEOUT_MILLISECONDS = 120_000;

export interface RunningServer {
  baseUrl: string;
  group: ProcessGroup;
  /** Stops the server and deletes its log. */
  stop(): Promise<void>;
  /** Milliseconds from spawning `npm start` to the first answer of any kind, and to a healthy /api/health. */
  firstAnswer: number;
  healthy: number;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

async function answers(url: string, expectedBody?: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    const body = await response.text();
    return expectedBody === undefined ? true : response.ok && body.trim() === expectedBody;
  } catch (error) {
    if (error instanceof TypeError || (error instanceof DOMException && error.name === "TimeoutError")) return false;
    throw error;
  }
}

/**
 * `npm start` (the production build) on a free port, timed until it answers and until it is healthy.
 * Its log (a line per request) goes to a file, as a deployment's goes to journald: piped into the
 * bench's process it was read by the very process that generates the load or times the staff, and
 * under 20,000–40,000 answers a second that reading took the load generator's CPU in the app's runs
 * and not in the bare server's, which logs nothing.
 */
export async function startServer(database: { DATABASE_URL: string } | { DATA_DIR: string }): Promise<RunningServer> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-bench-log-"));
  const started = performance.now();
  const group = startProcessGroup("npm", ["start"], {
    cwd: repositoryRoot,
    env: childEnvironment({ ...database, NODE_ENV: "production", PORT: String(port), AUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl }),
    outputFile: path.join(logDirectory, "server.log"),
  });
  const stop = async () => {
    await stopProcessGroup(group);
    await fs.rm(logDirectory, { recursive: true, force: true, maxRetries: 3 });
  };
  let exited: number | string | undefined;
  void group.exited.then((code) => (exited = code));
  let firstAnswer: number | undefined;
  while (performance.now() - started < START_TIMEOUT_MILLISECONDS) {
    if (exited !== undefined) {
      const output = group.output.toString();
      await stop();
      throw new Error(`npm start exited (${exited}):\n${output}`);
    }
    if (firstAnswer === undefined && (await answers(`${baseUrl}/api/health`))) firstAnswer = performance.now() - started;
    if (firstAnswer !== undefined && (await answers(`${baseUrl}/api/health`, HEALTHY_BODY))) {
      return { baseUrl, group, stop, firstAnswer, healthy: performance.now() - started };
    }
    await sleep(25);
  }
  const output = group.output.toString();
  await stop();
  throw new Error(`${baseUrl}/api/health was not healthy within ${START_TIMEOUT_MILLISECONDS / 1000} s:\n${output}`);
}

export interface ColdStartFigures {
  /** A fresh, empty data directory: the embedded database is created and migrated. */
  fresh: number;
  /** The same directory started again: what a restart costs, the ceiling for the fresh start. */
  again: number;
}

/** Time to a healthy /api/health on the embedded database, from nothing and once it exists. */
export async function measureColdStart(): Promise<ColdStartFigures> {
  const dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-bench-cold-"));
  try {
    const fresh = await startServer({ DATA_DIR: dataDirectory });
    await fresh.stop();
    const again = await startServer({ DATA_DIR: dataDirectory });
    await again.stop();
    return { fresh: fresh.healthy, again: again.healthy };
  } finally {
    await fs.rm(dataDirectory, { recursive: true, force: true, maxRetries: 3 });
  }
}
