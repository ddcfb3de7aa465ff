import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser } from "./support/browser";
import { childEnvironment } from "./support/child-environment";
import { findFreePort } from "./support/free-port";
import { killProcessGroupNow, startProcessGroup, stopProcessGroup, type ProcessGroup } from "./support/process-group";
import { repositoryRoot } from "./support/repository-root";
import { runCommand } from "./support/run-command";
import { copySeededDataDirectory } from "./support/seeded-data";

let dataDirectory = "";
let browser: Browser | undefined;
const running: ProcessGroup[] = [];
const secret = randomBytes(32).toString("base64url");

beforeAll(async () => {
  dataDirectory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-kill-"));
  // The demo data as `npm run db:seed` left it, seeded once for the whole e2e run.
  await copySeededDataDirectory(dataDirectory);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const group of running) await stopProcessGroup(group);
  await browser?.close();
  await fs.rm(dataDirectory, { recursive: true, force: true });
});

/** `npm start` on the test's own data directory, as an operator runs it; resolves once healthy. */
async function startServer(): Promise<{ group: ProcessGroup; baseUrl: string }> {
  const port = await findFreePort();
  const env = childEnvironment({ DATA_DIR: dataDirectory, NODE_ENV: "production", PORT: String(port), AUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}` });
  const group = startProcessGroup("npm", ["start"], { cwd: repositoryRoot, env });
  running.push(group);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await expect.poll(async () => (await fetch(`${baseUrl}/api/health`).catch(() => null))?.status, { timeout: 90_000, interval: 250 }).toBe(200);
  } catch (error) {
    throw new Error(`npm start never became healthy. Its output:\n${group.output}`, { cause: error });
  }
  return { group, baseUrl };
}

async function signedInPage(baseUrl: string) {
  if (!browser) throw new Error("no browser");
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/ar/login`);
  await page.locator("#username").fill("registrar");
  await page.locator("#password").fill("demo-password");
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
  return page;
}

describe("the embedded database and a SIGKILL of the app", () => {
  test("a family saved just before the kill is there after a restart, and the audit chain verifies", async () => {
    const first = await startServer();
    const page = await signedInPage(first.baseUrl);
    const reference = `TRH-F-${String(9000 + (Date.now() % 1000))}`;
    await page.goto(`${first.baseUrl}/ar/staff/families/new`);
    await page.locator("#reference").fill(reference);
    await page.locator("#contactName").fill("سالم عمر الرماني");
    await page.locator("#area").fill("الحي الشرقي");
    await page.getByTestId("family-form").locator('button[type="submit"]').click();
    await page.getByTestId("family-reference").filter({ hasText: reference }).waitFor();
    const familyPath = new URL(page.url()).pathname;
    await page.context().close();

    killProcessGroupNow(first.group);
    expect(await first.group.exited).toBe("SIGKILL");
    // As a supervisor does: restart once the killed processes are gone (a live one keeps the lock).
    await stopProcessGroup(first.group);

    const second = await startServer();
    const again = await signedInPage(second.baseUrl);
    await again.goto(`${second.baseUrl}${familyPath}`);
    await expect.poll(() => again.getByTestId("family-reference").innerText()).toBe(reference);
    await again.context().close();
    await stopProcessGroup(second.group);

    const verified = await runCommand("npm", ["run", "audit:verify"], { cwd: repositoryRoot, env: childEnvironment({ DATA_DIR: dataDirectory }), timeoutMilliseconds: 120_000 });
    expect(verified).toContain("Audit chain intact");
  });
});
