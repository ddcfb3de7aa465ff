import type { Browser, Page } from "playwright-core";
import type { TestContext } from "vitest";
import type { AppServer } from "./app-server";
import { screenshotPath } from "./screenshots";

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 740 };

/** A page in its own browser context, photographed if the test fails and closed when it ends. */
export async function openPage(
  testContext: TestContext,
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const browserContext = await browser.newContext({ viewport });
  // The pages are rendered on the server from local data: waiting longer than this only delays the failure.
  browserContext.setDefaultTimeout(15_000);
  const page = await browserContext.newPage();
  testContext.onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      await page.screenshot({ path: screenshotPath(task.name, "failure"), fullPage: true });
    }
    await browserContext.close();
  });
  await prepare?.(page);
  await page.goto(url);
  return page;
}

/** Opens `pathname` of the server's app, the usual case of openPage. */
export function openAppPage(
  testContext: TestContext,
  browser: Browser,
  server: AppServer,
  pathname: string,
  viewport: { width: number; height: number },
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  return openPage(testContext, browser, server.url(pathname), viewport, prepare);
}

/** Signs a demo account in through the Arabic sign-in form; the page is left on the staff area. */
export async function openSignedInPage(
  testContext: TestContext,
  browser: Browser,
  server: AppServer,
  username = "registrar",
  options: { viewport?: { width: number; height: number }; timeoutMs?: number } = {},
): Promise<Page> {
  const { viewport = DESKTOP, timeoutMs } = options;
  // Slow steps (a large import, many forms) may need longer than openPage's default wait.
  const prepare = timeoutMs ? async (page: Page) => page.context().setDefaultTimeout(timeoutMs) : undefined;
  const page = await openAppPage(testContext, browser, server, "/ar/login", viewport, prepare);
  // The sign-in form posts as plain HTML too, so it can be filled before it hydrates.
  await page.locator("#username").fill(username);
  await page.locator("#password").fill("demo-password");
  await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname.startsWith("/ar/staff"));
  return page;
}
