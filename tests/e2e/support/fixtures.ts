import { afterAll, beforeAll, inject } from "vitest";
import type { Browser } from "playwright-core";
import { startAppServer, type AppServer, type AppServerOptions } from "./app-server";
import { browserForThisWorker, launchBrowser } from "./browser";
import { takePooledAppServer } from "./server-pool";
import { sharedAppServer } from "./shared-app-server";

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not running: its beforeAll hook failed, see above`);
  return value;
}

/**
 * One app server with fresh demo data for the test file, stopped when the file is done. In the e2e
 * project one with no settings (no options) comes from the run's pool (server-pool.ts), started
 * while the files before ran and stopped while the next runs; any other is started here.
 */
export function appServerForThisFile(options: AppServerOptions = {}): { readonly current: AppServer } {
  let server: AppServer | undefined;
  beforeAll(async () => {
    const poolUrl = Object.keys(options).length === 0 ? inject("appServerPoolUrl") : "";
    server = poolUrl ? await takePooledAppServer(poolUrl) : await startAppServer(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get current() {
      return required(server, "The app server");
    },
  };
}

/**
 * The app server shared by the e2e files that only read (shared-app-server.ts says which may): no
 * copy of the data and no server start of their own. A file that changes data, needs settings or
 * the server's log of its own, or judges timing, uses appServerForThisFile instead.
 */
export function sharedAppServerForReaders(): { readonly current: AppServer } {
  let server: AppServer | undefined;
  beforeAll(async () => {
    server = await sharedAppServer();
  });
  return {
    get current() {
      return required(server, "The shared app server");
    },
  };
}

/**
 * One browser for the test file; each test opens its own context so no cookie carries over. In the
 * e2e project (E2E_BROWSER_PER_WORKER, vitest.config.ts) its worker keeps one Chromium for all the
 * files it runs, one after another, instead of launching one per file (about 0.6 CPU-s and half a
 * second a file): what a file leaves open in it, its contexts, is closed when the file ends.
 */
export function browserForThisFile(): { readonly current: Browser } {
  const perWorker = process.env.E2E_BROWSER_PER_WORKER === "1";
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = perWorker ? await browserForThisWorker() : await launchBrowser();
  });
  afterAll(async () => {
    if (!perWorker) await browser?.close();
    else if (browser?.isConnected()) await Promise.all(browser.contexts().map((context) => context.close()));
  });
  return {
    get current() {
      return required(browser, "The browser");
    },
  };
}
