import { startAppServer, healthProblem, type AppServer } from "./app-server";
import { findFreePortBelowEphemeralRange } from "./free-port";

/**
 * One production server on a copy of the demo data, started by the `e2e` project's global setup and
 * shared by the browser files that only read (fixtures.ts, sharedAppServerForReaders): each such
 * file would otherwise copy the data and start a server of its own, some 10–20 s of CPU a file on
 * two cores. Files that change data, judge timing, read the server's log or need settings of their
 * own keep a server each (appServerForThisFile).
 *
 * A reader may sign in and out and open records (reads are audited, successful sign-ins give their
 * counted try back): nothing a sharing file asserts depends on another's sessions, audit entries or
 * sign-ins. A reader must not change a record or lock an account. Failed sign-ins are counted per
 * address (lib/auth/sign-in-throttle.ts: 20 tries from one address in 15 minutes, successful ones
 * given back; 5 a username from one address, until one succeeds): staff-sign-in.test.ts fails four
 * on purpose, one for each of two real usernames and two unknown ones, and no other reader fails
 * any. A new file that fails sign-ins starts a server of its own.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the shared server answers (or will, once started); "" in a project that starts none. */
    sharedAppServerUrl: string;
  }
}

const SHARED_HEALTH_TIMEOUT_MILLISECONDS = 180_000;

export interface SharedServerStart {
  baseUrl: string;
  /** Settles once the server answers: stop() it when the run ends; a start that failed says why. */
  server: Promise<AppServer>;
}

/**
 * Starts the shared server on a copy of `seededDataDirectory` without waiting for it: its address
 * is known at once, so the files can start meanwhile and wait for it only when they need it.
 */
export async function startSharedAppServer(seededDataDirectory: string): Promise<SharedServerStart> {
  // Given out before the server listens: from outside the range the files' own servers take theirs.
  const port = await findFreePortBelowEphemeralRange();
  return { baseUrl: `http://127.0.0.1:${port}`, server: startAppServer({ port, seededDataDirectory }) };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** The shared server, once it answers its health check; for a test file's beforeAll. */
export async function sharedAppServer(): Promise<AppServer> {
  // Loaded here, in a test file's process: the global setup imports this module too, outside any test.
  const { inject } = await import("vitest");
  const baseUrl = inject("sharedAppServerUrl");
  if (!baseUrl) throw new Error("No shared app server in this project: only the e2e project's global setup starts one (global-setup.ts)");
  const deadline = Date.now() + SHARED_HEALTH_TIMEOUT_MILLISECONDS;
  let problem = await healthProblem(baseUrl);
  while (problem !== null && Date.now() < deadline) {
    await sleep(250);
    problem = await healthProblem(baseUrl);
  }
  if (problem !== null) {
    throw new Error(`The shared app server at ${baseUrl} did not answer within ${SHARED_HEALTH_TIMEOUT_MILLISECONDS / 1000} s (${problem}); the global setup's message says why`);
  }
  return {
    baseUrl,
    url: (pathname) => new URL(pathname, baseUrl).toString(),
    // Its data and log belong to no one file: a file that needs them starts a server of its own.
    databaseUrl: null,
    dataDirectory: null,
    logLines: () => {
      throw new Error("The shared app server keeps no log for a test file: start one with appServerForThisFile({ keepLog: true })");
    },
    // The global setup stops it when the run ends.
    stop: async () => {},
  };
}
