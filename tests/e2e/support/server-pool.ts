import http from "node:http";
import type { AddressInfo } from "node:net";
import { startAppServer, type AppServer } from "./app-server";

/**
 * The e2e project's servers for the files that ask for a server of their own with no settings
 * (`appServerForThisFile()`: the embedded demo data, fresh, nothing else), started ahead and stopped
 * behind. Such a server is started by the run's own process (the e2e project's global setup),
 * one ahead of the file that will take it, while the files before it run; and it is stopped there
 * once the file is done, while the next file runs. Each server still serves one file alone, on a
 * copy of its own of the seeded data, started as before (startAppServer): only who waits for its
 * start (4–6 s) and its stop (about 2 s) changes, no longer the worker between two files
 * (bench/RESULTS.md, "CI time", 2026-12-08). A server taken is replaced by the next one only while
 * files of the run that ask for one are left, so a run of a few files starts no server it won't use.
 *
 * The files ask over HTTP on 127.0.0.1 (POST /take, POST /stop/<id>): they run in worker processes
 * of their own, and the servers must outlive a file and be stopped with the run.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** Where the pool answers; "" in a project that has none (e2e-alone) or when no file of the run needs it. */
    appServerPoolUrl: string;
  }
}

/** What a file gets: the server's address and data, as AppServer says. */
export interface PooledServer {
  id: number;
  baseUrl: string;
  dataDirectory: string | null;
}

export interface AppServerPool {
  url: string;
  /** Stops the servers not taken, waits for those being stopped, and closes the pool. */
  close(): Promise<void>;
}

/**
 * Starts the pool and the first server ahead. `expectedTakes` is how many files of this run will
 * ask for a server (no more are started ahead than that; a file asking beyond it still gets one).
 */
export async function startAppServerPool(seededDataDirectory: string, expectedTakes: number): Promise<AppServerPool> {
  let nextId = 1;
  let takesLeft = expectedTakes;
  let ahead: Promise<AppServer> | undefined;
  const taken = new Map<number, AppServer>();
  const stopping = new Set<Promise<void>>();
  const problems: string[] = [];

  const start = () => {
    const server = startAppServer({ seededDataDirectory });
    // A start that fails is reported to the file that takes it; none may go unhandled meanwhile.
    server.catch(() => {});
    return server;
  };
  const startAheadIfWanted = () => {
    if (ahead === undefined && takesLeft > 0) ahead = start();
  };
  const stop = (server: AppServer) => {
    const stopped = server.stop().catch((error: unknown) => {
      problems.push(`${server.baseUrl}: ${error instanceof Error ? error.message : String(error)}`);
    });
    stopping.add(stopped);
    void stopped.finally(() => stopping.delete(stopped));
  };

  const take = async (): Promise<PooledServer> => {
    takesLeft -= 1;
    const next = ahead ?? start();
    ahead = undefined;
    startAheadIfWanted();
    const server = await next;
    const id = nextId++;
    taken.set(id, server);
    return { id, baseUrl: server.baseUrl, dataDirectory: server.dataDirectory };
  };

  const pool = http.createServer((request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const stopMatch = /^\/stop\/(\d+)$/.exec(request.url ?? "");
    if (request.method === "POST" && request.url === "/take") {
      take().then(
        (server) => answer(200, server),
        (error: unknown) => answer(500, { error: error instanceof Error ? error.message : String(error) }),
      );
    } else if (request.method === "POST" && stopMatch) {
      const server = taken.get(Number(stopMatch[1]));
      taken.delete(Number(stopMatch[1]));
      if (server) stop(server);
      answer(server ? 200 : 404, {});
    } else {
      answer(404, {});
    }
  });
  await new Promise<void>((resolve, reject) => {
    pool.once("error", reject);
    pool.listen(0, "127.0.0.1", resolve);
  });
  startAheadIfWanted();
  const { port } = pool.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      pool.close();
      pool.closeAllConnections();
      takesLeft = 0;
      const notTaken = await ahead?.catch(() => undefined);
      ahead = undefined;
      if (notTaken) stop(notTaken);
      // A file that failed before its afterAll may have left its server taken.
      for (const server of taken.values()) stop(server);
      taken.clear();
      await Promise.all([...stopping]);
      if (problems.length > 0) throw new Error(`The pool's app servers did not all stop cleanly:\n${problems.join("\n")}`);
    },
  };
}

async function poolRequest(poolUrl: string, pathname: string): Promise<Response> {
  const response = await fetch(new URL(pathname, poolUrl), { method: "POST" });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new Error(`The app server pool (${poolUrl}${pathname}) answered ${response.status}${body.error ? `: ${body.error}` : ""}`);
  }
  return response;
}

/** A server from the pool for this file, as the AppServer that startAppServer would have given. */
export async function takePooledAppServer(poolUrl: string): Promise<AppServer> {
  const server = (await (await poolRequest(poolUrl, "/take")).json()) as PooledServer;
  return {
    baseUrl: server.baseUrl,
    url: (pathname) => new URL(pathname, server.baseUrl).toString(),
    databaseUrl: null,
    dataDirectory: server.dataDirectory,
    logLines: () => {
      throw new Error("A pooled app server keeps no log for a test file: start one with appServerForThisFile({ keepLog: true })");
    },
    // Returns once the pool has it; the pool stops it while the next file runs, and the run waits for that.
    stop: async () => {
      await poolRequest(poolUrl, `/stop/${server.id}`);
    },
  };
}
