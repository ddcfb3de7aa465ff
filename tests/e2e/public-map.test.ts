import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { appServerForThisFile, browserForThisFile } from "./support/fixtures";
import { DESKTOP, openAppPage, PHONE } from "./support/open-page";
import { insertRemains, readPersonalData } from "./support/personal-data";
import { getGraveSites, getPublicSummary } from "./support/public-api";
import { digitsOf, readHeadlineFigures } from "./support/public-page";
import { countSitesOnMap, imageSourcesOf, libyaOutline, showSiteMap } from "./support/public-map";
import { keepScreenshot } from "./support/screenshots";

// On PostgreSQL so that a test can change the records behind the app's back; tiles off, as in an
// offline deployment.
const server = appServerForThisFile({ database: "postgres", environment: { MAP_TILE_URL: "none" } });
const browser = browserForThisFile();

function databaseUrl(): string {
  const url = server.current.databaseUrl;
  if (!url) throw new Error("the server was expected to run on PostgreSQL");
  return url;
}

async function bodiesRecoveredShown(page: Page): Promise<number> {
  const figures = await readHeadlineFigures(page);
  return Number(digitsOf(figures.find((entry) => entry.figure === "bodiesRecovered")?.valueText ?? ""));
}

describe("the public map", () => {
  test("shows every grave site, alone or in a cluster, and the table lists every one", async (context) => {
    const graveSites = await getGraveSites(server.current);
    const page = await openAppPage(context, browser.current, server.current, "/en", DESKTOP);
    await expect.poll(() => countSitesOnMap(page)).toBe(graveSites.features.length);
    const table = page.getByRole("table", { name: "Grave sites with the number of bodies recovered and identified at each" });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(graveSites.features.length);
  });

  test("with MAP_TILE_URL=none it draws Libya's outline and lets the page load no tiles", async (context) => {
    expect(await imageSourcesOf(server.current.url("/ar"))).toBe("img-src 'self' data: blob:");
    const page = await openAppPage(context, browser.current, server.current, "/ar", PHONE);
    await showSiteMap(page);
    const outline = libyaOutline(page);
    await outline.waitFor({ state: "visible" });
    const box = await outline.boundingBox();
    // Fitted to the map box, the whole country spans most of a phone's width.
    expect(box?.width ?? 0).toBeGreaterThan(PHONE.width / 2);
    // No image tile from a tile server; the offline basemap draws its own canvas tiles.
    await expect.poll(() => page.locator("img.leaflet-tile").count()).toBe(0);
    await keepScreenshot(page.getByTestId("site-map"), context.task.name, "map");
    await keepScreenshot(page, context.task.name, "phone", { fullPage: true });
  });

  test("no name, phone, case number or family reference reaches the public page or API", async (context) => {
    const personalData = await readPersonalData(databaseUrl());
    expect(personalData.length).toBeGreaterThan(1000);
    const page = await openAppPage(context, browser.current, server.current, "/ar", DESKTOP);
    await countSitesOnMap(page);
    const published = await Promise.all(
      ["/ar", "/en", "/api/public/summary", "/api/public/sites.geojson"].map(async (pathname) => ({
        pathname,
        text: await (await fetch(server.current.url(pathname))).text(),
      })),
    );
    published.push({ pathname: "/ar after the map loaded", text: await page.content() });
    for (const { pathname, text } of published) {
      // Any real case number or family reference; format examples in messages use zeros only.
      expect(text, pathname).not.toMatch(/TRH-(MP|F)-0*[1-9]/);
      expect(personalData.filter((value) => text.includes(value)), pathname).toEqual([]);
    }
  });

  test("a body recorded meanwhile shows on the page at the next visit, without a restart", async (context) => {
    const before = await getPublicSummary(server.current);
    await insertRemains(databaseUrl(), "TRH-GS-01", "TRH-GS-01-B900");
    // Another process's commit reaches the app as a database notification, within milliseconds.
    await expect.poll(async () => (await getPublicSummary(server.current)).bodiesRecovered, { timeout: 5_000 }).toBe(before.bodiesRecovered + 1);
    const page = await openAppPage(context, browser.current, server.current, "/en", DESKTOP);
    await expect.poll(() => bodiesRecoveredShown(page)).toBe(before.bodiesRecovered + 1);
    const siteRow = page.getByRole("row").filter({ hasText: "TRH-GS-01" });
    const graveSites = await getGraveSites(server.current);
    const total = graveSites.features.reduce((sum, feature) => sum + feature.properties.bodiesRecovered, 0);
    expect(total).toBe(before.bodiesRecovered + 1);
    await expect.poll(() => siteRow.innerText()).toContain("25");
  });
});
