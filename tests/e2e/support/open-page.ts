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
