import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import type { AppServer } from "./support/app-server";
import { launchBrowser } from "./support/browser";
import { DESKTOP, openPage } from "./support/open-page";
import { startPausableProxy, type PausableProxy } from "./support/pausable-proxy";

const DIRECT_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const INTERNALS = /\bat [\w$.<>]+ \(|\/(work|tmp|home|usr)\/|node_modules|\.next(-builds\/[\w-]+)?\/server|ECONNREFUSED|CONNECT_TIMEOUT|postgres:\/\//;
/** "Answers" means within this long; a hung request never does. Not a speed figure (see docs/RELIABILITY.md). */
const ANSWER_WITHIN_MILLISECONDS = 30_000;
/** DATABASE_STALL_SECONDS for the app under test (lib/env.ts). */
const STALL_SECONDS = 3;

let proxy: PausableProxy | undefined;
let server: AppServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  const direct = new URL(DIRECT_URL);
  proxy = await startPausableProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(direct);
  proxied.port = String(proxy.port);
  // The app's throw-away database is reached through the proxy. throwaway-postgres reads
  // TEST_POSTGRES_URL when it is first loaded, hence the late import.
  process.env.TEST_POSTGRES_URL = proxied.toString();
  const { startAppServer } = await import("./support/app-server");
  // The app's own stall limit (15 s by default) set low, so the page's error comes after some 6 s
  // (3 s of silence, then the 3 s probe) instead of 18 s: the behaviour judged is the same.
  server = await startAppServer({ database: "postgres", environment: { DATABASE_STALL_SECONDS: String(STALL_SECONDS) } });
  browser = await launchBrowser();
});

afterAll(async () => {
  proxy?.resume();
  await browser?.close();
  await server?.stop();
  await proxy?.close();
});

function running<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not running: the beforeAll hook failed, see above`);
  return value;
}

async function health(): Promise<{ status: number; body: string }> {
  const response = await fetch(running(server, "The app server").url("/api/health"), {
    signal: AbortSignal.timeout(ANSWER_WITHIN_MILLISECONDS),
  });
  return { status: response.status, body: await response.text() };
}

async function publicPage(context: TestContext): Promise<Page> {
  const page = await openPage(context, running(browser, "The browser"), running(server, "The app server").url("/ar"), DESKTOP);
  page.context().setDefaultTimeout(ANSWER_WITHIN_MILLISECONDS);
  return page;
}

describe("PostgreSQL stops answering but keeps its connections open", () => {
  test("health answers 503, the public page shows the calm error, and both recover by themselves when it answers again", async (context) => {
    const hung = running(proxy, "The proxy");
    const page = await publicPage(context);
    await page.getByTestId("figure-value").first().waitFor();
    expect(await health()).toEqual({ status: 200, body: JSON.stringify({ status: "ok", db: "ok" }) });

    hung.pause();
    try {
      // One request, not a poll: it must come back on its own while the database still hangs.
      expect(await health()).toEqual({ status: 503, body: JSON.stringify({ status: "error", db: "error" }) });
      const response = await page.goto(running(server, "The app server").url("/ar"));
      await page.getByText(arabic.Errors.title).waitFor();
      await expect.poll(() => page.getByTestId("figure-value").count()).toBe(0);
      expect(await response?.text()).not.toMatch(INTERNALS);
      await expect.poll(() => page.locator("body").innerText()).not.toMatch(INTERNALS);
      expect(await health()).toEqual({ status: 503, body: JSON.stringify({ status: "error", db: "error" }) });
    } finally {
      hung.resume();
    }

    await expect.poll(health, { timeout: 60_000, interval: 500 }).toEqual({ status: 200, body: JSON.stringify({ status: "ok", db: "ok" }) });
    await page.goto(running(server, "The app server").url("/ar"));
    await page.getByTestId("figure-value").first().waitFor();
    await expect.poll(() => page.getByText(arabic.Errors.title).count()).toBe(0);
  });
});
