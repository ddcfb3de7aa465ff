import type { Page } from "playwright-core";
import { describe, expect, test, type TestContext } from "vitest";
import { browserForThisFile, sharedAppServerForReaders } from "./support/fixtures";
import { getGraveSites, getPublicSummary, HEADLINE_FIGURES, type PublicSummary } from "./support/public-api";
import { digitsOf, documentLanguage, readHeadlineFigures } from "./support/public-page";
import { DESKTOP, openAppPage, PHONE } from "./support/open-page";
import { countSitesOnMap, imageSourcesOf, libyaOutline, showSiteMap } from "./support/public-map";
import { keepScreenshot } from "./support/screenshots";

const EASTERN_ARABIC_DIGITS = /[٠-٩]/;
const TILE_HOST = "https://tile.openstreetmap.org";

const server = sharedAppServerForReaders();
const browser = browserForThisFile();

function openPage(testContext: TestContext, pathname: string, viewport: { width: number; height: number }, prepare?: (page: Page) => Promise<unknown>) {
  return openAppPage(testContext, browser.current, server.current, pathname, viewport, prepare);
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
    for (const { figure, text, valueText } of await readHeadlineFigures(page)) {
      expect(text, `figure-${figure} shows "${text}"`).not.toMatch(EASTERN_ARABIC_DIGITS);
      // The 3,050 police reports read "3050", never ar-LY's "3.050" (README, Languages).
      if (summary[figure] < 10_000) expect(valueText.trim(), `figure-${figure}`).toBe(String(summary[figure]));
    }
    await expectFiguresMatch(page, summary);
    const banner = page.getByTestId("demo-banner");
    await banner.waitFor({ state: "visible" });
    await expect.poll(() => banner.innerText()).toContain("بيانات");
    await keepScreenshot(page, context.task.name, "desktop", { fullPage: true });
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
    await expect.poll(() => banner.innerText()).toContain("Demonstration data");
    await keepScreenshot(page, context.task.name, "english", { fullPage: true });

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
    await keepScreenshot(page, context.task.name, "phone", { fullPage: true });
  });

  test("the map's grave sites add up to the bodies recovered", async () => {
    const [summary, graveSites] = await Promise.all([getPublicSummary(server.current), getGraveSites(server.current)]);
    const total = graveSites.features.reduce((sum, feature) => sum + feature.properties.bodiesRecovered, 0);
    expect(graveSites.features.length).toBeGreaterThan(0);
    expect(total).toBe(summary.bodiesRecovered);
  });

  test("the map shows every grave site and, when the tiles cannot load, Libya's outline", async (context) => {
    const graveSites = await getGraveSites(server.current);
    expect(await imageSourcesOf(server.current.url("/en")), "the tile server may be reached").toContain(TILE_HOST);
    // Refused on purpose, so the test means the same with or without a network.
    const page = await openPage(context, "/en", PHONE, (page) => page.route(`${TILE_HOST}/**`, (route) => route.abort()));
    await showSiteMap(page);
    await page.getByTestId("map-tiles-unavailable").waitFor({ state: "visible" });
    // The map steps back to the whole country once the tiles fail: count when the clusters have settled.
    await expect.poll(() => countSitesOnMap(page), { timeout: 10_000 }).toBe(graveSites.features.length);
    await libyaOutline(page).waitFor({ state: "visible" });
    await keepScreenshot(page, context.task.name, "phone", { fullPage: true });
  });
});
