import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { childEnvironment } from "./child-environment";
import { findFreePort } from "./free-port";
import {
  killProcessGroupNow,
  startProcessGroup,
  stopProcessGroup,
  type ProcessGroup,
} from "./process-group";
import { repositoryRoot } from "./repository-root";
import { copySeededDataDirectory, copySeededPostgresDatabase } from "./seeded-data";
import type { ThrowawayDatabase } from "./throwaway-postgres";

const HEALTH_TIMEOUT_MILLISECONDS = 90_000;
const HEALTH_POLL_INTERVAL_MILLISECONDS = 250;

export interface AppServer {
  /** e.g. http://127.0.0.1:40123 */
  baseUrl: string;
  url(pathname: string): string;
  /** The PostgreSQL database the server runs on, when started with `database: "postgres"`. */
  databaseUrl: string | null;
  /** The server's DATA_DIR (its embedded database and DATA_DIR/media), when it runs on the embedded database. */
  dataDirectory: string | null;
  /** Every line the server wrote so far (standard output and error), when started with `keepLog`. */
  logLines(): string[];
  stop(): Promise<void>;
}

export interface AppServerOptions {
  /** "postgres": a throw-away database on TEST_POSTGRES_URL that a test may change directly. Both hold the demo data. */
  database?: "embedded" | "postgres";
  /** Extra variables for the server, e.g. { MAP_TILE_URL: "none" }. */
  environment?: Record<string, string>;
  /**
   * Start as the systemd unit does (`npm --silent start`: no npm banner, the server's lines alone)
   * and keep every line it writes, for AppServer.logLines.
   */
  keepLog?: boolean;
  /** The port to listen on (default: a free one), for a caller that must name the address before the server answers. */
  port?: number;
  /**
   * The seeded embedded data folder to copy; by default the one the run's global setup provides.
   * The global setup itself names it (it cannot `inject` what it provides).
   */
  seededDataDirectory?: string;
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const HEALTHY_BODY = JSON.stringify({ status: "ok", db: "ok" });

/** null when the server is healthy, otherwise what it answered, for the error message. */
export async function healthProblem(baseUrl: string): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
    const body = await response.text();
    if (response.ok && body.trim() === HEALTHY_BODY) return null;
    return `HTTP ${response.status}: ${body.slice(0, 500)}`;
  } catch (error) {
    // Refused connections and unfinished responses are expected while the server boots.
    if (error instanceof TypeError || (error instanceof DOMException && error.name === "TimeoutError")) {
      return `no answer (${error.message})`;
    }
    throw error;
  }
}

export async function waitUntilHealthy(baseUrl: string, server: ProcessGroup): Promise<void> {
  let exitCode: number | string | undefined;
  void server.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + HEALTH_TIMEOUT_MILLISECONDS;
  let lastProblem = "not asked yet";
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`npm start exited (${exitCode}) before ${baseUrl}/api/health answered. Its output:\n${server.output}`);
    }
    const problem = await healthProblem(baseUrl);
    if (problem === null) return;
    lastProblem = problem;
    await sleep(HEALTH_POLL_INTERVAL_MILLISECONDS);
  }
  throw new Error(
    `${baseUrl}/api/health did not answer ${HEALTHY_BODY} within ${HEALTH_TIMEOUT_MILLISECONDS / 1000} s; ` +
      `last answer: ${lastProblem}. Server output:\n${server.output}`,
  );
}

export interface AppInstance {
  baseUrl: string;
  server: ProcessGroup;
  /** SIGTERM to the whole group, SIGKILL after the grace period. */
  stop(): Promise<void>;
}

/**
 * `npm start` on `port` with exactly these settings (beside childEnvironment's), once healthy: one
 * instance of several on one database (tests/e2e/reverse-proxy.test.ts) starts this way.
 */
export async function startAppInstance(port: number, environment: Record<string, string>): Promise<AppInstance> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startProcessGroup("npm", ["start"], {
    cwd: repositoryRoot,
    env: childEnvironment({ NODE_ENV: "production", ...environment, PORT: String(port) }),
  });
  const killOnExit = () => killProcessGroupNow(server);
  process.once("exit", killOnExit);
  const stop = async () => {
    process.off("exit", killOnExit);
    await stopProcessGroup(server);
  };
  try {
    await waitUntilHealthy(baseUrl, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, server, stop };
}

/**
 * Starts the production build against a fresh database holding the demo data, the way a user runs
 * it: `npm run db:seed`, then `npm start`. The seed ran once for the whole e2e run (global-setup.ts);
 * each server gets its own copy of its result, so that no test file sees another's changes.
 */
export async function startAppServer(options: AppServerOptions = {}): Promise<AppServer> {
  const dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-e2e-"));
  let database: ThrowawayDatabase | undefined;
  const removeDataDirectory = async () => {
    await fs.rm(dataDirectory, { recursive: true, force: true, maxRetries: 3 });
    await database?.drop();
  };
  let server: ProcessGroup | undefined;
  const killOnExit = () => {
    if (server) killProcessGroupNow(server);
  };
  try {
    if (options.database === "postgres") database = await copySeededPostgresDatabase();
    else await copySeededDataDirectory(dataDirectory, options.seededDataDirectory);
    const databaseEnvironment: Record<string, string> = database
      ? { DATABASE_URL: database.url }
      : { DATA_DIR: dataDirectory };
    const port = options.port ?? (await findFreePort());
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startProcessGroup("npm", options.keepLog ? ["--silent", "start"] : ["start"], {
      cwd: repositoryRoot,
      env: childEnvironment({
        // Production refuses to start without its public address; a test may name another one.
        NEXTAUTH_URL: baseUrl,
        ...options.environment,
        ...databaseEnvironment,
        NODE_ENV: "production",
        PORT: String(port),
        // A fresh signing secret per run: production refuses to start without one.
        AUTH_SECRET: randomBytes(32).toString("base64url"),
      }),
    });
    const log = { lines: [] as string[] };
    if (options.keepLog) {
      for (const stream of [server.child.stdout, server.child.stderr]) {
        let partial = "";
        stream?.on("data", (chunk: Buffer) => {
          const text = partial + chunk.toString("utf8");
          const lines = text.split("\n");
          partial = lines.pop() ?? "";
          log.lines.push(...lines.filter((line) => line.trim() !== ""));
        });
      }
    }
    // A crashed or interrupted test run must not leave a server holding the port and the data.
    process.once("exit", killOnExit);
    await waitUntilHealthy(baseUrl, server);
    const runningServer = server;
    let stopping = false;
    // A server that dies under a run otherwise shows only as refused connections in whichever
    // tests were using it (the shared one in several files at once): say when, and what it wrote last.
    void runningServer.exited.then((code) => {
      if (!stopping) console.error(`app server ${baseUrl} exited (${code}) before the tests were done with it; its last output:\n${runningServer.output.toString()}`);
    });
    return {
      baseUrl,
      url: (pathname) => new URL(pathname, baseUrl).toString(),
      databaseUrl: database?.url ?? null,
      dataDirectory: database ? null : dataDirectory,
      logLines: () => [...log.lines],
      stop: async () => {
        stopping = true;
        process.off("exit", killOnExit);
        await stopProcessGroup(runningServer);
        await removeDataDirectory();
      },
    };
  } catch (error) {
    process.off("exit", killOnExit);
    if (server) await stopProcessGroup(server);
    await removeDataDirectory();
    throw error;
  }
}
