import postgres from "postgres";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, test, type TestContext } from "vitest";
import arabic from "@/lib/i18n/messages/ar";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { openSignedInPage } from "./support/open-page";

const server = appServerForThisFile({ database: "postgres" });
const browser = browserForThisFile();
const admin = postgres(process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test", { max: 1, onnotice: () => {} });

afterAll(async () => {
  await admin.end({ timeout: 5 });
});

const INTERNALS = /\bat [\w$.<>]+ \(|\/(work|tmp|home|usr)\/|node_modules|\.next(-builds\/[\w-]+)?\/server|ECONNREFUSED|postgres:\/\//;

function appDatabaseName(): string {
  const url = server.current.databaseUrl;
  if (!url) throw new Error("the server does not run on PostgreSQL");
  return new URL(url).pathname.slice(1);
}

/** The database goes away for the app: new connections are refused and open ones are cut. */
async function takeDatabaseAway(): Promise<void> {
  const name = appDatabaseName();
  await admin.unsafe(`alter database ${name} allow_connections false`);
  await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
}

async function bringDatabaseBack(): Promise<void> {
  await admin.unsafe(`alter database ${appDatabaseName()} allow_connections true`);
}

async function health(): Promise<{ status: number; body: string }> {
  const response = await fetch(server.current.url("/api/health"));
  return { status: response.status, body: await response.text() };
}

const registrarPage = (context: TestContext): Promise<Page> => openSignedInPage(context, browser.current, server.current);

describe("PostgreSQL becomes unreachable while the app runs", () => {
  test("health answers 503, a page shows the calm error, and both recover by themselves when the database returns", async (context) => {
    const page = await registrarPage(context);
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").waitFor();

    await takeDatabaseAway();
    try {
      await expect.poll(health, { timeout: 30_000, interval: 500 }).toEqual({ status: 503, body: JSON.stringify({ status: "error", db: "error" }) });
      const response = await page.goto(server.current.url("/ar/staff/families"));
      await page.getByText(arabic.Errors.title).waitFor();
      // A locator object is always truthy: wait for the message itself to show.
      await page.getByText(arabic.Errors.body).waitFor({ state: "visible" });
      await expect.poll(() => page.getByTestId("family-rows").count()).toBe(0);
      expect(await response?.text()).not.toMatch(INTERNALS);
      await expect.poll(() => page.locator("body").innerText()).not.toMatch(INTERNALS);
    } finally {
      await bringDatabaseBack();
    }

    await expect.poll(health, { timeout: 30_000, interval: 500 }).toEqual({ status: 200, body: JSON.stringify({ status: "ok", db: "ok" }) });
    await page.goto(server.current.url("/ar/staff/families"));
    await page.getByTestId("family-rows").waitFor();
  });
});
