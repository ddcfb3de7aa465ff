import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { getGraveSites, getPublicSummary, HEADLINE_FIGURES, type PublicSummary } from "./support/public-api";
import { digitsOf, documentLanguage, readHeadlineFigures } from "./support/public-page";
import { screenshotPath } from "./support/screenshots";

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 740 };
const EASTERN_ARABIC_DIGITS = /[٠-٩]/;

const server = appServerForThisFile();
const browser = browserForThisFile();

/** A page in its own browser context, photographed if the test fails and closed when it ends. */
async function openPage(
  testContext: TestContext,
  pathname: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const browserContext = await browser.current.newContext({ viewport });
  // The pages are rendered on the server from local data: waiting longer than this only delays the failure.
  browserContext.setDefaultTimeout(15_000);
  const page = await browserContext.newPage();
  testContext.onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      await page.screenshot({ path: screenshotPath(task.name, "failure"), fullPage: true });
    }
    await browserContext.close();
  });
  await page.goto(server.current.url(pathname));
  return page;
}

async function expectFiguresMatch(page: Page, summary: PublicSummary): Promise<void> {
  for (const { figure, valueText } of await readHeadlineFigures(page)) {
    expect(digitsOf(valueText), `figure-${figure} shows "${valueText}"`).toBe(String(summary[figure]));
  }
}

async function expectDocumentLanguage(page: Page, lang: string, dir: string): Promise<void> {
  // Switching language replaces the root layout, so the attributes change a moment after the URL.
  await expect.poll(() => documentLanguage(page), { timeout: 15_000 }).toEqual({ lang, dir });
}

describe("the public page", () => {
  test("the demo data is loaded, so there is something to show", async () => {
    const summary = await getPublicSummary(server.current);
    for (const figure of HEADLINE_FIGURES) expect(summary[figure], figure).toBeGreaterThan(0);
  });

  test("the home address opens the Arabic page", async () => {
    const response = await fetch(server.current.url("/"));
    expect(response.redirected).toBe(true);
    expect(new URL(response.url).pathname).toBe("/ar");
    expect(response.status).toBe(200);
  });

  test("shows the headline figures in Arabic, right to left, with Western digits", async (context) => {
    const summary = await getPublicSummary(server.current);
    const page = await openPage(context, "/ar", DESKTOP);
    await expectDocumentLanguage(page, "ar", "rtl");
    for (const { figure, text } of await readHeadlineFigures(page)) {
      expect(text, `figure-${figure} shows "${text}"`).not.toMatch(EASTERN_ARABIC_DIGITS);
    }
    await expectFiguresMatch(page, summary);
    const banner = page.getByTestId("demo-banner");
    await banner.waitFor({ state: "visible" });
    expect(await banner.innerText()).toContain("بيانات");
    await page.screenshot({ path: screenshotPath(context.task.name, "desktop"), fullPage: true });
  });

  test("the language switch goes to English and back with the same figures", async (context) => {
    const summary = await getPublicSummary(server.current);
    const page = await openPage(context, "/ar", DESKTOP);
    await page.getByTestId("language-switch").click();
    await page.waitForURL((url) => url.pathname === "/en");
    await expectDocumentLanguage(page, "en", "ltr");
    await expectFiguresMatch(page, summary);
    const banner = page.getByTestId("demo-banner");
    await banner.waitFor({ state: "visible" });
    expect(await banner.innerText()).toContain("Demonstration data");
    await page.screenshot({ path: screenshotPath(context.task.name, "english"), fullPage: true });

    await page.getByTestId("language-switch").click();
    await page.waitForURL((url) => url.pathname === "/ar");
    await expectDocumentLanguage(page, "ar", "rtl");
    await expectFiguresMatch(page, summary);
  });

  test("the Arabic page shows the figures on a phone", async (context) => {
    const summary = await getPublicSummary(server.current);
    const page = await openPage(context, "/ar", PHONE);
    await expectDocumentLanguage(page, "ar", "rtl");
    await expectFiguresMatch(page, summary);
    await page.screenshot({ path: screenshotPath(context.task.name, "phone"), fullPage: true });
  });

  test("the map's grave sites add up to the bodies recovered", async () => {
    const [summary, graveSites] = await Promise.all([getPublicSummary(server.current), getGraveSites(server.current)]);
    const total = graveSites.features.reduce((sum, feature) => sum + feature.properties.bodiesRecovered, 0);
    expect(graveSites.features.length).toBeGreaterThan(0);
    expect(total).toBe(summary.bodiesRecovered);
  });
});
